using ActorEcho.Actors;
using ActorEcho.IO;
using ActorEcho.Server.Protocol;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Outbound;

/// <summary>
/// Flow control of one connection's output, owned by its handler actor (and kept across a session's
/// restarts, so nothing already accepted is lost). Two kinds of output:
/// <list type="bullet">
/// <item>the client's OWN output (echo, command replies, notices): never dropped. When too much of it
/// queues up, reading from the client is suspended (back-pressure) until half of it has drained;</item>
/// <item>CHAT lines from others: bounded by <c>max-queued-messages</c>; a full queue applies the
/// slow-reader policy, so one slow reader never slows the sender or the rest of a room.</item>
/// </list>
/// Both queues keep one global order (a sequence number each), and are handed to the connection as
/// writes with at most <c>max-in-flight-bytes</c> not yet confirmed by an ack (acks and NACKs:
/// <c>OutboundQueue.Acks.cs</c>). Not thread-safe: only the owning actor calls it.
/// <para>
/// Echo items may be slices of a leased receive buffer (<see cref="ReceiveLease"/>); the queue gives
/// such a buffer back right after the write carrying its last item is told to the connection. That
/// is only safe while the connection cannot refuse the write (a resend would read a buffer already
/// reused), which holds when <c>max-in-flight-bytes</c> is at most the socket layer's
/// <c>max-pending-write-bytes</c>: the server leases only then (<see cref="Runtime.ServerRuntime.LeaseReceiveBuffers"/>).
/// </para>
/// </summary>
internal sealed partial class OutboundQueue
{
    // Several queued items go out as one write (a rope of their buffers, no copying); the cap keeps
    // one write's gathered send well under the socket layer's segment limit.
    private const int MaxItemsPerWrite = 32;

    // Scratch list for gathering one write's items. Flush runs start to end on the owning actor's
    // thread without yielding, so one list per thread serves every queue on it.
    [ThreadStatic]
    private static List<ByteString>? t_batch;

    // The leases of the items in the batch, released once the write carrying them is told.
    [ThreadStatic]
    private static List<ReceiveLease>? t_batchLeases;

    private static readonly Queue<Item> NoItems = new();

    private readonly IActorRef _connection;
    private readonly IActorRef _owner;
    private readonly SessionSettings _settings;
    private readonly ServerCounters _counters;

    // Created on first use: most of the time an idle connection has nothing queued and nothing in
    // flight, and with thousands of them four empty queues each add up. Until then the fields point
    // at shared empty queues that are only ever read.
    private Queue<Item> _own = NoItems;
    private Queue<Item> _chat = NoItems;
    private long _nextSequence;
    private long _ownQueuedBytes;
    private long _droppedSinceNotice;
    private ReadReasons _readSuspended;

    /// <param name="connection">The connection actor the writes go to.</param>
    /// <param name="owner">The actor that owns this queue: the sender of every write, so it gets the acks.</param>
    /// <param name="settings">The window, the watermark and the chat queue's bound and policy.</param>
    /// <param name="counters">Where messages out and drops are counted.</param>
    /// <param name="writesNeverRefused">
    /// The connection never refuses a write of this queue (<c>max-in-flight-bytes</c> fits in the
    /// socket layer's <c>max-pending-write-bytes</c>): only one write per quarter window then asks
    /// for an ack, instead of every write (see <c>OutboundQueue.Acks.cs</c>).
    /// </param>
    public OutboundQueue(IActorRef connection, IActorRef owner, SessionSettings settings, ServerCounters counters, bool writesNeverRefused)
    {
        _connection = connection;
        _owner = owner;
        _settings = settings;
        _counters = counters;
        _ackEvery = writesNeverRefused ? Math.Max(1, settings.MaxInFlightBytes / 4) : 0;
    }

    /// <summary>Nothing waits to be handed to the connection (writes may still be in flight).</summary>
    public bool IsEmpty => _own.Count == 0 && _chat.Count == 0 && _resend.Count == 0;

    /// <summary>Chat lines waiting for the reader.</summary>
    public int QueuedChat => _chat.Count;

    /// <summary>Why reading is suspended now (<see cref="ReadReasons.None"/> when reading).</summary>
    public ReadReasons ReadSuspended => _readSuspended;

    /// <summary>Queues the client's own output (never dropped) and sends what the window allows.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="lease">
    /// The leased chunk <paramref name="data"/> is part of, if any: it is not given back before this
    /// item has been handed to the connection.
    /// </param>
    public void EnqueueOwn(ByteString data, ReceiveLease? lease = null)
    {
        if (data.IsEmpty)
        {
            return;
        }

        if (IsEmpty && !_awaitingResume && Fits(data.Count))
        {
            // Nothing ahead of it and room in the window (an echo, usually): straight out, without
            // passing through the queue. A lease needs no extra user: the write is told right here.
            _nextSequence++;
            var write = NextWrite(data, data.Count);
            _counters.MessagesOut(1);
            _connection.Tell(write, _owner);
            return;
        }

        if (lease is not null)
        {
            lease.Users++;
        }

        Writable(ref _own).Enqueue(new Item(_nextSequence++, data, lease));
        _ownQueuedBytes += data.Count;
        Flush();
    }

