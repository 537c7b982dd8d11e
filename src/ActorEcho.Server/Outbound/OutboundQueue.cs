using Akka.Actor;
using Akka.IO;
using ActorEcho.Server.Inbound;
using ActorEcho.Server.Protocol;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Outbound;

/// <summary>
/// Flow control of one connection's output on Akka.IO, owned by its handler actor (and kept across
/// a session's restarts, so nothing already accepted is lost). Two kinds of output:
/// <list type="bullet">
/// <item>the client's OWN output (echo, command replies, notices): never dropped. When more than
/// <c>echo-high-watermark</c> bytes of it are queued, reading from the client is held back
/// (<see cref="ReadGate"/>) until half of it has drained;</item>
/// <item>CHAT lines from others: with the back-pressure policy never dropped (the owner reports the
/// queue's length to the hub, which holds the senders); with drop-oldest or disconnect bounded by
/// <c>max-queued-messages</c>.</item>
/// </list>
/// Both queues keep one global order (a sequence number each) and are handed to the connection as
/// <c>Tcp.Write</c>s with at most <c>max-in-flight-bytes</c> not yet confirmed.
/// <para>
/// Why the window: Akka.IO 1.5's connection accepts every write while
/// <c>akka.io.tcp.write-commands-queue-max-size</c> is unlimited (its default), so without a bound
/// of our own a client that never reads would make the server queue without limit. The window is
/// that bound. If the connection refuses a write anyway (the queue limit was set below the window)
/// the stream would have a hole, so the connection is aborted instead (<see cref="OnRefused"/>).
/// </para>
/// <para>
/// Acks: a write asks for one only once a quarter window has gone out since the last write that
/// asked, and its <see cref="WriteAck"/> confirms all of those bytes. When output has to wait for
/// the window and some bytes out are not covered by an ack on its way, an empty write asks for
/// one. Akka.IO acks an empty write as soon as its send loop reaches it, which can be before the
/// bytes of the same send batch are taken by the socket; so the window may open early by at most
/// one batch (<c>maximum-frame-size</c> bytes), a bounded slack.
/// </para>
/// Not thread-safe: only the owning actor calls it.
/// </summary>
internal sealed class OutboundQueue
{
    // Several queued items go out as one write (a rope of their buffers, no copying).
    private const int MaxItemsPerWrite = 32;

    private static readonly Queue<Item> NoItems = new();

    private readonly IActorRef _connection;
    private readonly ReadGate _reads;
    private readonly SessionSettings _settings;
    private readonly ServerCounters _counters;
    private readonly long _ackEvery;

    // Created on first use: an idle connection has nothing queued, and with thousands of them the
    // empty queues add up. Until then the fields point at a shared empty queue that is only read.
    private Queue<Item> _own = NoItems;
    private Queue<Item> _chat = NoItems;
    private long _nextSequence;
    private long _ownQueuedBytes;
    private long _chatQueuedBytes;
    private long _reportedBytes;
    private long _droppedSinceNotice;
    private long _inFlightBytes;
    private long _unrequestedBytes;
    private bool _abortedForHole;

    /// <param name="connection">The connection actor the writes go to.</param>
    /// <param name="reads">The connection's read gate, held back while too much own output is queued.</param>
    /// <param name="settings">The window, the watermark and the chat queue's bound and policy.</param>
    /// <param name="counters">Where messages out and drops are counted.</param>
    public OutboundQueue(IActorRef connection, ReadGate reads, SessionSettings settings, ServerCounters counters)
    {
        _connection = connection;
        _reads = reads;
        _settings = settings;
        _counters = counters;
        _ackEvery = Math.Max(1, settings.MaxInFlightBytes / 4);
    }

    /// <summary>Nothing waits to be handed to the connection (writes may still be in flight).</summary>
    public bool IsEmpty => _own.Count == 0 && _chat.Count == 0;

    /// <summary>Chat lines waiting for the reader.</summary>
    public int QueuedChat => _chat.Count;

    /// <summary>
    /// Whether <paramref name="bytes"/> of own output enqueued now would go straight to the connection:
    /// nothing is waiting ahead of them and the window has room. Such output changes no read hold.
    /// </summary>
    public bool GoesStraightOut(long bytes) => IsEmpty && Fits(bytes);

    /// <summary>Bytes handed to the connection and not yet confirmed by an ack.</summary>
    public long InFlightBytes => _inFlightBytes;

