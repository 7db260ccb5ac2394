using System.Text;
using Segmentation.Grains.Segments;
using Segmentation.Silo.Segments;

namespace Segmentation.Silo.Tests.Segments;

public sealed class SegmentMembersCsvTests
{
    [Theory]
    [InlineData("c-1", "c-1")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData("", "")]
    public void AppendField_Value_QuotesOnlyWhatRfc4180Requires(string value, string expected)
    {
        // Arrange
        var builder = new StringBuilder();

        // Act
        SegmentMembersCsv.AppendField(builder, value);

        // Assert
        Assert.Equal(expected, builder.ToString());
    }

    [Fact]
    public void AppendLine_MemberWithOffsetTime_WritesUtcIso8601AndCrLf()
    {
        // Arrange
        var builder = new StringBuilder();
        var since = new DateTimeOffset(2026, 3, 2, 13, 4, 5, 120, TimeSpan.FromHours(1));

        // Act
        SegmentMembersCsv.AppendLine(builder, new SegmentMember("u,1", since));

        // Assert
        Assert.Equal("\"u,1\",2026-03-02T12:04:05.12Z\r\n", builder.ToString());
    }
}
