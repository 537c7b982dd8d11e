using System.Net;

namespace ActorEcho.Host.CommandLine;

/// <summary>
/// What the command line asked the host to do. Built by <see cref="HostCommandLine.ParseOptions"/>
/// from <c>--config</c>, <c>-D</c>, <c>--bind</c>, <c>--cluster-port</c>, <c>--seed</c> and
/// <c>--print-config</c>, or directly by tests.
/// </summary>
public sealed record HostOptions
{
    /// <summary>No options: the embedded defaults, loopback, run the server.</summary>
    public static HostOptions Default { get; } = new();

    /// <summary>A HOCON file layered over the embedded application config (<c>--config FILE</c>); null for none.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>
    /// <c>-Dpath=value</c> overrides in command-line order (a later one wins); each entry is the
    /// text after <c>-D</c>, parsed as the HOCON line <c>path = value</c>.
    /// </summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The listen address of every endpoint (<c>--bind</c>); null keeps the configured one (loopback by default).</summary>
    public IPAddress? BindAddress { get; init; }

    /// <summary>
    /// The cluster port (<c>--cluster-port PORT</c>): cluster mode on, Akka.Remote listening on the
    /// bind address at this port (0 = any free port). Null keeps the configured
    /// <c>actorecho.cluster.port</c> (off by default: a single node).
    /// </summary>
    public int? ClusterPort { get; init; }

    /// <summary>Seed nodes as <c>HOST:PORT</c> (<c>--seed</c>, repeatable); empty keeps the configured <c>actorecho.cluster.seeds</c>.</summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>Print the merged, resolved configuration and exit instead of serving (<c>--print-config</c>).</summary>
    public bool PrintConfig { get; init; }
}