    /// <summary>Bytes of the client's own output waiting for the window.</summary>
    public long OwnQueuedBytes => _ownQueuedBytes;

    /// <summary>Every byte this queue holds for the client: in flight, or waiting for the window.</summary>
    public long HeldBytes => _inFlightBytes + _ownQueuedBytes + _chatQueuedBytes;

    /// <summary>The owner stops: what the queue still holds no longer counts as held by the server.</summary>
    public void Abandon()
    {
        _counters.Buffered(-_reportedBytes, 0);
        _reportedBytes = 0;
    }

    /// <summary>Queues the client's own output (never dropped) and sends what the window allows.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="owner">The owning actor: the sender of the writes, so it gets the acks.</param>
    public void EnqueueOwn(ByteString data, IActorRef owner)
    {
        if (data.IsEmpty)
        {
            return;
        }

        if (GoesStraightOut(data.Count))
        {
            // Nothing ahead of it and room in the window (an echo, usually): straight out.
            _nextSequence++;
            _counters.MessagesOut(1);
            _connection.Tell(NextWrite(data, data.Count), owner);
            ReportHeld();
            return;
        }

        Writable(ref _own).Enqueue(new Item(_nextSequence++, data));
        _ownQueuedBytes += data.Count;
        Flush(owner);
    }

    /// <summary>Queues a chat line from someone else; with drop-oldest or disconnect, applies that policy when the queue is full.</summary>
    public ChatEnqueueResult EnqueueChat(ByteString line, IActorRef owner)
    {
        var result = ChatEnqueueResult.Queued;
        if (_settings.SlowReaderPolicy != SlowReaderPolicy.Backpressure && _chat.Count >= _settings.MaxQueuedMessages)
        {
            if (_settings.SlowReaderPolicy == SlowReaderPolicy.Disconnect)
            {
                // The new line and every queued one are dropped: the reader is being disconnected.
                _counters.Dropped(_chat.Count + 1);
                _chat.Clear();
                _chatQueuedBytes = 0;
                ReportHeld();
                return ChatEnqueueResult.Overflow;
            }

            _chatQueuedBytes -= _chat.Dequeue().Data.Count;
            _droppedSinceNotice++;
            _counters.Dropped(1);
            result = ChatEnqueueResult.DroppedOldest;
        }

        Writable(ref _chat).Enqueue(new Item(_nextSequence++, line));
        _chatQueuedBytes += line.Count;
        Flush(owner);
        return result;
    }

    /// <summary>Drops every queued chat line (counted as drops) and any notice still owed for earlier drops; returns how many.</summary>
    public int DiscardChat()
    {
        var count = _chat.Count;
        if (count > 0)
        {
            _chat.Clear();
            _chatQueuedBytes = 0;
            ReportHeld();
        }

        // The owner is closing: a notice queued now would only delay its close.
        _droppedSinceNotice = 0;
        _counters.Dropped(count);
        return count;
    }

    /// <summary>
    /// An ack from the connection: the bytes it confirms were taken by the socket. Returns how many
    /// dropped chat lines a notice was just queued for (0 when none was), so the owner can log it.
    /// </summary>
    public long OnAck(WriteAck ack, IActorRef owner)
    {
        _inFlightBytes -= ack.Bytes;
        Flush(owner);
        return QueueDropNoticeIfRoom(owner);
    }

    /// <summary>
    /// The connection refused one of our writes (<c>Tcp.CommandFailed</c>). Two cases:
    /// <list type="bullet">
    /// <item>the connection is going away (it fails every write still queued when it stops, with the
    /// cause "connection is closing"; its <c>ConnectionClosed</c> follows): nothing to do;</item>
    /// <item>its write queue was full (<c>write-commands-queue-max-size</c>). With the window below
    /// that limit this does not happen; if it does, bytes are missing from the middle of the
    /// client's stream, so the connection is aborted (the client sees a reset) rather than going on
    /// with a hole.</item>
    /// </list>
    /// Returns <see cref="WriteRefusal.NotAWrite"/> when the refused command is not a write.
    /// </summary>
    public WriteRefusal OnRefused(Tcp.CommandFailed failed, IActorRef owner)
    {
        if (failed.Cmd is not Tcp.Write)
        {
            return WriteRefusal.NotAWrite;
        }

        var cause = failed.Cause.HasValue ? failed.Cause.Value?.Message : null;
        if (cause is null || !cause.Contains("queue is full", StringComparison.OrdinalIgnoreCase) || _abortedForHole)
        {
            return WriteRefusal.ConnectionClosing;
        }

        _abortedForHole = true;
        _connection.Tell(Tcp.Abort.Instance, owner);
        return WriteRefusal.QueueFullAborted;
    }

