namespace ActorEcho.Actors.Cell;

/// <summary>
/// An unbounded multi-producer, single-consumer queue (Vyukov's intrusive node design): an enqueue
/// is one atomic exchange and no lock; a dequeue is plain reads by the mailbox's single consumer.
/// An empty queue is one stub node, which keeps idle actors small (a ConcurrentQueue pre-allocates
/// a segment of 32 slots per actor).
/// </summary>
/// <remarks>
/// Between a producer's exchange and its link, the consumer sees the queue as empty. That is
/// safe here because every producer tries to schedule the mailbox after enqueueing, and the
/// consumer re-checks for work after marking the mailbox idle.
/// </remarks>
internal sealed class MpscQueue<T>
{
    private Node _head;
    private Node _tail;

    public MpscQueue()
    {
        _head = _tail = new Node(default!);
    }

    /// <summary>True when the consumer would find nothing right now.</summary>
    public bool IsEmpty => Volatile.Read(ref _tail.Next) is null;

    /// <summary>Adds an item; safe from any number of threads.</summary>
    public void Enqueue(T item)
    {
        var node = new Node(item);
        var previous = Interlocked.Exchange(ref _head, node);
        Volatile.Write(ref previous.Next, node);
    }

    /// <summary>Takes the oldest item; only the single consumer may call this.</summary>
    public bool TryDequeue(out T item)
    {
        var next = Volatile.Read(ref _tail.Next);
        if (next is null)
        {
            item = default!;
            return false;
        }

        item = next.Item;

        // The dequeued node becomes the new stub; clear its item so the queue does not keep it alive.
        next.Item = default!;
        _tail = next;
        return true;
    }

    private sealed class Node(T item)
    {
        public T Item = item;
        public Node? Next;
    }
}
