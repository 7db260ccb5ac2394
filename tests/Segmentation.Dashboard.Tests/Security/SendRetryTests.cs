using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Dashboard.Tests.Infrastructure;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Silo.Dashboard.Accounts;
using Segmentation.Silo.Dashboard.Sends;
using Segmentation.TestKit.Esp;

namespace Segmentation.Dashboard.Tests.Security;

/// <summary>
/// A retry as the send log's button makes it, in the silo's own services, for the account of a page's connection: a
/// viewer's request (a forged one: the page shows viewers no button) is refused; an editor's is recorded by name.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SendRetryTests(DashboardFixture fixture)
{
    [Fact]
    public async Task RetryAsync_Viewer_IsRefusedAndTheSendStaysDeadLettered()
    {
        var sends = new SendLogDriver(fixture.Silo);
        var intent = await DeadLetterAsync(sends);
        await using var scope = SignedIn(DashboardRole.Viewer, DevelopmentAccounts.ViewerUserName);

        var result = await scope.ServiceProvider.GetRequiredService<DashboardSendRetry>().RetryAsync(intent.SendId);

        Assert.Null(result);
        var send = await sends.Outbox.GetAsync(intent.SendId);
        Assert.Equal(SendStatus.DeadLettered, send!.Status);
        Assert.Empty(send.Retries);
        Assert.Contains(fixture.Silo.Logs.Messages, static m => m.Contains("send retry from the dashboard was refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetryAsync_Editor_MakesTheSendPendingAndRecordsTheUserName()
    {
        var sends = new SendLogDriver(fixture.Silo);
        var intent = await DeadLetterAsync(sends);
        await using var scope = SignedIn(DashboardRole.Editor, DevelopmentAccounts.EditorUserName);

        var result = await scope.ServiceProvider.GetRequiredService<DashboardSendRetry>().RetryAsync(intent.SendId);

        Assert.Equal(SendRetryStatus.Accepted, result!.Status);
        Assert.Equal(DevelopmentAccounts.EditorUserName, Assert.Single(result.Send!.Retries).RequestedBy);
        await sends.WaitForStatusAsync(intent.SendId, SendStatus.Delivered);
        Assert.DoesNotContain(fixture.Silo.Logs.Messages, static m => m.Contains(DevelopmentAccounts.EditorUserName, StringComparison.Ordinal));
    }

    // Two attempts answered 500; later requests get 200, so an accepted retry delivers it.
    private async Task<SendIntent> DeadLetterAsync(SendLogDriver sends)
    {
        fixture.Esp.Script(ReceiverAnswer.Ok, ReceiverAnswer.Status(500), ReceiverAnswer.Status(500));
        var intent = await sends.SendAsync(SendLogDriver.NewCustomerId("retry"));
        await sends.WaitForStatusAsync(intent.SendId, SendStatus.DeadLettered);
        return intent;
    }

    // The services of one page's connection, signed in as Blazor signs in a connection: its authentication state.
    private AsyncServiceScope SignedIn(DashboardRole role, string userName)
    {
        var scope = fixture.Silo.Services.CreateAsyncScope();
        var principal = DashboardPrincipal.For(new DashboardAccount { UserName = userName, Role = role });
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }
}
