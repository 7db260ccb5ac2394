using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>Requests and response checks for the tracking API tests.</summary>
internal static class TrackingHttp
{
    /// <summary>A JSON POST; with a key, that key as HTTP Basic user name and an empty password.</summary>
    public static HttpRequestMessage Json(string path, string json, string? basicKey = null) =>
        Bytes(path, Encoding.UTF8.GetBytes(json), "application/json", basicKey);

    public static HttpRequestMessage Bytes(string path, byte[] body, string contentType, string? basicKey = null, string? contentEncoding = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (contentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(contentEncoding);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (basicKey is not null)
        {
            request.Headers.Authorization = Basic(basicKey);
        }

        return request;
    }

    public static AuthenticationHeaderValue Basic(string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts Segment's plain success answer, exactly <c>{"success":true}</c>.</summary>
    public static async Task AssertSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"success":true}""", body);
    }

    /// <summary>Asserts a ProblemDetails answer with the status and code; returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(
        HttpResponseMessage response, HttpStatusCode status, string code, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var body = document.RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        return body;
    }

    /// <summary>The (index, code, path) of each item of a <c>rejected</c> array.</summary>
    public static List<(int Index, string Code, string Path)> Rejected(JsonElement body) =>
        body.GetProperty("rejected").EnumerateArray()
            .Select(static r => (r.GetProperty("index").GetInt32(), r.GetProperty("code").GetString()!, r.GetProperty("path").GetString()!))
            .ToList();
}
