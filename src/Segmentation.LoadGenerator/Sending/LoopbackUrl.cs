using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Segmentation.LoadGenerator.Sending;

/// <summary>
/// The load generator only ever targets this machine: an http(s) URL whose host is <c>localhost</c>, an IPv4 address
/// in 127.0.0.0/8, or <c>[::1]</c>. Anything else is refused before a single request is made, and the HTTP sink
/// checks again the address it actually connects to.
/// </summary>
public static class LoopbackUrl
{
    /// <summary>Parses <paramref name="text"/> as a loopback base URL, or explains why it is refused.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out string? error)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text, UriKind.Absolute, out var parsed))
        {
            error = $"'{text}' is not an absolute URL such as http://127.0.0.1:5080.";
            return false;
        }

        if (!Validate(parsed, out error))
        {
            return false;
        }

        url = parsed;
        return true;
    }

    /// <summary>Whether <paramref name="url"/> is an http(s) URL on this machine; otherwise explains why not.</summary>
    public static bool Validate(Uri url, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{url}' is not an http or https URL.";
            return false;
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            error = $"'{url}' carries credentials in the URL; pass the write key with --write-key.";
            return false;
        }

        if (!IsLoopbackHost(url.Host))
        {
            error = $"Refusing to send load to '{url.Host}': the load generator only targets this machine " +
                "(localhost, 127.0.0.0/8 or [::1]).";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Throws unless <paramref name="url"/> passes <see cref="Validate"/>.</summary>
    public static void EnsureLoopback(Uri url)
    {
        if (!Validate(url, out var error))
        {
            throw new ArgumentException(error, nameof(url));
        }
    }

    /// <summary>Whether a URL host (name or address, IPv6 with or without brackets) is this machine.</summary>
    public static bool IsLoopbackHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && IsLoopbackAddress(address) && IsLiteral(bare);
    }

    /// <summary>Whether <paramref name="address"/> is 127.0.0.0/8, ::1, or an IPv4-mapped 127.0.0.0/8.</summary>
    public static bool IsLoopbackAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? address.GetAddressBytes()[0] == 127
            : address.Equals(IPAddress.IPv6Loopback);
    }

    // IPAddress.TryParse also takes shorthand such as "127.1" or "2130706433"; Uri normalizes those to dotted form
    // already, and a host that is neither a dotted quad nor an IPv6 literal is refused rather than guessed at.
    private static bool IsLiteral(string host) => host.Contains(':', StringComparison.Ordinal) || host.Count(c => c == '.') == 3;
}
