using Akka.Configuration;
using ActorEcho.Hocon;
using ActorEcho.Host.CommandLine;
using ActorEcho.Host.Configuration;

namespace ActorEcho.Host.Tests.Support;

/// <summary>
/// The host's configuration as a test runs it: every layer the host stacks, plus free loopback
/// ports, no signal handlers and no console output; and that configuration as a TestKit's.
/// </summary>
internal static class HostSpecConfig
{
    public static readonly string[] EndpointNames =
        ["session-tcp", "session-udp", "echo-tcp", "time-tcp", "time-udp", "daytime-tcp", "daytime-udp"];

    /// <summary>Every endpoint on port 0 (so parallel tests never collide), no SIGTERM/SIGINT handling, no console.</summary>
    public static string[] IsolationArgs { get; } =
    [
        .. EndpointNames.Select(n => $"-Dactorecho.server.endpoints.{n}.port=0"),
        "-Dactorecho.coordinated-shutdown.run-by-process-exit=off",
        "-Dactorecho.logging.console.enabled=off",

        // A slow machine scales every TestKit wait (Dilated, ExpectMsg, Within) with this variable.
        "-Dakka.test.timefactor=${?ACTORECHO_TEST_TIMEFACTOR}",
    ];

    /// <summary>The merged, resolved host configuration for the isolation arguments and <paramref name="args"/> (command-line syntax).</summary>
    public static HoconConfig Load(params string[] args) =>
        HostConfiguration.Load(HostCommandLine.ParseOptions([.. IsolationArgs, .. args]));

    /// <summary>
    /// <paramref name="config"/> for a TestKit: as the host hands it to Akka, except that Akka's log
    /// events go to the TestKit's listener (so EventFilter sees them, and the test output shows
    /// them) instead of Serilog.
    /// </summary>
    public static Config ForTestKit(HoconConfig config) =>
        ConfigurationFactory.ParseString("akka.loggers = [\"Akka.TestKit.TestEventListener, Akka.TestKit\"]")
            .WithFallback(HostConfiguration.ToAkkaConfig(config));
}
