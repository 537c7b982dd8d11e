using System.Globalization;
using System.Net;
using Serilog;

namespace ActorEcho.Host.Hosting;

/// <summary>
/// The host's own log lines. They go straight to Serilog (not through Akka), because some are
/// written before the actor system exists or after it has terminated; they carry
/// <c>SourceContext</c> and <c>LogSource</c> <c>ActorEcho.Host</c>, so the templates and the
/// per-category overrides treat them like Akka's events.
/// </summary>
internal static class HostLog
{
    /// <summary>The category (and log source) of every host line.</summary>
    public const string Category = "ActorEcho.Host";

    /// <summary>A logger whose events carry the host's category.</summary>
    public static ILogger For(ILogger root) =>
        root.ForContext(Serilog.Core.Constants.SourceContextPropertyName, Category).ForContext("LogSource", Category);

    public static void Starting(this ILogger log, string version, string systemName, int processId) =>
        log.Information("ActorEcho {Version} starting (system {SystemName}, pid {ProcessId})", version, systemName, processId);

    public static void SigintRestored(this ILogger log) =>
        log.Information("SIGINT was ignored when the process started (a background job of a non-interactive shell inherits that); it was restored so SIGINT runs the coordinated shutdown");

    public static void Listening(this ILogger log, string endpointName, string protocol, IPEndPoint localEndPoint) =>
        log.Information("Listening: {EndpointName} {Protocol} {LocalEndPoint}", endpointName, protocol, localEndPoint);

    public static void Ready(this ILogger log, int count) =>
        log.Information("ActorEcho ready: {Count} endpoints bound; Ctrl+C or SIGTERM stops it", count);

    public static void NonLoopback(this ILogger log, IPAddress address) =>
        log.Warning("Binding to {Address}, which is not a loopback address: the server is reachable from the network", address);

    public static void ClusterNonLoopback(this ILogger log, IPAddress address, int port) =>
        log.Warning("Cluster mode on {Address}, which is not a loopback address: Akka.Remote on port {Port} accepts cluster connections from the network, unauthenticated", address, port);

    public static void SignalReceived(this ILogger log, string signal, string systemName) =>
        log.Information("Received {Signal}; running coordinated shutdown of {SystemName}", signal, systemName);

    public static void ShutdownBegins(this ILogger log, int count) =>
        log.Information("Shutdown: stopping {Count} endpoints", count);

    public static void PhaseStarting(this ILogger log, string phase, TimeSpan timeout) =>
        log.Information("Coordinated shutdown phase {Phase} starting (timeout {Timeout})", phase, timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s");

    public static void Stopped(this ILogger log) =>
        log.Information("ActorEcho stopped");

    public static void StartFailed(this ILogger log, string reason) =>
        log.Error("ActorEcho failed to start: {Reason}", reason);
}
