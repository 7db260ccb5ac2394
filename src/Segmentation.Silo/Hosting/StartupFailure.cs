using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Segmentation.Runtime.Storage;

namespace Segmentation.Silo.Hosting;

/// <summary>
/// A reason the silo refuses to start that the operator can fix: its message is printed as one line on standard
/// error (no stack trace) and the process exits with <see cref="ExitCode"/>. Any other exception is a bug and
/// keeps its stack trace.
/// </summary>
internal sealed record StartupFailure(int ExitCode, string Message)
{
    public const string Prefix = "Segmentation silo failed to start: ";

    /// <summary>The one line for standard error.</summary>
    public string ToLine() =>
        Prefix + (ExitCode == SiloExitCodes.InvalidConfiguration ? "invalid configuration: " : string.Empty) + OneLine(Message);

    public static bool TryDescribe(Exception exception, [NotNullWhen(true)] out StartupFailure? failure)
    {
        failure = exception switch
        {
            StorageOpenException storage => new StartupFailure(SiloExitCodes.StorageUnavailable, storage.Message),
            OptionsValidationException options => new StartupFailure(SiloExitCodes.InvalidConfiguration, options.Message),
            InvalidOperationException binding when IsConfigurationBindingFailure(binding) =>
                new StartupFailure(SiloExitCodes.InvalidConfiguration, binding.Message),
            IOException { InnerException: AddressInUseException } address => new StartupFailure(SiloExitCodes.AddressInUse, address.Message),
            AggregateException aggregate => DescribeAll(aggregate),
            _ => null,
        };
        return failure is not null;
    }

    // Several options failed their validation at once: one line naming all of them.
    private static StartupFailure? DescribeAll(AggregateException aggregate)
    {
        var failures = new List<StartupFailure>();
        foreach (var inner in aggregate.Flatten().InnerExceptions)
        {
            if (!TryDescribe(inner, out var failure))
            {
                return null;
            }

            failures.Add(failure);
        }

        return failures.Count == 0
            ? null
            : new StartupFailure(failures[0].ExitCode, string.Join(" ", failures.Select(static f => f.Message)));
    }

    // The configuration binder throws InvalidOperationException for a value it cannot convert ("abc" for a number).
    private static bool IsConfigurationBindingFailure(InvalidOperationException exception) =>
        exception.TargetSite?.DeclaringType == typeof(ConfigurationBinder);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
