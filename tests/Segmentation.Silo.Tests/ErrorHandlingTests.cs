using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests;

public sealed class ErrorHandlingTests
{
    private const string SecretDetail = "connection string with password=hunter2";

    [Fact]
    public async Task UnhandledException_InRequest_Returns500ProblemDetailsWithoutExceptionText()
    {
        using var guard = HangGuard.Start();
        await using var factory = new SiloApplicationFactory()
            .WithServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpointFilter>());
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(ThrowingEndpointFilter.Path, guard.Token);
        var body = await response.Content.ReadAsStringAsync(guard.Token);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":500", body, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretDetail, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_Get_Returns404ProblemDetails()
    {
        using var guard = HangGuard.Start();
        await using var factory = new SiloApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/no-such-endpoint", guard.Token);
        var body = await response.Content.ReadAsStringAsync(guard.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", body, StringComparison.Ordinal);
    }

    // Appends, behind the host's own pipeline, a terminal middleware that throws for one path.
    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public const string Path = "/test/throw";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == Path
                ? throw new InvalidOperationException(SecretDetail)
                : Task.CompletedTask);
        };
    }
}