    /// <summary>Hands queued items to the connection, oldest first, while the in-flight window has room.</summary>
    private void Flush(IActorRef owner)
    {
        while (true)
        {
            ByteString? data = null;
            long bytes = 0;
            var items = 0;
            while (items < MaxItemsPerWrite && TryPeekNext(out var item, out var own))
            {
                var fits = items == 0 ? Fits(item.Data.Count) : _inFlightBytes + bytes + item.Data.Count <= _settings.MaxInFlightBytes;
                if (!fits)
                {
                    break;
                }

                (own ? _own : _chat).Dequeue();
                if (own)
                {
                    _ownQueuedBytes -= item.Data.Count;
                }
                else
                {
                    _chatQueuedBytes -= item.Data.Count;
                }

                data = data is null ? item.Data : data.Concat(item.Data);
                bytes += item.Data.Count;
                items++;
            }

            if (data is null)
            {
                break;
            }

            _counters.MessagesOut(items);
            _connection.Tell(NextWrite(data, bytes), owner);
        }

        if (!IsEmpty && _unrequestedBytes > 0)
        {
            // What is left waits for the window: make sure an ack is coming that will open it.
            _connection.Tell(Tcp.Write.Create(ByteString.Empty, AckForUnrequested()), owner);
        }

        ReportHeld();

        // Back-pressure on the client's own output: hold reading above the watermark, read again at half.
        if (_ownQueuedBytes > _settings.EchoHighWatermark)
        {
            _reads.Hold(ReadReasons.OutputBacklog, true, owner);
        }
        else if (_ownQueuedBytes <= _settings.EchoHighWatermark / 2 && (_reads.HeldBack & ReadReasons.OutputBacklog) != 0)
        {
            _reads.Hold(ReadReasons.OutputBacklog, false, owner);
        }
    }

    private void ReportHeld()
    {
        var held = HeldBytes;
        if (held != _reportedBytes)
        {
            _counters.Buffered(held - _reportedBytes, held);
            _reportedBytes = held;
        }
    }

    /// <summary>Whether a first write of <paramref name="bytes"/> may go out now; when nothing is in flight it may exceed the window, or it could never go.</summary>
    private bool Fits(long bytes) => _inFlightBytes + bytes <= _settings.MaxInFlightBytes || _inFlightBytes == 0;

    /// <summary>The write that carries <paramref name="data"/> (<paramref name="bytes"/> long), counted in flight.</summary>
    private Tcp.Write NextWrite(ByteString data, long bytes)
    {
        _inFlightBytes += bytes;
        _unrequestedBytes += bytes;
        return _unrequestedBytes < _ackEvery ? Tcp.Write.Create(data) : Tcp.Write.Create(data, AckForUnrequested());
    }

    /// <summary>An ack confirming every byte written since the last write that asked for one.</summary>
    private WriteAck AckForUnrequested()
    {
        var confirms = new WriteAck(_unrequestedBytes);
        _unrequestedBytes = 0;
        return confirms;
    }

    private bool TryPeekNext(out Item item, out bool own)
    {
        var hasOwn = _own.TryPeek(out var ownItem);
        var hasChat = _chat.TryPeek(out var chatItem);
        own = hasOwn && (!hasChat || ownItem.Sequence < chatItem.Sequence);
        item = own ? ownItem : chatItem;
        return hasOwn || hasChat;
    }

    // "When there is room again": once the chat queue is down to half, the reader learns how many
    // lines it missed. The notice is the reader's own output, so it is never dropped itself.
    private long QueueDropNoticeIfRoom(IActorRef owner)
    {
        if (_droppedSinceNotice == 0 || _chat.Count > _settings.MaxQueuedMessages / 2)
        {
            return 0;
        }

        var dropped = _droppedSinceNotice;
        _droppedSinceNotice = 0;
        EnqueueOwn(Lines.From(ServerReplies.Dropped(dropped)), owner);
        return dropped;
    }

    // The shared empty queue is never written to: the first write swaps in a queue of its own.
    private static Queue<Item> Writable(ref Queue<Item> queue)
    {
        if (ReferenceEquals(queue, NoItems))
        {
            queue = new Queue<Item>();
        }

        return queue;
    }

    private readonly record struct Item(long Sequence, ByteString Data);
}
