namespace ActorEcho.Server.Cluster;

/// <summary>
/// Marks every message that crosses nodes in cluster mode, so one binding in
/// <c>Cluster/cluster.conf</c> sends them all through <see cref="ClusterChatSerializer"/>.
/// </summary>
internal interface IClusterChatMessage
{
}
