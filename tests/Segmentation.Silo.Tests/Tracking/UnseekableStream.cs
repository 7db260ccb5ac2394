namespace Segmentation.Silo.Tests.Tracking;

/// <summary>A read-only stream that hides its length, so that HttpClient sends it chunked (without Content-Length).</summary>
internal sealed class UnseekableStream(byte[] data) : MemoryStream(data, writable: false)
{
    public override bool CanSeek => false;
}
