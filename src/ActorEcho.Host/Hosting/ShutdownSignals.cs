using System.Runtime.InteropServices;
using Akka.Actor;
using Serilog;

namespace ActorEcho.Host.Hosting;

/// <summary>
/// Runs Akka's <see cref="CoordinatedShutdown"/> on SIGINT (Ctrl+C) and SIGTERM. The host does this
/// itself rather than through <c>akka.coordinated-shutdown.run-by-clr-shutdown-hook</c> so that the
/// log names the signal and the run carries a <see cref="HostShutdownReason"/>; that Akka hook is
/// off in hocon/actorecho.conf. The signal's default action (terminating the process at once) is
/// cancelled: the process ends when the shutdown has run and <c>Main</c> returns.
/// </summary>
internal sealed class ShutdownSignals
{
    private readonly ActorSystem _system;
    private readonly ILogger _log;
    private readonly PosixSignalRegistration[] _registrations;

    private ShutdownSignals(ActorSystem system, ILogger log)
    {
        _system = system;
        _log = log;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Handles SIGINT and SIGTERM for <paramref name="system"/> until it has terminated.</summary>
    public static void Register(ActorSystem system, ILogger log)
    {
        var signals = new ShutdownSignals(system, log);

        // Once the system is gone a signal has nothing to stop: give it back its default action.
        system.WhenTerminated.ContinueWith(_ => signals.Unregister(), TaskScheduler.Default);
    }

    private void Unregister()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        var name = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
        var shutdown = CoordinatedShutdown.Get(_system);

        // A second signal while the phases run changes nothing: each phase is bounded by its timeout.
        if (shutdown.ShutdownReason is null)
        {
            _log.SignalReceived(name, _system.Name);
        }

        _ = shutdown.Run(new HostShutdownReason(name));
    }
}
