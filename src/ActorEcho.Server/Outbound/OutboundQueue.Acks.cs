using ActorEcho.IO;

namespace ActorEcho.Server.Outbound;

/// <summary>
/// How the queue learns that its writes reached the OS send buffer, which is what opens the
/// in-flight window again. Two modes, fixed at construction:
/// <list type="bullet">
/// <item><b>Sparse acks</b> (the connection never refuses a write of this queue): a write asks for
/// an ack only once a quarter window (<c>max-in-flight-bytes</c> / 4) has gone out since the last
/// one that asked, and its <see cref="WriteAck"/> carries how many bytes it confirms (acks arrive in
/// write order, so it confirms every write since the previous ack). When output has to wait for
/// the window and some bytes out are not covered by any ack on its way, an empty write asks for
/// one: the connection acks it once everything before it is with the OS. An echo session then
/// spends no actor turn per write on its ack, and keeps no copy of what it wrote.</item>
/// <item><b>Every write acked</b> (the connection may refuse: the window is larger than the
/// socket layer's <c>max-pending-write-bytes</c>): each write is kept until its ack, so a NACK can
/// move that write and every later one back for resending, in order, after <c>Tcp.WritingResumed</c>.</item>
/// </list>
/// </summary>
internal sealed partial class OutboundQueue
{
    private static readonly Queue<InFlight> NoWrites = new();

    // Sparse acks: a write asks for an ack once this many bytes have gone out unconfirmed since the
    // last write that asked; 0 means every write asks (and is kept for a resend).
    private readonly long _ackEvery;

    // Bytes told to the connection since the last write that asked for an ack (sparse acks only).
    private long _unrequestedBytes;

    private Queue<InFlight> _inFlight = NoWrites;
    private Queue<InFlight> _resend = NoWrites;
    private long _nextWriteId;
    private long _inFlightBytes;
    private bool _awaitingResume;

    /// <summary>Bytes handed to the connection and not yet confirmed by an ack.</summary>
    public long InFlightBytes => _inFlightBytes;

    /// <summary>A refused write is resent (every write acked); false with sparse acks, where a refusal aborts the connection.</summary>
    public bool ResendsRefusedWrites => _ackEvery == 0;

    /// <summary>
    /// An ack from the connection: the write (and all before it) reached the OS send buffer.
    /// Returns how many dropped chat lines a notice was just queued for (0 when none was), so the
    /// owner can log it.
    /// </summary>
    public long OnAck(WriteAck ack)
    {
        if (_ackEvery > 0)
        {
            _inFlightBytes -= ack.Bytes;
        }
        else
        {
            // Acks come in write order; an unknown id belongs to a write already moved for resending.
            while (_inFlight.TryPeek(out var head) && head.Ack.Id <= ack.Id)
            {
                _inFlight.Dequeue();
                _inFlightBytes -= head.Write.Data.Count;
            }
        }

        Flush();
        return QueueDropNoticeIfRoom();
    }

    /// <summary>
    /// A NACK: the connection refused the write, and refuses every later one until it has drained.
    /// Returns false when the refused command is not one of this queue's writes.
    /// </summary>
    public bool OnNack(Tcp.CommandFailed failed)
    {
        if (_ackEvery > 0)
        {
            return OnUnexpectedNack(failed);
        }

        if (failed.Cmd is not Tcp.Write { Ack: WriteAck refused })
        {
            return false;
        }

        if (!_inFlight.Any(f => f.Ack.Id == refused.Id))
        {
            // Already moved with an earlier NACK.
            return true;
        }

        var kept = new Queue<InFlight>();
        while (_inFlight.TryDequeue(out var write))
        {
            if (write.Ack.Id < refused.Id)
            {
                kept.Enqueue(write);
            }
            else
            {
                Writable(ref _resend).Enqueue(write);
                _inFlightBytes -= write.Write.Data.Count;
            }
        }

        while (kept.TryDequeue(out var write))
        {
            _inFlight.Enqueue(write);
        }

        if (!_awaitingResume)
        {
            _awaitingResume = true;
            _connection.Tell(Tcp.ResumeWriting.Instance, _owner);
        }

        return true;
    }

    /// <summary>The connection drained after a NACK: resend the refused writes in order, then carry on.</summary>
    public void OnWritingResumed()
    {
        _awaitingResume = false;
        while (_resend.TryDequeue(out var write))
        {
            Writable(ref _inFlight).Enqueue(write);
            _inFlightBytes += write.Write.Data.Count;
            _connection.Tell(write.Write, _owner);
        }

        Flush();
    }

    /// <summary>The write that carries <paramref name="data"/> (<paramref name="bytes"/> long), counted in flight.</summary>
    private Tcp.Write NextWrite(ByteString data, long bytes)
    {
        _inFlightBytes += bytes;
        if (_ackEvery == 0)
        {
            var ack = new WriteAck(_nextWriteId++, bytes);
            var acked = Tcp.Write.Create(data, ack);
            Writable(ref _inFlight).Enqueue(new InFlight(acked, ack));
            return acked;
        }

        _unrequestedBytes += bytes;
        if (_unrequestedBytes < _ackEvery)
        {
            return Tcp.Write.Create(data);
        }

        return Tcp.Write.Create(data, AckForUnrequested());
    }

    /// <summary>
    /// Output waits for the window: with sparse acks, bytes out that no ack on its way covers would
    /// keep it shut for good, so an empty write asks the connection to confirm them.
    /// </summary>
    private void RequestAckIfNoneComing()
    {
        if (_unrequestedBytes == 0)
        {
            return;
        }

        _connection.Tell(Tcp.Write.Create(ByteString.Empty, AckForUnrequested()), _owner);
    }

    /// <summary>Sparse acks: an ack confirming every byte written since the last write that asked for one.</summary>
    private WriteAck AckForUnrequested()
    {
        var confirms = new WriteAck(_nextWriteId++, _unrequestedBytes);
        _unrequestedBytes = 0;
        return confirms;
    }

    /// <summary>
    /// Sparse acks keep no copy of a write, so a refused one cannot be resent: that the connection
    /// never refuses is the reason for the mode. If it refuses anyway (the settings changed under a
    /// running server, or a bug), the client's stream has a hole; rather than carry on with lost
    /// bytes in the middle, the connection is aborted (the client sees a reset) and the owner logs it.
    /// </summary>
    private bool OnUnexpectedNack(Tcp.CommandFailed failed)
    {
        if (failed.Cmd is not Tcp.Write)
        {
            return false;
        }

        _connection.Tell(Tcp.Abort.Instance, _owner);
        return true;
    }

    private readonly record struct InFlight(Tcp.Write Write, WriteAck Ack);
}
