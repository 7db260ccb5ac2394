using System.Globalization;
using System.Text;
using Segmentation.Segments;

namespace Segmentation.Grains.Segments;

/// <summary>Segment ids: lower-case letters, digits, <c>-</c> and <c>_</c>, made from the name when none is given.</summary>
public static class SegmentIds
{
    /// <summary>The longest id.</summary>
    public const int MaxLength = 64;

    /// <summary>The longest name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Throws when <paramref name="id"/> is not a valid segment id.</summary>
    /// <exception cref="SegmentRuleException">The id is empty, too long or has other characters.</exception>
    public static void Validate(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0 || id.Length > MaxLength || !id.All(IsIdCharacter) || id[0] is '-' or '_')
        {
            throw Invalid($"invalid segment id `{id}`: ids are 1 to {MaxLength} lower-case letters, digits, `-` or `_`, starting with a letter or digit");
        }
    }

    /// <summary>Throws when <paramref name="name"/> is blank or too long.</summary>
    /// <exception cref="SegmentRuleException">The name is blank or too long.</exception>
    public static void ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Invalid("a segment needs a name");
        }

        if (name.Length > MaxNameLength)
        {
            throw Invalid($"a segment name has at most {MaxNameLength} characters; this one has {name.Length}");
        }
    }

    /// <summary>
    /// A lower-case slug of the name (accents dropped, apostrophes removed, other runs of non-alphanumerics as one
    /// <c>-</c>), made unique with <c>-2</c>, <c>-3</c>... against <paramref name="taken"/>.
    /// </summary>
    public static string FromName(string name, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(taken);
        var slug = Slug(name);
        if (!taken(slug))
        {
            return slug;
        }

        for (var suffix = 2; ; suffix++)
        {
            var tail = "-" + suffix.ToString(CultureInfo.InvariantCulture);
            var candidate = slug[..Math.Min(slug.Length, MaxLength - tail.Length)].TrimEnd('-') + tail;
            if (!taken(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingDash = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(lower);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString();
        slug = slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
        return slug.Length == 0 ? "segment" : slug;
    }

    private static bool IsIdCharacter(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';

    private static SegmentRuleException Invalid(string description) =>
        new(new SegmentRuleError(SegmentRuleErrorCode.InvalidDefinition, null, null, description));
}
