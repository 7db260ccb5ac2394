using System.Globalization;

namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>
/// Who customer number <c>n</c> of the population is: ids and identify traits, derived from the number alone, so
/// every run (whatever its seed) calls the same customer by the same ids. Emails are at <c>example.test</c>.
/// </summary>
public sealed record CustomerTraits
{
    /// <summary>The reserved domain of every customer email.</summary>
    public const string EmailDomain = "example.test";

    private const ulong NameSalt = 0xC057;
    private const ulong AnonymousSalt = 0xA40;
    private const ulong BirthdaySalt = 0xB1D;

    public required string UserId { get; init; }

    public required string AnonymousId { get; init; }

    public required string Email { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    /// <summary>An IANA time zone.</summary>
    public required string TimeZone { get; init; }

    public required DateOnly Birthday { get; init; }

    /// <summary>The traits of customer <paramref name="customer"/> (0-based).</summary>
    public static CustomerTraits Of(int customer)
    {
        var hash = ShopperRandom.Hash(customer, NameSalt);
        var first = CatalogWords.FirstNames[(int)(hash % (ulong)CatalogWords.FirstNames.Length)];
        var last = CatalogWords.LastNames[(int)(hash / 101 % (ulong)CatalogWords.LastNames.Length)];
        var zone = CatalogWords.TimeZones[(int)(hash / 10_007 % (ulong)CatalogWords.TimeZones.Length)];
        var birthday = new DateOnly(1950, 1, 1).AddDays((int)(ShopperRandom.Hash(customer, BirthdaySalt) % (55 * 365)));
        return new CustomerTraits
        {
            UserId = UserIdOf(customer),
            AnonymousId = AnonymousIdOf(customer),
            Email = string.Create(CultureInfo.InvariantCulture, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}.{customer + 1}@{EmailDomain}"),
            FirstName = first,
            LastName = last,
            TimeZone = zone,
            Birthday = birthday,
        };
    }

    /// <summary>The <c>userId</c> of customer <paramref name="customer"/>, e.g. <c>user-0000042</c>.</summary>
    public static string UserIdOf(int customer)
    {
        Span<byte> buffer = stackalloc byte[MaxIdBytes];
        return System.Text.Encoding.ASCII.GetString(buffer[..WriteUserId(buffer, customer)]);
    }

    /// <summary>The <c>anonymousId</c> of customer <paramref name="customer"/>'s browser, e.g. <c>anon-3f9a...</c>.</summary>
    public static string AnonymousIdOf(int customer)
    {
        Span<byte> buffer = stackalloc byte[MaxIdBytes];
        return System.Text.Encoding.ASCII.GetString(buffer[..WriteAnonymousId(buffer, customer)]);
    }

    internal const int MaxIdBytes = 32;

    internal static int WriteUserId(Span<byte> destination, int customer)
    {
        "user-"u8.CopyTo(destination);
        (customer + 1).TryFormat(destination[5..], out var written, "D7", CultureInfo.InvariantCulture);
        return 5 + written;
    }

    internal static int WriteAnonymousId(Span<byte> destination, int customer)
    {
        "anon-"u8.CopyTo(destination);
        ShopperRandom.Hash(customer, AnonymousSalt).TryFormat(destination[5..], out var written, "x16", CultureInfo.InvariantCulture);
        return 5 + written;
    }
}
