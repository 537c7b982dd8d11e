using Akka.Actor;

namespace ActorEcho.Server.Cluster;

/// <summary>
/// Messages between the chat hubs of a cluster. Each hub stays the authority for its own sessions
/// and publishes what they do on one DistributedPubSub topic (<see cref="Topic"/>) that every hub
/// subscribes to; a hub ignores what it published itself. The mediator forwards with the publishing
/// hub as the sender, over one association per pair of nodes, so a hub sees another hub's events in
/// the order they were published.
/// <para>
/// Every event a hub publishes carries the next number of its stream (<c>Seq</c>, from 1, no gaps).
/// Lines and notices are delivered when they arrive; the copy a hub keeps of another hub's sessions
/// changes only in stream order. A hub that sees another hub for the first time, or sees a gap
/// (a heartbeat ahead of what it has, or an event past the next one), asks that hub directly for
/// its sessions (<see cref="SyncRequest"/>) and keeps the events in between until the answer comes.
/// </para>
/// </summary>
internal static class ClusterChatProtocol
{
    /// <summary>The DistributedPubSub topic every hub subscribes to.</summary>
    public const string Topic = "actorecho-chat";

    /// <summary>A numbered event of one hub's stream.</summary>
    public interface IHubEvent : IClusterChatMessage
    {
        /// <summary>The event's place in its hub's stream, from 1.</summary>
        long Seq { get; }
    }

    /// <summary>One session as its hub publishes it: nick, room (null outside one), and whether its chat queue is congested.</summary>
    public sealed record SessionEntry(IActorRef Session, string Nick, string? Room, bool Congested);

    /// <summary>
    /// Hub → all hubs: a session connected, changed nick, joined or left a room, or became (or stopped
    /// being) congested. <paramref name="OldNick"/> and <paramref name="OldRoom"/> say what it was
    /// before, so receivers can tell their own members <c>* NICK joined</c> (old room null, new room
    /// set), <c>left</c> (the other way round) or <c>is now known as</c> (same room, other nick)
    /// without their copy of the sender's sessions. Joining another room is two events: left, joined.
    /// </summary>
    public sealed record SessionChanged(long Seq, SessionEntry Session, string? OldNick, string? OldRoom) : IHubEvent;

    /// <summary>Hub → all hubs: a session left the server (if it was in a room, a <see cref="SessionChanged"/> leaving it came first).</summary>
    public sealed record SessionGone(long Seq, IActorRef Session) : IHubEvent;

    /// <summary>Hub → all hubs: <paramref name="Nick"/> said <paramref name="Text"/> in <paramref name="Room"/>; each hub passes it to its own members there.</summary>
    public sealed record RoomLine(long Seq, string Room, string Nick, string Text) : IHubEvent;

    /// <summary>Hub → all hubs, every heartbeat interval: the last number of its stream, so a hub that missed events notices.</summary>
    public sealed record HubHeartbeat(long Seq) : IClusterChatMessage;

    /// <summary>Hub → hub, directly: send me your sessions. Answered with one or more <see cref="SyncSnapshot"/>.</summary>
    public sealed record SyncRequest : IClusterChatMessage
    {
        public static SyncRequest Instance { get; } = new();
    }

    /// <summary>
    /// Hub → hub, directly: a part of its sessions as of event <paramref name="Seq"/> of its stream.
    /// Big hubs answer in several parts (remoting frames are bounded); <paramref name="Last"/> marks the end.
    /// </summary>
    public sealed record SyncSnapshot(long Seq, IReadOnlyList<SessionEntry> Sessions, bool Last) : IClusterChatMessage;

    /// <summary>Hub → the hub of <paramref name="To"/>, directly: a private message from <paramref name="From"/>.</summary>
    public sealed record PrivateLine(IActorRef To, string From, string Text) : IClusterChatMessage;

    /// <summary>
    /// Asker → this node's hub (never crosses nodes): which other hubs does it follow with a complete
    /// copy of their sessions? Answered with <see cref="SyncedPeers"/>. For tests and diagnostics: a
    /// hub follows another only after that hub's published events reached it, so every node listing
    /// every other one means the topic's subscriptions have spread both ways.
    /// </summary>
    public sealed record GetSyncedPeers
    {
        public static GetSyncedPeers Instance { get; } = new();
    }

    /// <summary>The cluster addresses of the nodes whose hubs this hub follows with a synced copy.</summary>
    public sealed record SyncedPeers(IReadOnlyList<Address> Nodes);
}
