using System.Xml.Linq;
using Segmentation.Delivery.Outbox;
using Segmentation.Grains;

namespace Segmentation.Delivery.Tests;

/// <summary>The outbox's placement agrees with the grains that append to it, and delivery stays below the grains.</summary>
public sealed class ContractTests
{
    [Fact]
    public void ShardOf_AnyCustomer_IsTheShardOfItsOtherPopulationGrains()
    {
        var customers = Enumerable.Range(0, 5000).Select(static i => $"customer-{i}").Append("ada@example.com").Append("ü-1");

        Assert.All(customers, customer => Assert.Equal(Shards.For(customer), OutboxGrain.ShardOf(customer)));
        Assert.Equal(Shards.All, OutboxGrain.AllShards);
    }

    [Fact]
    public void ProjectReferences_DeliverySitsBelowTheGrains()
    {
        // The customer grains append intents, so Segmentation.Grains references delivery, never the other way.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Segmentation.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The repository root (Segmentation.sln) is not above the test binaries.");
        }

        var project = XDocument.Load(Path.Combine(root.FullName, "src", "Segmentation.Delivery", "Segmentation.Delivery.csproj"));
        var references = project.Descendants("ProjectReference")
            .Select(static r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Segmentation.Domain", "Segmentation.Runtime"], references);
    }
}
