using System.Net;

namespace ActorEcho.Load.Cli;

/// <summary>Everything one load run needs, validated; built by <see cref="LoadCommand"/> or by tests.</summary>
internal sealed record LoadOptions
{
    /// <summary>Chat sessions are rate limited by the server (20 lines/s); 10 lines/s stays clear of it.</summary>
    public static readonly TimeSpan DefaultChatThinkTime = TimeSpan.FromMilliseconds(100);

    /// <summary>Bounds a run that only names a message count, so it still ends by itself.</summary>
    public static readonly TimeSpan MessageRunCap = TimeSpan.FromMinutes(5);

    public IPAddress Host { get; init; } = IPAddress.Loopback;

    public int Port { get; init; } = 8888;

    public int UdpPort { get; init; } = 8888;

    /// <summary>
    /// Session ports of several nodes (<c>--targets HOST:PORT,...</c>), e.g. the nodes of a cluster:
    /// TCP clients are spread over them round-robin, so a chat room's members sit on every node.
    /// Null: every TCP client goes to <see cref="Host"/>:<see cref="Port"/>. UDP clients always use
    /// <see cref="Host"/>:<see cref="UdpPort"/>.
    /// </summary>
    public IReadOnlyList<IPEndPoint>? Targets { get; init; }

    /// <summary>Where TCP clients connect: the targets, or the one host and port.</summary>
    public IReadOnlyList<IPEndPoint> TcpTargets => Targets ?? [new IPEndPoint(Host, Port)];

    /// <summary>The TCP targets as text, for the summary.</summary>
    public string TcpTargetText => string.Join(",", TcpTargets.Select(t => t.ToString()));

    public WorkloadKind Workload { get; init; } = WorkloadKind.Mix;

    public int Connections { get; init; } = 100;

    public TimeSpan RampUp { get; init; } = TimeSpan.Zero;

    public int Outstanding { get; init; } = 1;

    public int Payload { get; init; } = 32;

    /// <summary>Pause before each request of one client; null when not given.</summary>
    public TimeSpan? ThinkTime { get; init; }

    /// <summary>Total requests per second over all clients; null when not given.</summary>
    public double? Rate { get; init; }

    /// <summary>How long clients keep sending; null when only <see cref="Messages"/> bounds the run.</summary>
    public TimeSpan? Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Total requests over all clients; null for no count limit.</summary>
    public long? Messages { get; init; }

    public UdpMode UdpMode { get; init; } = UdpMode.Both;

    public int RoomSize { get; init; } = 10;

    /// <summary>How many members of each chat room send; null means all of them.</summary>
    public int? ChatSenders { get; init; }

    public MixWeights Mix { get; init; } = MixWeights.Default;

    public string? JsonPath { get; init; }

    public bool Live { get; init; } = true;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest connect concurrency; beyond it SYN backlogs overflow and measure retransmit timers instead of servers.</summary>
    public int MaxConcurrentConnects { get; init; } = 512;

    /// <summary>
    /// The per-client pause between requests for request/reply workloads: the think time, or the
    /// share of <see cref="Rate"/> one client carries, or zero (as fast as replies allow).
    /// </summary>
    public TimeSpan RequestInterval(int clients) =>
        ThinkTime ?? (Rate is { } r ? TimeSpan.FromSeconds(Math.Max(1, clients) / r) : TimeSpan.Zero);

    /// <summary>Chat senders default to <see cref="DefaultChatThinkTime"/> so the server's rate limit is not what is measured.</summary>
    public TimeSpan ChatInterval(int clients) =>
        ThinkTime is null && Rate is null ? DefaultChatThinkTime : RequestInterval(clients);

    /// <summary>The point where everything still running is aborted, whatever the workload does.</summary>
    public TimeSpan HardCap =>
        (Duration ?? MessageRunCap) + RampUp + ConnectTimeout + ReplyTimeout + ReplyTimeout + TimeSpan.FromSeconds(5);
}
