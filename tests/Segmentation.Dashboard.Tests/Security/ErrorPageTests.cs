using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Dashboard.Tests.Infrastructure;

namespace Segmentation.Dashboard.Tests.Security;

public sealed class ErrorPageTests
{
    private const string SecretDetail = "connection string with password=hunter2";
    private const string ThrowingPath = "/reports/broken";

    [Fact]
    public async Task Failure_BrowserRequest_AnswersFriendly500PageWithoutExceptionText()
    {
        await using var silo = await DashboardSilo.StartAsync(static builder =>
            builder.Services.AddSingleton<IStartupFilter, ThrowingPathFilter>());
        using var http = new DashboardHttp(silo.BaseAddress);

        using var response = await http.GetAsync(ThrowingPath);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretDetail, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
    }

    // Appends, behind the silo's own pipeline, a terminal middleware that fails for one path.
    private sealed class ThrowingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(static context => context.Request.Path == ThrowingPath
                ? throw new InvalidOperationException(SecretDetail)
                : Task.CompletedTask);
        };
    }
}
