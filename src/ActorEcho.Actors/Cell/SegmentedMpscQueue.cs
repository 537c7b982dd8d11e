namespace ActorEcho.Actors.Cell;

/// <summary>
/// The user-message queue of a mailbox: multi-producer, single-consumer, lock-free, made of array
/// segments. A producer claims a slot with one atomic increment and publishes it with a flag; the
/// consumer reads slots in order. It is a mutable struct held in a field of the cell, so an actor
/// that has never received a message pays two null references and nothing else.
/// </summary>
/// <remarks>
/// Why segments and not one node per message: under fan-in the backlog can reach hundreds of
/// thousands of messages, and a node per message means as many small objects surviving each GC.
/// Segments turn that into a few arrays. Segment size adapts: a new segment doubles (up to
/// <see cref="MaxSegment"/>, large enough to live in the large-object heap, which the GC does not
/// copy) only while the consumer is at least a whole segment behind, and falls back to
/// <see cref="MinSegment"/> otherwise, so a lightly used actor holds a few slots, not kilobytes.
/// The consumer's position lives here, not in the segment: producers hammer a segment's claim
/// counter, and a consumer write on the same cache line for every message would bounce it.
/// A slot that is claimed but not yet published reads as "empty"; that is safe because its producer
/// schedules the mailbox after publishing, and the consumer re-checks after going idle.
/// </remarks>
internal struct SegmentedMpscQueue<T>
{
    internal const int MinSegment = 4;
    internal const int MaxSegment = 16384;

    private Segment? _producerSegment;
    private Segment? _consumerSegment;
    private int _consumerIndex;

    /// <summary>Adds an item; safe from any number of threads.</summary>
    public void Enqueue(T item)
    {
        var segment = Volatile.Read(ref _producerSegment) ?? InstallFirst();
        while (true)
        {
            var index = Interlocked.Increment(ref segment.Claimed) - 1;
            if (index < segment.Slots.Length)
            {
                ref var slot = ref segment.Slots[index];
                slot.Item = item;
                Volatile.Write(ref slot.Published, true);
                return;
            }

            segment = Advance(segment);
        }
    }

    /// <summary>Takes the oldest published item; consumer only.</summary>
    public bool TryDequeue(out T item)
    {
        var segment = ConsumerSegment();
        while (segment is not null)
        {
            var index = _consumerIndex;
            if (index < segment.Slots.Length)
            {
                ref var slot = ref segment.Slots[index];
                if (!Volatile.Read(ref slot.Published))
                {
                    break;
                }

                item = slot.Item;
                slot.Item = default!;
                _consumerIndex = index + 1;
                return true;
            }

            segment = Volatile.Read(ref segment.Next);
            if (segment is not null)
            {
                _consumerIndex = 0;
                Volatile.Write(ref _consumerSegment, segment);
            }
        }

        item = default!;
        return false;
    }

    /// <summary>True when the consumer would find nothing right now; consumer only.</summary>
    public readonly bool IsEmpty
    {
        get
        {
            var segment = Volatile.Read(ref System.Runtime.CompilerServices.Unsafe.AsRef(in _consumerSegment));
            var index = _consumerIndex;
            while (segment is not null)
            {
                if (index < segment.Slots.Length)
                {
                    return !Volatile.Read(ref segment.Slots[index].Published);
                }

                segment = Volatile.Read(ref segment.Next);
                index = 0;
            }

            return true;
        }
    }

    private Segment? ConsumerSegment() => Volatile.Read(ref _consumerSegment);

    private Segment InstallFirst()
    {
        var first = new Segment(MinSegment);
        var existing = Interlocked.CompareExchange(ref _producerSegment, first, null);
        if (existing is not null)
        {
            return existing;
        }

        // Only the installer hands the first segment to the consumer, before publishing its own
        // item: the consumer must never start from the producers' pointer, which may already be
        // segments ahead.
        Volatile.Write(ref _consumerSegment, first);
        return first;
    }

    private Segment Advance(Segment full)
    {
        var next = Volatile.Read(ref full.Next);
        if (next is null)
        {
            // The consumer still being before this segment is the signal to grow; otherwise stay small.
            var behind = !ReferenceEquals(Volatile.Read(ref _consumerSegment), full);
            var size = behind ? Math.Min(full.Slots.Length * 2, MaxSegment) : MinSegment;
            var created = new Segment(size);
            next = Interlocked.CompareExchange(ref full.Next, created, null) ?? created;
        }

        Interlocked.CompareExchange(ref _producerSegment, next, full);
        return next;
    }

    private struct Slot
    {
        public T Item;
        public bool Published;
    }

    private sealed class Segment(int size)
    {
        public readonly Slot[] Slots = new Slot[size];
        public int Claimed;
        public Segment? Next;
    }
}
