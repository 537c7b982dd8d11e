namespace ActorEcho.Server;

/// <summary>
/// Cluster mode (HOCON <c>actorecho.cluster.*</c>). Off by default: with no <see cref="Port"/> the
/// server is a single node, exactly as without cluster support. Defaults equal the reference config's.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>Single-node mode: no cluster port.</summary>
    public static ClusterSettings Off { get; } = new();

    /// <summary>
    /// The port Akka.Remote listens on, at the server's bind address (<c>actorecho.server.address</c>);
    /// 0 picks a free port. Null (the default, <c>port = off</c>) keeps the server a single node.
    /// </summary>
    public int? Port { get; init; }

    /// <summary>
    /// Seed nodes as <c>HOST:PORT</c> (their cluster ports). Empty: this node seeds itself, starting a
    /// cluster the others can join.
    /// </summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>How often each chat hub tells the others how far its event stream has got (default 1 s).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long <c>/nick</c> and <c>/msg</c> wait for the nick registry before answering with an error (default 5 s).</summary>
    public TimeSpan RegistryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a nick registry that has just started (or moved) waits for the chat hubs of the nodes
    /// that are Up to report their nicks before it answers claims anyway (default 10 s).
    /// </summary>
    public TimeSpan RegistryRebuildTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether cluster mode is on (a <see cref="Port"/> is set).</summary>
    public bool Enabled => Port is not null;

    /// <summary>Value equality, the seeds compared item by item (a record compares lists by reference).</summary>
    /// <param name="other">The settings to compare with.</param>
    /// <returns>Whether every setting is equal.</returns>
    public bool Equals(ClusterSettings? other) =>
        other is not null
        && Port == other.Port
        && Seeds.SequenceEqual(other.Seeds, StringComparer.Ordinal)
        && HeartbeatInterval == other.HeartbeatInterval
        && RegistryTimeout == other.RegistryTimeout
        && RegistryRebuildTimeout == other.RegistryRebuildTimeout;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Port, Seeds.Count, HeartbeatInterval, RegistryTimeout, RegistryRebuildTimeout);

    /// <summary>The seeds split into host and port; throws <see cref="ArgumentException"/> for one that is not <c>HOST:PORT</c>.</summary>
    public IReadOnlyList<(string Host, int Port)> ParsedSeeds() => Seeds.Select(ParseSeed).ToArray();

    private static (string Host, int Port) ParseSeed(string seed)
    {
        var text = seed.Trim();
        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon].Trim('[', ']') : "";
        if (colon <= 0 || host.Length == 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"actorecho.cluster.seeds has '{seed}'; each seed must be HOST:PORT with a port between 1 and 65535, e.g. 127.0.0.1:4053");
        }

        return (host, port);
    }
}
