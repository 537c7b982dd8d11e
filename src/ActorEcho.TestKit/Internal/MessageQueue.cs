namespace ActorEcho.TestKit.Internal;

/// <summary>
/// The test actor's inbox as the expectations see it. Waiting blocks on a signal that each
/// enqueue completes, so a waiting expectation wakes as soon as a message arrives and never polls.
/// </summary>
internal sealed class MessageQueue
{
    private readonly object _gate = new();
    private readonly LinkedList<MessageEnvelope> _items = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public void Enqueue(MessageEnvelope envelope) => Add(envelope, first: false);

    /// <summary>Puts a message back at the head, for readers that looked at it and did not consume it.</summary>
    public void PushFront(MessageEnvelope envelope) => Add(envelope, first: true);

    public bool TryTake(out MessageEnvelope? envelope)
    {
        lock (_gate)
        {
            if (_items.First is { } node)
            {
                _items.RemoveFirst();
                envelope = node.Value;
                return true;
            }
        }

        envelope = null;
        return false;
    }

    /// <summary>
    /// Takes the next message, waiting at most <paramref name="timeout"/>; null when none arrived.
    /// With <paramref name="sync"/> the wait blocks the calling thread and the returned task is
    /// already complete, which lets the synchronous expectations share the asynchronous code.
    /// </summary>
    public async ValueTask<MessageEnvelope?> TakeAsync(TimeSpan timeout, bool sync, CancellationToken cancellationToken)
    {
        var deadline = Deadline.After(timeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_items.First is { } node)
                {
                    _items.RemoveFirst();
                    return node.Value;
                }

                signal = _signal.Task;
            }

            var remaining = Deadline.Slice(Deadline.Left(deadline));
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            if (sync)
            {
                signal.Wait(remaining, cancellationToken);
            }
            else
            {
                await signal.WaitAsync(remaining, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private void Add(MessageEnvelope envelope, bool first)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (first)
            {
                _items.AddFirst(envelope);
            }
            else
            {
                _items.AddLast(envelope);
            }

            signal = _signal;
            _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }
}
