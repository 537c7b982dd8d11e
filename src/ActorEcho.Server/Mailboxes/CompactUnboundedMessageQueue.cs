using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace ActorEcho.Server.Mailboxes;

/// <summary>
/// The message queue of <see cref="CompactUnboundedMailbox"/>: a ring of envelopes behind a lock,
/// allocated at the first message (4 slots), doubled when full, and dropped once it is empty again
/// if it had grown past <see cref="KeepCapacity"/> slots, so an actor that is idle most of its life
/// costs one small object. The lock is held for a few instructions and contended only when a
/// sender and the actor touch the queue at the same instant. <see cref="HasMessages"/> and
/// <see cref="Count"/> are read without it (Akka reads them from other threads to decide whether to
/// schedule the mailbox), so the count is published with a volatile write after each change.
/// </summary>
public sealed class CompactUnboundedMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    /// <summary>The largest ring kept while empty; a larger one (left by a burst) is given back.</summary>
    public const int KeepCapacity = 32;

    private const int FirstCapacity = 4;

    private readonly object _gate = new();
    private Envelope[]? _ring;
    private int _head;
    private int _count;

    /// <inheritdoc />
    public bool HasMessages => Volatile.Read(ref _count) > 0;

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <summary>Slots allocated now (0 while no ring is held); for tests.</summary>
    public int Capacity => Volatile.Read(ref _ring)?.Length ?? 0;

    /// <inheritdoc />
    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (_gate)
        {
            var ring = _ring;
            if (ring is null)
            {
                ring = _ring = new Envelope[FirstCapacity];
            }
            else if (_count == ring.Length)
            {
                ring = Grow(ring);
            }

            ring[(_head + _count) % ring.Length] = envelope;
            Volatile.Write(ref _count, _count + 1);
        }
    }

    /// <inheritdoc />
    public bool TryDequeue(out Envelope envelope)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                envelope = default;
                return false;
            }

            var ring = _ring!;
            envelope = ring[_head];
            ring[_head] = default;
            _head = (_head + 1) % ring.Length;
            Volatile.Write(ref _count, _count - 1);
            if (_count == 0)
            {
                _head = 0;
                if (ring.Length > KeepCapacity)
                {
                    _ring = null;
                }
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }

    private Envelope[] Grow(Envelope[] ring)
    {
        var bigger = new Envelope[ring.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = ring[(_head + i) % ring.Length];
        }

        _head = 0;
        _ring = bigger;
        return bigger;
    }
}
