using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Segmentation.Silo.Tests.Infrastructure;

/// <summary>Sends POSIX signals; <see cref="System.Diagnostics.Process.Kill()"/> only sends SIGKILL.</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks a process to stop gracefully, as <c>kill -TERM</c>, systemd and Docker do.</summary>
    public static void Terminate(int processId)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("SIGTERM is a POSIX signal.");
        }

        if (Kill(processId, SigTerm) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({processId}, SIGTERM) failed.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
