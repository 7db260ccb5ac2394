namespace Segmentation.Runtime.Tests.Grains;

public sealed class Notes
{
    public List<string> Lines { get; set; } = [];
}
