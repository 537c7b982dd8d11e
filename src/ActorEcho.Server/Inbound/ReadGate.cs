using Akka.Actor;
using Akka.IO;

namespace ActorEcho.Server.Inbound;

/// <summary>
/// Reading from one connection in Akka.IO's pull mode (the listener binds with
/// <c>pullMode: true</c>): the connection reads one chunk of at most <c>maximum-frame-size</c> bytes
/// per <c>Tcp.ResumeReading</c> and then waits. The gate asks for the next chunk once the previous
/// one has arrived, only while no <see cref="ReadReasons"/> holds reading back, and the handler
/// asks after handling the chunk, or before it only when handling it cannot set a hold (its output
/// goes straight out), so what a client can make the server hold is bounded by the handler's own
/// queues plus one chunk, whatever the timing. (In push mode a handler that falls behind finds any number of chunks already in its
/// mailbox when it decides to suspend.) It lives beside the outbound queue in state that survives
/// a handler's restart: the read it asked for is still outstanding then.
/// </summary>
internal sealed class ReadGate
{
    private readonly IActorRef _connection;
    private ReadReasons _heldBack;
    private bool _readOutstanding;

    /// <param name="connection">The connection actor.</param>
    public ReadGate(IActorRef connection)
    {
        _connection = connection;
    }

    /// <summary>Why reading is held back now (<see cref="ReadReasons.None"/> when it is not).</summary>
    public ReadReasons HeldBack => _heldBack;

    /// <summary>A read was asked for and its chunk has not arrived yet.</summary>
    public bool ReadOutstanding => _readOutstanding;

    /// <summary>A chunk arrived: the read asked for is done.</summary>
    public void OnReceived() => _readOutstanding = false;

    /// <summary>Asks the connection for the next chunk, unless one is already coming or reading is held back.</summary>
    /// <param name="handler">The sender of <c>ResumeReading</c> (the handler actor).</param>
    public void RequestNext(IActorRef handler)
    {
        if (_readOutstanding || _heldBack != ReadReasons.None)
        {
            return;
        }

        _readOutstanding = true;
        _connection.Tell(Tcp.ResumeReading.Instance, handler);
    }

    /// <summary>Sets or clears one reason to hold reading back; clearing the last one asks for the next chunk.</summary>
    public void Hold(ReadReasons reason, bool held, IActorRef handler)
    {
        _heldBack = held ? _heldBack | reason : _heldBack & ~reason;
        if (!held)
        {
            RequestNext(handler);
        }
    }
}
