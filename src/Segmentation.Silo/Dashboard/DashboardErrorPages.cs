using System.Net.Mime;

namespace Segmentation.Silo.Dashboard;

/// <summary>
/// The friendly HTML answers to a browser for an unknown address, a refused request or a failure: a fixed page per
/// status, never exception text. They work without the application's components, so they still show when rendering
/// fails. Only requests that ask for HTML get them: API clients keep their ProblemDetails answers.
/// </summary>
internal static class DashboardErrorPages
{
    private static readonly (string Title, string Text) NotFound =
        ("Page not found", "There is nothing at this address. It may have been mistyped, or what it showed was removed.");

    private static readonly (string Title, string Text) Refused =
        ("Request refused", "The dashboard could not accept this request. The form may have expired: go back, reload the page and try again.");

    private static readonly (string Title, string Text) Failed =
        ("Something went wrong", "The page could not be shown. The problem was recorded; try again in a moment.");

    /// <summary>True for a browser's request (it names <c>text/html</c> in <c>Accept</c>).</summary>
    public static bool IsFor(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(static accept => accept.MediaType.Equals(MediaTypeNames.Text.Html, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the page for the response's status code (set before this runs).</summary>
    public static Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (title, text) = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => NotFound,
            < 500 => Refused,
            _ => Failed,
        };
        context.Response.ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
        return context.Response.WriteAsync(Page(title, text), context.RequestAborted);
    }

    private static string Page(string title, string text) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{title}} · Segmentation</title>
            <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
            <link rel="stylesheet" href="/css/dashboard.css" />
        </head>
        <body>
            <header class="topbar"><a class="brand" href="/">Segmentation</a></header>
            <main id="main" class="public">
                <section class="panel notice" aria-labelledby="title">
                    <h1 id="title">{{title}}</h1>
                    <p>{{text}}</p>
                    <p><a href="/">Back to the overview</a></p>
                </section>
            </main>
        </body>
        </html>
        """;
}
