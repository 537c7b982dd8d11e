namespace ActorEcho.Server.Protocol;

/// <summary>
/// The server-wide counters shown by <c>/stats</c>, in the order they appear on the
/// <c>STATS</c> line (<see cref="ServerReplies.Stats(ServerStats)"/>).
/// </summary>
/// <param name="Connections">Open TCP connections on the session port.</param>
/// <param name="Sessions">Live session actors.</param>
/// <param name="MessagesIn">Lines and chunks received from clients since start.</param>
/// <param name="MessagesOut">Lines and chunks sent to clients since start.</param>
/// <param name="Restarts">Session actor restarts by supervision since start.</param>
/// <param name="Drops">Outgoing messages dropped by the slow-reader policy since start.</param>
/// <param name="Rooms">Chat rooms that currently have members.</param>
public readonly record struct ServerStats(
    long Connections,
    long Sessions,
    long MessagesIn,
    long MessagesOut,
    long Restarts,
    long Drops,
    long Rooms)
{
    /// <summary>
    /// Bytes the server holds for clients right now in its outbound queues: handed to Akka.IO and
    /// not yet acknowledged, or waiting for the window. Not on the <c>STATS</c> line.
    /// </summary>
    public long BufferedBytes { get; init; }

    /// <summary>The highest <see cref="BufferedBytes"/> any single connection reached since start. Not on the <c>STATS</c> line.</summary>
    public long PeakConnectionBufferedBytes { get; init; }

    /// <summary>Sessions whose input the chat hub holds right now (back-pressure). Not on the <c>STATS</c> line.</summary>
    public long HeldSessions { get; init; }

    /// <summary>Times a session's input was held by back-pressure since start. Not on the <c>STATS</c> line.</summary>
    public long Holds { get; init; }
}
