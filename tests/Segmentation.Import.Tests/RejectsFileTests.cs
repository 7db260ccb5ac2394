using System.Text;
using Segmentation.Import.Orders;
using Segmentation.Import.Tests.Infrastructure;

namespace Segmentation.Import.Tests;

/// <summary>The rejects CSV.</summary>
public sealed class RejectsFileTests
{
    [Fact]
    public void Write_ListsEachRejectedRowWithCodeAndDetail()
    {
        var plan = CsvText.Read(CsvText.Lines(
            "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,,United Kingdom",
            "536366,22633,\"HAND, WARMER\",six,2010-12-01 08:28:00,1.85,17850.0,United Kingdom"));
        using var stream = new MemoryStream();

        RejectsFile.Write(stream, plan.Rejections);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "line,reason,detail,invoice,customer_id,product",
                "2,missing-customer-id,,536365,,85123A",
                "3,invalid-quantity,'six',536366,17850,22633",
            ],
            lines);
    }
}
