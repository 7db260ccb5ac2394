using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Segments.Catalog;
using Segmentation.Segments.Evaluation;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Tests.Support;

namespace Segmentation.Segments.Tests.Catalog;

public class AttributeCatalogTests
{
    [Fact]
    public void ToMarkdownTable_IsTheTableOfTheDocumentation()
    {
        // Arrange
        var docs = File.ReadAllText(RepositoryFiles.SegmentRulesDocumentation).ReplaceLineEndings("\n");
        const string begin = "<!-- attribute-table:begin -->\n";
        const string end = "<!-- attribute-table:end -->";
        var start = docs.IndexOf(begin, StringComparison.Ordinal) + begin.Length;

        // Act
        var table = AttributeCatalog.ToMarkdownTable();

        // Assert
        Assert.Equal(table, docs[start..docs.IndexOf(end, start, StringComparison.Ordinal)]);
    }

    [Fact]
    public void Values_FollowTheDomainEnumerations()
    {
        // Assert: the compiler maps values to enum members by position.
        Assert.Equal(Enum.GetNames<LifecycleStage>().Select(Key), AttributeCatalog.LifecycleValues.Select(Key));
        Assert.Equal(Enum.GetNames<RfmCell>().Select(Key), AttributeCatalog.RfmCellValues.Select(Key));
        Assert.Equal(Enum.GetNames<ConsentStatus>().Select(Key), AttributeCatalog.ConsentValues.Select(Key));
        Assert.Equal(Enum.GetValues<RfmCell>().Select(RfmGrid.DisplayName), AttributeCatalog.RfmCellValues);
    }

    [Fact]
    public void All_EveryAttributeParsesAndCompiles()
    {
        // Arrange
        var profile = new CustomerProfile();
        var context = new SegmentEvaluationContext(DateTimeOffset.UnixEpoch);

        foreach (var definition in AttributeCatalog.All.Where(d => d.Kind == AttributeKind.Attribute))
        {
            // Act
            var rule = SegmentRuleCompiler.Compile(definition.Name + " exists");

            // Assert: nothing throws on an empty profile.
            rule.Evaluate(profile, context);
            rule.NextChange(profile, context);
            Assert.Same(definition, AttributeCatalog.FindAttribute(definition.Name));
        }
    }

    [Theory]
    [InlineData("At Risk", 7)]
    [InlineData("at_risk", 7)]
    [InlineData("CANT-LOSE-THEM", 8)]
    [InlineData("can't lose them", 8)]
    [InlineData("Whales", -1)]
    public void IndexOfValue_AnySpellingOfLettersAndDigits_FindsTheCell(string text, int index)
    {
        // Act
        var found = AttributeCatalog.IndexOfValue(AttributeCatalog.FindAttribute("rfm.cell")!, text);

        // Assert
        Assert.Equal(index, found);
    }

    [Fact]
    public void Parse_EveryDocumentedExample_IsValid()
    {
        // Arrange
        string[] examples =
        [
            .. AttributeCatalog.All.Where(d => d.Kind != AttributeKind.Attribute && d.Kind != AttributeKind.Trait).Select(d => d.Syntax + (d.Type == RuleValueType.Boolean ? string.Empty : " > 0")),
            "traits.plan = \"gold\"",
            "traits.address.city = \"Paris\"",
        ];

        // Act + Assert
        foreach (var example in examples)
        {
            Assert.NotNull(SegmentRuleParser.Parse(example));
        }
    }

    private static string Key(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
