using System.Runtime.InteropServices;

namespace ActorEcho.Actors.Cell;

/// <summary>
/// The user-message half of a cell's mailbox: a lock-free queue of envelopes for many producers and
/// one consumer, plus the two fields every <c>Tell</c> reads (the scheduling status and the
/// capacity) and the one the consumer writes for every message (the envelope being processed).
/// It is a mutable struct held in a field of the cell: always used in place, never copied.
/// </summary>
/// <remarks>
/// <para>
/// Queue: a chain of ring segments. A producer claims position <c>p</c> with one compare-and-swap
/// on the segment's tail, provided <c>p</c> is less than one ring past the consumer's head (so the
/// slot's last occupant has been taken), stores the sender and then the message, and the message
/// being non-null is what publishes the slot; the consumer takes it, clears the slot, and only then
/// advances its head. Producers keep the limit (head + size) cached in the segment and read the
/// consumer's head again only when they reach it. A slot is thus just an envelope (16 bytes, no
/// sequence number), and a new ring needs no initialisation pass: the allocator's zeroes are
/// empty slots. Under fan-in the backlog lives in these rings, so their size per message is what
/// page faults, cache misses and collections scale with.
/// While the consumer keeps up, one ring is reused forever: no garbage per message.
/// </para>
/// <para>
/// When a ring is full, a producer freezes it (its tail jumps by twice its size, so no claim can
/// ever succeed there again) and links a ring twice as large (up to <see cref="MaxSegment"/>)
/// behind it. Freezing before linking keeps each producer's order: once a producer has written to
/// the new ring, the old one accepts nothing more. The consumer leaves a ring once it is frozen and
/// every claimed slot has been taken. A claimed slot whose producer has not published yet reads as
/// empty; that is safe because the producer schedules the mailbox after publishing.
/// </para>
/// <para>
/// Layout: the consumer's fields (written for every message) and the producers' fields (read by
/// every <c>Tell</c>) are more than a cache line apart, so neither side keeps invalidating the
/// other's line (false sharing). No padding follows the producer fields: what follows the cell in
/// memory is normally its own <c>LocalActorRef</c>, allocated right after it and never written,
/// which producers read anyway. The consumer keeps its own copy of its ring's slots and mask so it
/// never reads the segment object whose tail the producers are hammering.
/// A ring grown under a burst stays at its size (at most <see cref="MaxSegment"/> slots, 1 MiB)
/// for as long as the actor lives, as with a ConcurrentQueue.
/// The cap is large because a long backlog is held in max-size rings: each is a large-object
/// allocation, and with a small cap their sheer number drove gen-2 collections that stalled the
/// producers (measured under fan-in: 8 producers x 1M messages).
/// </para>
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 120)]
internal struct UserMailbox
{
    internal const int MinSegment = 4;
    internal const int MaxSegment = 1 << 16;

    /// <summary>Not scheduled: the next producer to find it so schedules the cell.</summary>
    internal const int Idle = 0;

    /// <summary>Queued on the thread pool or running.</summary>
    internal const int Scheduled = 1;

    // ---- consumer line: written by the consumer for every message ----

    /// <summary>The message being processed (or whose async handler holds the mailbox).</summary>
    [FieldOffset(0)]
    public Envelope Current;

    [FieldOffset(16)]
    private Segment? _consumerSegment;

    [FieldOffset(24)]
    private Slot[]? _consumerSlots;

    [FieldOffset(32)]
    private int _head;

    [FieldOffset(36)]
    private int _consumerMask;

    // ---- producer line: read by every Tell, written rarely. It starts 64 bytes past the end of
    // the consumer fields, so no 64-byte line can hold both, however the cell is aligned. ----

    [FieldOffset(104)]
    private Segment? _producerSegment;

    /// <summary><see cref="Idle"/> or <see cref="Scheduled"/>; changed only by compare-and-swap or exchange.</summary>
    [FieldOffset(112)]
    public int Status;

    /// <summary>Bound of a bounded mailbox; 0 when unbounded.</summary>
    [FieldOffset(116)]
    public readonly int Capacity;

    public UserMailbox(int capacity)
    {
        Capacity = capacity;
    }

    /// <summary>Adds an envelope; safe from any number of threads.</summary>
    public void Enqueue(Envelope item)
    {
        var segment = Volatile.Read(ref _producerSegment) ?? InstallFirst();
        while (!TryEnqueue(segment, item))
        {
            segment = Grow(segment);
        }
    }

