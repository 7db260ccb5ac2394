using Microsoft.AspNetCore.Identity;

namespace Segmentation.Silo.Dashboard.Accounts;

/// <summary>
/// Hashes and checks dashboard passwords with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (format
/// version 3: PBKDF2 with HMAC-SHA512, 100,000 iterations, a random 128-bit salt and a 256-bit subkey, stored as
/// base64 of <c>0x01 | prf | iterations | salt length | salt | subkey</c>). The account is not part of the hash.
/// </summary>
public static class DashboardPasswordHasher
{
    private static readonly PasswordHasher<DashboardAccount> Hasher = new();
    private static readonly DashboardAccount NoAccount = new();

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(NoAccount, password);
    }

    /// <summary>True when <paramref name="password"/> is the one <paramref name="hash"/> was made from.</summary>
    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(NoAccount, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>True when <paramref name="hash"/> reads as a hash of the current format (checked at start).</summary>
    public static bool IsWellFormed(string hash)
    {
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }
}
