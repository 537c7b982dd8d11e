using System.Net;
using ActorEcho.Load.Cli;

namespace ActorEcho.Load.Runner;

/// <summary>What every client of one run shares: options, targets, the stop signals and the budget.</summary>
internal sealed class RunContext
{
    public RunContext(LoadOptions options, CancellationToken stopSending, CancellationToken hardStop)
    {
        Options = options;
        TcpEndPoints = options.TcpTargets;
        UdpEndPoint = new IPEndPoint(options.Host, options.UdpPort);
        Budget = new RunBudget(options.Messages);
        StopSending = stopSending;
        HardStop = hardStop;
        ConnectGate = new SemaphoreSlim(options.MaxConcurrentConnects);

        // Nicks and rooms must be unique per server, also across concurrent runs.
        RunTag = "L" + Convert.ToHexString(BitConverter.GetBytes(Random.Shared.Next()))[..6].ToLowerInvariant();
    }

    public LoadOptions Options { get; }

    /// <summary>Every TCP target; client N connects to target N modulo their count.</summary>
    public IReadOnlyList<IPEndPoint> TcpEndPoints { get; }

    public IPEndPoint UdpEndPoint { get; }

    public RunBudget Budget { get; }

    /// <summary>Cancelled when the duration is over (or the user pressed Ctrl+C): no new requests.</summary>
    public CancellationToken StopSending { get; }

    /// <summary>Cancelled at the hard cap: everything still running is aborted.</summary>
    public CancellationToken HardStop { get; }

    public SemaphoreSlim ConnectGate { get; }

    /// <summary>
    /// The TCP target of client <paramref name="clientId"/>: round-robin, so consecutive clients (the
    /// members of one chat room) land on different nodes.
    /// </summary>
    public IPEndPoint TcpEndPointFor(int clientId) => TcpEndPoints[clientId % TcpEndPoints.Count];

    public string RunTag { get; }
}
