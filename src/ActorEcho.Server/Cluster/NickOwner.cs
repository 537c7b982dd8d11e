using Akka.Actor;

namespace ActorEcho.Server.Cluster;

/// <summary>Who holds a nick in the <see cref="NickRegistry"/>: the session, its hub, and the cluster address of their node.</summary>
internal sealed record NickOwner(IActorRef Session, IActorRef Hub, Address Node);
