namespace ActorEcho.Load.Cli;

/// <summary>What the clients of one run do.</summary>
internal enum WorkloadKind
{
    /// <summary>TCP echo of plain lines, verified byte for byte.</summary>
    Echo,

    /// <summary>TCP <c>/time</c> queries answered with ISO-8601 UTC lines.</summary>
    Time,

    /// <summary>Rooms of clients exchanging plain lines; every other member must see each line once.</summary>
    Chat,

    /// <summary>UDP datagrams alternating <c>time</c> queries and echoes.</summary>
    Udp,

    /// <summary>Connections held open without traffic (server memory per idle connection).</summary>
    Idle,

    /// <summary>Connections opened as fast as possible; reports time until all are served.</summary>
    Burst,

    /// <summary>Weighted split of the clients across echo, time, chat and udp.</summary>
    Mix,
}
