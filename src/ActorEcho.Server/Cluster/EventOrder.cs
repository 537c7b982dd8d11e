namespace ActorEcho.Server.Cluster;

/// <summary>Where an event of another hub's stream stands for this hub (<see cref="PeerHub.Order"/>).</summary>
internal enum EventOrder
{
    /// <summary>The next event: apply it to the copy now.</summary>
    Next,

    /// <summary>Already part of the copy (before the snapshot it came from): ignore it.</summary>
    Covered,

    /// <summary>Kept until a snapshot comes: the copy is being fetched, or this event revealed a gap.</summary>
    Kept,
}