    /// <summary>Queues a chat line from someone else, applying the slow-reader policy when the queue is full.</summary>
    public ChatEnqueueResult EnqueueChat(ByteString line)
    {
        var result = ChatEnqueueResult.Queued;
        if (_chat.Count >= _settings.MaxQueuedMessages)
        {
            if (_settings.SlowReaderPolicy == SlowReaderPolicy.Disconnect)
            {
                // The new line and every queued one are dropped: the reader is being disconnected.
                _counters.Dropped(_chat.Count + 1);
                ClearChat();
                return ChatEnqueueResult.Overflow;
            }

            _chat.Dequeue();
            _droppedSinceNotice++;
            _counters.Dropped(1);
            result = ChatEnqueueResult.DroppedOldest;
        }

        Writable(ref _chat).Enqueue(new Item(_nextSequence++, line, null));
        Flush();
        return result;
    }

    /// <summary>Drops every queued chat line (counted as drops) and any notice still owed for earlier drops; returns how many.</summary>
    public int DiscardChat()
    {
        var count = _chat.Count;
        ClearChat();

        // The owner is closing: a notice queued now could come after its Close, which the connection refuses.
        _droppedSinceNotice = 0;
        _counters.Dropped(count);
        return count;
    }

    private void ClearChat()
    {
        if (_chat.Count > 0)
        {
            _chat.Clear();
        }
    }

    /// <summary>Sets or clears one reason to suspend reading, telling the connection when reading stops or starts.</summary>
    public void SetReadSuspended(ReadReasons reason, bool suspended)
    {
        var before = _readSuspended;
        _readSuspended = suspended ? before | reason : before & ~reason;
        if (before == ReadReasons.None && _readSuspended != ReadReasons.None)
        {
            _connection.Tell(Tcp.SuspendReading.Instance, _owner);
        }
        else if (before != ReadReasons.None && _readSuspended == ReadReasons.None)
        {
            _connection.Tell(Tcp.ResumeReading.Instance, _owner);
        }
    }

    /// <summary>Hands queued items to the connection, oldest first, while the in-flight window has room.</summary>
    private void Flush()
    {
        var batch = t_batch ??= new List<ByteString>(MaxItemsPerWrite);
        var leases = t_batchLeases ??= new List<ReceiveLease>(MaxItemsPerWrite);
        while (!_awaitingResume && _resend.Count == 0)
        {
            long bytes = 0;
            batch.Clear();
            while (batch.Count < MaxItemsPerWrite && TryPeekNext(out var item, out var own))
            {
                var fits = batch.Count == 0 ? Fits(item.Data.Count) : _inFlightBytes + bytes + item.Data.Count <= _settings.MaxInFlightBytes;
                if (!fits)
                {
                    break;
                }

                (own ? _own : _chat).Dequeue();
                if (own)
                {
                    _ownQueuedBytes -= item.Data.Count;
                }

                batch.Add(item.Data);
                bytes += item.Data.Count;
                if (item.Lease is { } lease)
                {
                    leases.Add(lease);
                }
            }

            if (batch.Count == 0)
            {
                break;
            }

            var data = batch.Count == 1 ? batch[0] : ByteString.Concat(batch);
            var items = batch.Count;

            // The list is not kept: the next Flush on this thread (another connection's) reuses it.
            batch.Clear();
            var write = NextWrite(data, bytes);
            _counters.MessagesOut(items);
            _connection.Tell(write, _owner);

            // After the write, never before: the connection then keeps the buffer until it is sent.
            foreach (var lease in leases)
            {
                Release(lease);
            }

            leases.Clear();
        }

        if (!IsEmpty)
        {
            // What is left waits for the window: make sure an ack is coming that will open it.
            RequestAckIfNoneComing();
        }

        // Back-pressure on the client's own output: stop reading above the watermark, read again at half.
        if (_ownQueuedBytes > _settings.EchoHighWatermark)
        {
            SetReadSuspended(ReadReasons.OutputBacklog, true);
        }
        else if (_ownQueuedBytes <= _settings.EchoHighWatermark / 2)
        {
            SetReadSuspended(ReadReasons.OutputBacklog, false);
        }
    }

    /// <summary>Whether a first write of <paramref name="bytes"/> may go out now; when nothing is in flight it may exceed the window, or it could never go.</summary>
    private bool Fits(long bytes) => _inFlightBytes + bytes <= _settings.MaxInFlightBytes || _inFlightBytes == 0;

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
    private long QueueDropNoticeIfRoom()
    {
        if (_droppedSinceNotice == 0 || _chat.Count > _settings.MaxQueuedMessages / 2)
        {
            return 0;
        }

        var dropped = _droppedSinceNotice;
        _droppedSinceNotice = 0;
        EnqueueOwn(Lines.From(ServerReplies.Dropped(dropped)));
        return dropped;
    }

    // The shared empty queues are never written to: the first write swaps in a queue of its own.
    private static Queue<T> Writable<T>(ref Queue<T> queue)
    {
        if (ReferenceEquals(queue, NoItems) || ReferenceEquals(queue, NoWrites))
        {
            queue = new Queue<T>();
        }

        return queue;
    }

    /// <summary>One user of a leased chunk is done with it; the last one gives it back to the connection.</summary>
    public void Release(ReceiveLease lease)
    {
        if (--lease.Users == 0)
        {
            _connection.Tell(new Tcp.ReturnBuffer(lease.Data), _owner);
        }
    }

    private readonly record struct Item(long Sequence, ByteString Data, ReceiveLease? Lease);
}
