using Akka.Actor;

namespace ActorEcho.Host.Hosting;

/// <summary>
/// Why the host ran Akka's coordinated shutdown: a signal (<c>SIGINT</c>, <c>SIGTERM</c>) or a
/// call to <see cref="RunningHost.StopAsync"/>. Akka logs the reason's type when the run starts;
/// the host logs <see cref="Trigger"/>. Both are normal stops, so the exit code is 0.
/// </summary>
internal sealed class HostShutdownReason : CoordinatedShutdown.Reason
{
    public HostShutdownReason(string trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        Trigger = trigger;
    }

    /// <summary>What asked for the shutdown, e.g. <c>SIGTERM</c>.</summary>
    public string Trigger { get; }

    public override int ExitCode => HostExitCodes.Ok;

    public override string ToString() => "host shutdown requested by " + Trigger;
}
