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
/// Queue: a chain of ring segments. Each slot carries a sequence number that says whose turn it
/// is: a producer claims position <c>p</c> with one compare-and-swap on the segment's tail when the
/// slot's number is <c>p</c>, stores the envelope, and publishes it by setting the number to
/// <c>p + 1</c>; the consumer takes it and hands the slot to the next lap with <c>p + size</c>.
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
/// A ring grown under a burst stays at its size (at most <see cref="MaxSegment"/> slots, 1.5 MiB)
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
        while (!segment.TryEnqueue(item))
        {
            segment = Grow(segment);
        }
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
            if (IsPublished(ref slot, head))
            {
                item = slot.Item;
                slot.Item = default;
                _head = unchecked(head + 1);
                Volatile.Write(ref slot.Sequence, unchecked(head + slots.Length));
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

            if (!AwaitPublication(ref slot, head))
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
                if (IsPublished(ref segment.Slots[head & segment.Mask], head))
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

    /// <summary>Whether the producer that claimed position <paramref name="position"/> has stored its envelope there.</summary>
    private static bool IsPublished(ref Slot slot, int position) =>
        Volatile.Read(ref slot.Sequence) == unchecked(position + 1);

    /// <summary>
    /// A producer has claimed the slot at <paramref name="head"/> (or the segment is frozen with
    /// claims still unpublished) and is a few instructions from publishing it: spin briefly rather
    /// than end the turn and come straight back through the thread pool.
    /// </summary>
    private static bool AwaitPublication(ref Slot slot, int head)
    {
        var spinner = default(SpinWait);
        while (spinner.Count < 16)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            if (IsPublished(ref slot, head))
            {
                return true;
            }
        }

        return false;
    }

    private Slot[] EnterSegment(Segment segment)
    {
        Volatile.Write(ref _consumerSegment, segment);
        _consumerSlots = segment.Slots;
        _consumerMask = segment.Mask;
        _head = 0;
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
    /// <see cref="Segment.IsFrozen"/> as a producer can tell it, without the consumer's head at hand:
    /// the head read here (after <paramref name="tail"/>) can only be newer than the tail, which errs
    /// towards "not frozen", and the caller's compare-and-swap then fails and retries.
    /// </summary>
    private readonly bool IsFrozen(Segment segment, int tail)
    {
        var consumerHere = ReferenceEquals(Volatile.Read(ref System.Runtime.CompilerServices.Unsafe.AsRef(in _consumerSegment)), segment);

        // A segment the consumer has not reached has head 0; one it has left is frozen, and 0 is
        // then still a safe lower bound for its head.
        var head = consumerHere ? Volatile.Read(ref System.Runtime.CompilerServices.Unsafe.AsRef(in _head)) : 0;
        return segment.IsFrozen(tail, head);
    }

    private struct Slot
    {
        public Envelope Item;
        public int Sequence;
    }

    private sealed class Segment
    {
        public readonly Slot[] Slots;
        public readonly int Mask;
        public int Tail;
        public int Growing;
        public Segment? Next;

        public Segment(int size)
        {
            Slots = new Slot[size];
            Mask = size - 1;
            for (var i = 0; i < size; i++)
            {
                Slots[i].Sequence = i;
            }
        }

        /// <summary>How far a freeze moves the tail: far enough that no slot's number can ever match it.</summary>
        public int FreezeOffset => Slots.Length * 2;

        /// <summary>
        /// Whether <paramref name="tail"/> is a frozen tail. Unfrozen, the tail is at most one ring
        /// ahead of the consumer's <paramref name="head"/>; frozen, at least two.
        /// </summary>
        public bool IsFrozen(int tail, int head) => unchecked(tail - head) > Slots.Length;

        /// <summary>Whether the frozen <paramref name="tail"/> says every claimed position before <paramref name="head"/> has been taken.</summary>
        public bool IsDrained(int tail, int head) => unchecked(tail - FreezeOffset) == head;

        public bool TryEnqueue(Envelope item)
        {
            var slots = Slots;
            while (true)
            {
                var tail = Volatile.Read(ref Tail);
                ref var slot = ref slots[tail & Mask];
                var diff = unchecked(Volatile.Read(ref slot.Sequence) - tail);
                if (diff == 0)
                {
                    if (Interlocked.CompareExchange(ref Tail, unchecked(tail + 1), tail) == tail)
                    {
                        slot.Item = item;
                        Volatile.Write(ref slot.Sequence, unchecked(tail + 1));
                        return true;
                    }
                }
                else if (diff < 0)
                {
                    // The slot still holds last lap's item (full), or the tail was frozen.
                    return false;
                }

                // diff > 0: another producer took this position first; look again.
            }
        }
    }
}
