using System.Text;
using Segmentation.Delivery.Esp;

namespace Segmentation.Delivery.Tests;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Sign_StandardWebhooksReferenceVector_GivesThePublishedSignature()
    {
        // Arrange: the example of the Standard Webhooks specification.
        Assert.True(WebhookSecret.TryParse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", out var key, out _));

        // Act
        var signature = WebhookSignature.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));

        // Assert
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Sign_OneByteOfTheBodyChanged_GivesAnotherSignature()
    {
        Assert.True(WebhookSecret.TryParse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", out var key, out _));

        var original = WebhookSignature.Sign(key, "snd_1", 1, "{\"a\":1}"u8);
        var changed = WebhookSignature.Sign(key, "snd_1", 1, "{\"a\":2}"u8);
        var otherTime = WebhookSignature.Sign(key, "snd_1", 2, "{\"a\":1}"u8);

        Assert.NotEqual(original, changed);
        Assert.NotEqual(original, otherTime);
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 24)]
    [InlineData("whsec_Y4lqNKFNv9okLA85QiCk86ICB8awP3fL0rpxoPWoMQs=", 32)]
    public void TryParse_ValidSecret_GivesTheKeyBytes(string secret, int length)
    {
        Assert.True(WebhookSecret.TryParse(secret, out var key, out var problem));
        Assert.Null(problem);
        Assert.Equal(length, key.Length);
    }

    [Theory]
    [InlineData(null, "must be set")]
    [InlineData("", "must be set")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "must start with 'whsec_'")]
    [InlineData("whsec_", "valid base64")]
    [InlineData("whsec_not base64!", "valid base64")]
    [InlineData("whsec_c2hvcnQ=", "24 to 64 bytes")]
    public void TryParse_InvalidSecret_SaysWhatIsWrong(string? secret, string expected)
    {
        Assert.False(WebhookSecret.TryParse(secret, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
