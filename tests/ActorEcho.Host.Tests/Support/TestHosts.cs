namespace ActorEcho.Host.Tests.Support;

/// <summary>The arguments that isolate an in-process host: free loopback ports, no signal hooks, no console.</summary>
internal static class TestHosts
{
    public static readonly string[] EndpointNames =
        ["session-tcp", "session-udp", "echo-tcp", "time-tcp", "time-udp", "daytime-tcp", "daytime-udp"];

    /// <summary>Every endpoint on port 0 (so parallel tests never collide) and no SIGTERM/SIGINT hooks.</summary>
    public static string[] IsolationArgs { get; } =
    [
        .. EndpointNames.Select(n => $"-Dactorecho.server.endpoints.{n}.port=0"),
        "-Dactorecho.coordinated-shutdown.run-by-process-exit=off",
        "-Dactorecho.logging.console.enabled=off",
    ];
}