    /// <summary>Claims the next position of <paramref name="segment"/> and stores the envelope; false when it is full or frozen.</summary>
    private readonly bool TryEnqueue(Segment segment, Envelope item)
    {
        while (true)
        {
            var tail = Volatile.Read(ref segment.Tail);
            if (unchecked(tail - Volatile.Read(ref segment.Limit)) >= 0)
            {
                // At the cached limit: the consumer may have moved on since it was computed.
                var limit = unchecked(HeadIn(segment) + segment.Slots.Length);
                if (unchecked(tail - limit) >= 0)
                {
                    // Full, or frozen (a frozen tail is always more than a ring past the head).
                    return false;
                }

                // Racing producers may store older, lower limits: lower only means looking again
                // sooner. Release: whoever claims below this limit sees the slots the consumer cleared.
                Volatile.Write(ref segment.Limit, limit);
            }

            if (Interlocked.CompareExchange(ref segment.Tail, unchecked(tail + 1), tail) == tail)
            {
                ref var slot = ref segment.Slots[tail & segment.Mask];
                if (item.Sender is not null)
                {
                    // The slot is already clear (the consumer clears each slot it takes, and a new
                    // ring is all zeroes), so a sender-less Tell skips this store and its GC write barrier.
                    slot.Sender = item.Sender;
                }

                // Release: the consumer that sees the message sees the sender too.
                Volatile.Write(ref slot.Message, item.Message);
                return true;
            }
        }
    }

    /// <summary>
    /// The consumer's head in <paramref name="segment"/>, or a lower bound of it, never more: a
    /// segment the consumer has not reached has head 0, and one it has left is frozen and drained,
    /// for which 0 is a safe answer. The second look at the consumer's segment matters: without it,
    /// a consumer that left between the two reads could hand over its next segment's head, which
    /// would lift a limit past slots of a frozen segment nobody will ever read again.
    /// </summary>
    private readonly int HeadIn(Segment segment)
    {
        ref var consumerSegment = ref System.Runtime.CompilerServices.Unsafe.AsRef(in _consumerSegment);
        if (!ReferenceEquals(Volatile.Read(ref consumerSegment), segment))
        {
            return 0;
        }

        // EnterSegment resets the head before publishing the segment, so this is the head of this
        // segment, or the 0 of the next one, unless the consumer has moved on in between.
        var head = Volatile.Read(ref System.Runtime.CompilerServices.Unsafe.AsRef(in _head));
        return ReferenceEquals(Volatile.Read(ref consumerSegment), segment) ? head : 0;
    }

    /// <summary>Takes the oldest published envelope; consumer only.</summary>
    public bool TryDequeue(out Envelope item)
    {
        var slots = _consumerSlots;
        if (slots is null)
        {
            var first = Volatile.Read(ref _consumerSegment);
            if (first is null)
            {
                item = default;
                return false;
            }

            slots = EnterSegment(first);
        }

        while (true)
        {
            var head = _head;
            ref var slot = ref slots[head & _consumerMask];
            var message = Volatile.Read(ref slot.Message);
            if (message is not null)
            {
                item = new Envelope(message, slot.Sender);
                slot = default;

                // Release: a producer that reads this head (to refresh its limit) sees the slot cleared.
                Volatile.Write(ref _head, unchecked(head + 1));
                return true;
            }

            var segment = _consumerSegment!;
            var tail = Volatile.Read(ref segment.Tail);
            if (tail == head)
            {
                // Nothing claimed here (a frozen tail is always two rings ahead of the head).
                item = default;
                return false;
            }

            if (segment.IsFrozen(tail, head) && segment.IsDrained(tail, head))
            {
                // Frozen and drained. A successor is linked only after the freeze; until it is,
                // nothing has been claimed there, and whoever links it claims and schedules after.
                var next = Volatile.Read(ref segment.Next);
                if (next is null)
                {
                    item = default;
                    return false;
                }

                slots = EnterSegment(next);
                continue;
            }

            if (!AwaitPublication(ref slot))
            {
                // Claimed but still unpublished: the turn ends, and the end-of-turn check sees the
                // claim and schedules the cell again.
                item = default;
                return false;
            }
        }
    }

    /// <summary>
    /// True when no producer has even claimed a slot the consumer has not taken; consumer only.
    /// Claimed, not published: a producer whose compare-and-swap on a tail has succeeded counts, so
    /// that the end-of-turn check needs no fence of its own on the producer side (see ActorCell.Schedule).
    /// </summary>
    public readonly bool IsEmpty
    {
        get
        {
            var segment = Volatile.Read(ref System.Runtime.CompilerServices.Unsafe.AsRef(in _consumerSegment));
            var head = _head;
            while (segment is not null)
            {
                // A published slot at the head answers without reading the tail, the line every
                // producer's compare-and-swap keeps taking away (this runs at the end of every turn).
                if (Volatile.Read(ref segment.Slots[head & segment.Mask].Message) is not null)
                {
                    return false;
                }

                var tail = Volatile.Read(ref segment.Tail);
                if (!segment.IsFrozen(tail, head))
                {
                    // Not frozen: the claimed positions are [head, tail).
                    return tail == head;
                }

                if (!segment.IsDrained(tail, head))
                {
                    return false;
                }

                // Frozen and drained: anything claimed is in the successor, if it is linked yet.
                segment = Volatile.Read(ref segment.Next);
                head = 0;
            }

            return true;
        }
    }

