namespace Segmentation.Silo.Dashboard.Accounts;

/// <summary>
/// <c>Segmentation.Silo hash-password</c>: reads a password from standard input (one line; typed without echo on a
/// terminal) and prints its hash for <c>Segmentation:Dashboard:Accounts:N:PasswordHash</c>. The silo does not start.
/// </summary>
public static class PasswordHashCommand
{
    public const string Name = "hash-password";

    public static bool Matches(IReadOnlyList<string> args) => args is [Name];

    /// <returns>The process exit code: 0, or 64 (EX_USAGE) when no password was given.</returns>
    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (interactive)
        {
            error.Write("Password: ");
        }

        var password = interactive ? ReadWithoutEcho() : input.ReadLine();
        if (interactive)
        {
            error.WriteLine();
        }

        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password given: type it, or pipe it in as one line.");
            return 64;
        }

        output.WriteLine(DashboardPasswordHasher.Hash(password));
        return 0;
    }

    private static string ReadWithoutEcho()
    {
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        return password.ToString();
    }
}
