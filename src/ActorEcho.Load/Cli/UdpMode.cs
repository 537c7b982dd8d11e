namespace ActorEcho.Load.Cli;

/// <summary>Which datagrams the udp workload sends.</summary>
internal enum UdpMode
{
    /// <summary>Alternate <c>time</c> queries and echo datagrams.</summary>
    Both,

    /// <summary>Only <c>time</c> queries (the UDP time-queries/s figure of bench/compare.sh).</summary>
    Time,

    /// <summary>Only echo datagrams.</summary>
    Echo,
}
