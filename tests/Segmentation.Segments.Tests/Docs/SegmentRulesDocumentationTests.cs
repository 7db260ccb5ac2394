using System.Text.RegularExpressions;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Tests.Support;

namespace Segmentation.Segments.Tests.Docs;

public partial class SegmentRulesDocumentationTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryFiles.SegmentRulesDocumentation).Select(line => line.TrimEnd()).ToArray();

    [Fact]
    public void Examples_EveryRuleOfTheExamplesTable_Parses()
    {
        // Arrange
        var rules = Section("## Examples")
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Segment", StringComparison.Ordinal) && !line.StartsWith("|---", StringComparison.Ordinal))
            .SelectMany(line => Code().Matches(line.Split(" | ")[1]).Select(match => match.Groups[1].Value))
            .ToList();

        // Act + Assert
        Assert.True(rules.Count >= 20, $"Found {rules.Count} example rules.");
        foreach (var rule in rules)
        {
            Assert.NotNull(SegmentRuleParser.Parse(rule));
        }
    }

    [Fact]
    public void Errors_EveryRuleOfTheErrorsTable_GivesTheDocumentedMessage()
    {
        // Arrange
        var rows = Section("## Errors")
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Trim('|', ' ').Split(" | "))
            .ToList();

        // Act + Assert
        Assert.True(rows.Count >= 15, $"Found {rows.Count} error rows.");
        foreach (var row in rows)
        {
            var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleParser.Parse(row[0].Trim('`')));
            Assert.Equal(row[1], exception.Message);
        }
    }

    private static IEnumerable<string> Section(string heading) =>
        Lines.SkipWhile(line => line != heading).Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
