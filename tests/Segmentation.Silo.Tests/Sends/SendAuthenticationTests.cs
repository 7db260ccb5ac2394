using System.Net;
using Segmentation.Delivery.Sends;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.TestKit.Esp;

namespace Segmentation.Silo.Tests.Sends;

public sealed class SendAuthenticationTests
{
    public static TheoryData<string, string?> Requests => new()
    {
        { "GET", null },
        { "GET", "wrong-key-0000-0000-0000-0000-0000-0000" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Sends_WithoutAValidKey_Return401ProblemAndRetryNothing(string method, string? key)
    {
        // Arrange: a dead-lettered send a stranger would like to send again.
        using var guard = HangGuard.Start();
        await using var silo = await SendsTestSilo.StartAsync(guard.Token);
        var intent = SendsTestSilo.Intent("u-1", "cart_abandonment", "c-1", minutesAgo: 5);
        silo.Esp.FirstAnswer(intent.SendId, ReceiverAnswer.Status(500));
        await silo.SendAsync(guard.Token, intent);

        // Act
        var answers = new List<HttpResponseMessage>
        {
            await silo.SendAsync(new HttpMethod(method), "/api/sends", guard.Token, key: key),
            await silo.SendAsync(new HttpMethod(method), $"/api/sends/{intent.SendId}", guard.Token, key: key),
            await silo.SendAsync(HttpMethod.Post, $"/api/sends/{intent.SendId}/retry", guard.Token, key: key),
            await silo.SendAsync(HttpMethod.Get, "/api/customers/u-1", guard.Token, key: key),
        };

        // Assert
        Assert.All(answers, response =>
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        });
        Assert.Equal(SendStatus.DeadLettered, (await silo.Outbox.GetAsync(intent.SendId, guard.Token))!.Status);
        Assert.Single(silo.Esp.Requests);
        answers.ForEach(static response => response.Dispose());
    }
}
