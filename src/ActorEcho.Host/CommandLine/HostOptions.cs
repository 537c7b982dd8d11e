using System.Net;

namespace ActorEcho.Host.CommandLine;

/// <summary>
/// What the command line asked the host to do. Built by <see cref="HostCommandLine.ParseOptions"/>
/// from <c>--config</c>, <c>-D</c>, <c>--bind</c> and <c>--print-config</c>, or directly by tests.
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

    /// <summary>Print the merged, resolved configuration and exit instead of serving (<c>--print-config</c>).</summary>
    public bool PrintConfig { get; init; }
}
