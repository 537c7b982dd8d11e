using Akka.Actor;

namespace ActorEcho.Server.Cluster;

/// <summary>
/// Messages between the chat hubs and the <see cref="NickRegistry"/>, the cluster singleton that
/// makes nicks unique across the cluster. Hubs reach it through their node's singleton proxy; the
/// registry answers the hub (the sender). Default <c>guest-N</c> nicks never go through it: each
/// node draws its own block of session numbers (see <c>EchoServer</c>).
/// </summary>
internal static class NickRegistryProtocol
{
    /// <summary>Hub → registry: <paramref name="Session"/> wants <paramref name="Nick"/>. Answered with <see cref="NickClaimed"/>.</summary>
    public sealed record ClaimNick(long ClaimId, IActorRef Session, string Nick) : IClusterChatMessage;

    /// <summary>
    /// Registry → hub: the claim is granted (the nick is the session's until released, or its node
    /// leaves the cluster) or refused (someone else has it). Whoever asks first wins a race.
    /// </summary>
    public sealed record NickClaimed(long ClaimId, IActorRef Session, string Nick, bool Granted) : IClusterChatMessage;

    /// <summary>Hub → registry: <paramref name="Session"/> no longer uses <paramref name="Nick"/> (changed it, or left). No reply.</summary>
    public sealed record ReleaseNick(IActorRef Session, string Nick) : IClusterChatMessage;

    /// <summary>Hub → registry: who has <paramref name="Nick"/>? Answered with <see cref="NickFound"/>.</summary>
    public sealed record FindNick(long QueryId, string Nick) : IClusterChatMessage;

    /// <summary>Registry → hub: the session that has the nick and its hub, or both null when nobody has it.</summary>
    public sealed record NickFound(long QueryId, IActorRef? Session, IActorRef? Hub) : IClusterChatMessage;

    /// <summary>
    /// Registry → every hub (published on the chat topic) while it rebuilds: report your sessions' nicks.
    /// Answered with one or more <see cref="NicksReport"/>.
    /// </summary>
    public sealed record ReportNicks : IClusterChatMessage
    {
        public static ReportNicks Instance { get; } = new();
    }

    /// <summary>One claimed nick in a <see cref="NicksReport"/>.</summary>
    public sealed record NickEntry(string Nick, IActorRef Session);

    /// <summary>Hub → registry: a part of the nicks its sessions hold; <paramref name="Last"/> marks the end of the report.</summary>
    public sealed record NicksReport(IReadOnlyList<NickEntry> Nicks, bool Last) : IClusterChatMessage;
}