    /// <summary>
    /// A producer has claimed the slot at the head (or the segment is frozen with
    /// claims still unpublished) and is a few instructions from publishing it: spin briefly rather
    /// than end the turn and come straight back through the thread pool.
    /// </summary>
    private static bool AwaitPublication(ref Slot slot)
    {
        var spinner = default(SpinWait);
        while (spinner.Count < 16)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            if (Volatile.Read(ref slot.Message) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private Slot[] EnterSegment(Segment segment)
    {
        // The head is reset before the segment is published: a producer that sees the consumer in
        // this segment must never pair it with the previous segment's (larger) head, which would
        // lift its limit past slots not yet taken. Pairing the old segment with 0 only errs low.
        Volatile.Write(ref _head, 0);
        _consumerSlots = segment.Slots;
        _consumerMask = segment.Mask;
        Volatile.Write(ref _consumerSegment, segment);
        return segment.Slots;
    }

    private Segment InstallFirst()
    {
        var first = new Segment(MinSegment);
        var existing = Interlocked.CompareExchange(ref _producerSegment, first, null);
        if (existing is not null)
        {
            return existing;
        }

        // Only the installer hands the first segment to the consumer, before publishing its own
        // item: the consumer must never start from the producers' pointer, which may be rings ahead.
        Volatile.Write(ref _consumerSegment, first);
        return first;
    }

    /// <summary>A producer found <paramref name="full"/> full or frozen: freeze it, link (or find) its successor, move on.</summary>
    private Segment Grow(Segment full)
    {
        Freeze(full);
        var next = Volatile.Read(ref full.Next);
        if (next is null)
        {
            if (Interlocked.Exchange(ref full.Growing, 1) == 0)
            {
                // Only one producer allocates: under fan-in every producer finds the ring full at
                // the same moment, and each allocating its own large ring (all but one thrown
                // away) had them queueing on the GC's allocation lock.
                next = new Segment(Math.Min(full.Slots.Length * 2, MaxSegment));
                Volatile.Write(ref full.Next, next);
            }
            else
            {
                var spinner = default(SpinWait);
                while ((next = Volatile.Read(ref full.Next)) is null)
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                }
            }
        }

        Interlocked.CompareExchange(ref _producerSegment, next, full);
        return next;
    }

    private void Freeze(Segment segment)
    {
        while (true)
        {
            var tail = Volatile.Read(ref segment.Tail);
            if (IsFrozen(segment, tail))
            {
                return;
            }

            if (Interlocked.CompareExchange(ref segment.Tail, unchecked(tail + segment.FreezeOffset), tail) == tail)
            {
                return;
            }
        }
    }

    /// <summary>
    /// <see cref="Segment.IsFrozen"/> as a producer can tell it. A frozen tail never looks unfrozen:
    /// <see cref="HeadIn"/> never exceeds the segment's real head. An unfrozen tail looks frozen only
    /// when the consumer has already left the segment, which it does only once it is frozen.
    /// </summary>
    private readonly bool IsFrozen(Segment segment, int tail) => segment.IsFrozen(tail, HeadIn(segment));

    /// <summary>An envelope in a ring: empty while <see cref="Message"/> is null.</summary>
    private struct Slot
    {
        public object? Message;
        public IActorRef? Sender;
    }

    private sealed class Segment
    {
        public readonly Slot[] Slots;
        public readonly int Mask;
        public int Tail;

        /// <summary>Producers' cached bound on the tail: the consumer's head when last read plus one ring.</summary>
        public int Limit;
        public int Growing;
        public Segment? Next;

        public Segment(int size)
        {
            Slots = new Slot[size];
            Mask = size - 1;
            Limit = size;
        }

        /// <summary>How far a freeze moves the tail: far enough that it is always more than one ring past any head (<see cref="IsFrozen"/>).</summary>
        public int FreezeOffset => Slots.Length * 2;

        /// <summary>
        /// Whether <paramref name="tail"/> is a frozen tail. Unfrozen, the tail is at most one ring
        /// ahead of the consumer's <paramref name="head"/>; frozen, at least two.
        /// </summary>
        public bool IsFrozen(int tail, int head) => unchecked(tail - head) > Slots.Length;

        /// <summary>Whether the frozen <paramref name="tail"/> says every claimed position before <paramref name="head"/> has been taken.</summary>
        public bool IsDrained(int tail, int head) => unchecked(tail - FreezeOffset) == head;
    }
}
