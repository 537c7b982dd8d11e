using System.Runtime.InteropServices;

namespace ActorEcho.Host.Hosting;

/// <summary>
/// Undoes an inherited "ignore SIGINT". A shell without job control (a script, <c>bash -c</c>)
/// starts background jobs with SIGINT ignored, and .NET respects an ignored signal: it installs no
/// handler for it, so a <see cref="PosixSignalRegistration"/> for SIGINT never fires and
/// <c>kill -INT</c> does nothing. Measured on .NET 10 / Linux: with the disposition put back to the
/// default before .NET sets up its signal handling, the registration fires; put back any later,
/// SIGINT kills the process outright, because .NET has already recorded the signal as ignored.
/// That setup happens on the first use of <see cref="Console"/>, <c>Process</c> or
/// <see cref="PosixSignalRegistration"/>, so <see cref="RestoreIfIgnored"/> must be the first thing
/// <c>Main</c> does.
/// </summary>
internal static class SigintDisposition
{
    private const int Sigint = 2;
    private static readonly IntPtr SigDfl = IntPtr.Zero;
    private static readonly IntPtr SigIgn = new(1);

    /// <summary>True when SIGINT was ignored at startup and <see cref="RestoreIfIgnored"/> restored it.</summary>
    public static bool RestoredAtStartup { get; private set; }

    /// <summary>
    /// Sets SIGINT back to its default disposition when it was inherited as ignored; leaves any other
    /// disposition (the runtime's own handler, normally) alone. A no-op off Linux and macOS.
    /// </summary>
    public static void RestoreIfIgnored()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        // struct sigaction begins with the handler on Linux (glibc and musl) and macOS; 256 bytes
        // is more than any of them needs for the rest.
        var current = new byte[256];
        if (QuerySigaction(Sigint, IntPtr.Zero, current) != 0)
        {
            return;
        }

        var handler = IntPtr.Size == 8 ? new IntPtr(BitConverter.ToInt64(current, 0)) : new IntPtr(BitConverter.ToInt32(current, 0));
        if (handler == SigIgn)
        {
            SetSignal(Sigint, SigDfl);
            RestoredAtStartup = true;
        }
    }

    [DllImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static extern int QuerySigaction(int signal, IntPtr newAction, byte[] oldAction);

    [DllImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static extern IntPtr SetSignal(int signal, IntPtr handler);
}
