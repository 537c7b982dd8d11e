using Akka.Actor;
using static ActorEcho.Server.Cluster.ClusterChatProtocol;

namespace ActorEcho.Server.Cluster;

/// <summary>
/// One other node's chat hub as this hub follows it: how far into its event stream this hub's copy
/// of its sessions is (<see cref="AppliedSeq"/>), and, while that copy is being fetched again
/// (<see cref="Synced"/> false), the events that arrived meanwhile.
/// </summary>
internal sealed class PeerHub
{
    // Events kept while a snapshot is awaited; past this the oldest are let go and the snapshot that
    // follows is simply asked for again.
    private const int MaxBuffered = 10_000;

    private readonly List<IHubEvent> _buffered = [];
    private readonly List<SessionEntry> _snapshot = [];
    private long _snapshotSeq = -1;

    public PeerHub(IActorRef hub, Address node)
    {
        Hub = hub;
        Node = node;
    }

    public IActorRef Hub { get; }

    /// <summary>The cluster address of the hub's node.</summary>
    public Address Node { get; }

    /// <summary>This hub's copy of the peer's sessions is complete up to <see cref="AppliedSeq"/>.</summary>
    public bool Synced { get; private set; }

    /// <summary>The last event of the peer's stream applied to the copy.</summary>
    public long AppliedSeq { get; private set; }

    /// <summary>The peer's sessions, as far as applied.</summary>
    public HashSet<IActorRef> Sessions { get; } = [];

    /// <summary>When the last <see cref="SyncRequest"/> went out (monotonic), or null when none is outstanding.</summary>
    public TimeSpan? SyncRequestedAt { get; private set; }

    /// <summary>
    /// Where <paramref name="event"/> stands: next in line (apply it), already covered (ignore it),
    /// or ahead of a gap or of a pending snapshot (kept; a sync is needed or already under way).
    /// </summary>
    public EventOrder Order(IHubEvent @event)
    {
        if (!Synced)
        {
            Keep(@event);
            return EventOrder.Kept;
        }

        if (@event.Seq <= AppliedSeq)
        {
            return EventOrder.Covered;
        }

        if (@event.Seq == AppliedSeq + 1)
        {
            AppliedSeq = @event.Seq;
            return EventOrder.Next;
        }

        Synced = false;
        Keep(@event);
        return EventOrder.Kept;
    }

    /// <summary>A heartbeat says the peer's stream is at <paramref name="seq"/>: true when events were missed (a sync is needed).</summary>
    public bool IsBehind(long seq)
    {
        if (Synced && seq > AppliedSeq)
        {
            Synced = false;
        }

        return !Synced;
    }

    /// <summary>Whether a sync request should go out now: none is outstanding, or the last one is older than <paramref name="retryAfter"/>.</summary>
    public bool ShouldRequestSync(TimeSpan now, TimeSpan retryAfter) =>
        !Synced && (SyncRequestedAt is not { } at || now - at >= retryAfter);

    public void SyncRequested(TimeSpan now) => SyncRequestedAt = now;

    /// <summary>
    /// Takes one part of a snapshot; returns the whole snapshot once its last part is in (parts of an
    /// older snapshot interleaved with a newer one start the collection over).
    /// </summary>
    public IReadOnlyList<SessionEntry>? TakeSnapshotPart(SyncSnapshot part)
    {
        if (part.Seq != _snapshotSeq)
        {
            _snapshot.Clear();
            _snapshotSeq = part.Seq;
        }

        _snapshot.AddRange(part.Sessions);
        if (!part.Last)
        {
            return null;
        }

        var whole = _snapshot.ToArray();
        _snapshot.Clear();
        _snapshotSeq = -1;
        return whole;
    }

    /// <summary>
    /// The snapshot as of <paramref name="seq"/> is applied: the copy is synced, and the kept events
    /// after it come back in stream order for the caller to apply (stopping at a gap, which makes
    /// the copy unsynced again).
    /// </summary>
    public IReadOnlyList<IHubEvent> Synchronised(long seq)
    {
        Synced = true;
        AppliedSeq = seq;
        SyncRequestedAt = null;
        _buffered.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        var next = new List<IHubEvent>();
        var rest = new List<IHubEvent>();
        foreach (var @event in _buffered)
        {
            if (@event.Seq <= AppliedSeq)
            {
                continue;
            }

            if (Synced && @event.Seq == AppliedSeq + 1)
            {
                AppliedSeq = @event.Seq;
                next.Add(@event);
            }
            else
            {
                Synced = false;
                rest.Add(@event);
            }
        }

        _buffered.Clear();
        _buffered.AddRange(rest);
        return next;
    }

    private void Keep(IHubEvent @event)
    {
        if (_buffered.Count >= MaxBuffered)
        {
            _buffered.RemoveAt(0);
        }

        _buffered.Add(@event);
    }
}
