using System.Net;
using Segmentation.LoadGenerator.Sending;

namespace Segmentation.LoadGenerator.Tests;

public sealed class LoopbackUrlTests
{
    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://LOCALHOST:5080/")]
    [InlineData("https://localhost")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.255.3.4:1/")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://[::ffff:127.0.0.1]:5080")]
    [InlineData("http://127.0.0.1:5080/tenant-a")]
    public void Loopback_urls_are_accepted(string text)
    {
        Assert.True(LoopbackUrl.TryParse(text, out var url, out var error), error);
        Assert.NotNull(url);
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://10.0.0.1:5080")]
    [InlineData("http://192.168.1.10")]
    [InlineData("http://128.0.0.1")]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://[2001:db8::1]:5080")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("http://localhost@example.com")]
    [InlineData("http://user:secret@127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("file:///tmp/x")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Anything_else_is_refused_with_a_reason(string text)
    {
        Assert.False(LoopbackUrl.TryParse(text, out var url, out var error));
        Assert.Null(url);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void The_refusal_names_the_host_and_the_rule()
    {
        LoopbackUrl.TryParse("http://example.com:5080", out _, out var error);

        Assert.Contains("example.com", error, StringComparison.Ordinal);
        Assert.Contains("localhost, 127.0.0.0/8 or [::1]", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.9.9.9", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.2", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("fe80::1", false)]
    public void Loopback_addresses_are_127_slash_8_and_ipv6_one(string address, bool expected) =>
        Assert.Equal(expected, LoopbackUrl.IsLoopbackAddress(IPAddress.Parse(address)));

    [Fact]
    public void The_http_sink_refuses_a_remote_url_before_any_request()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new HttpEventSink(new Uri("http://203.0.113.7:5080"), "key", 1, TimeSpan.FromSeconds(1)));

        Assert.Contains("203.0.113.7", exception.Message, StringComparison.Ordinal);
    }
}
