namespace ActorEcho.Actors.Cell;

// The mailbox: two lock-free queues and the run loop. A cell is scheduled on the thread pool as
// one work item at a time; it processes all system messages first, then up to `throughput` user
// messages (system messages that arrive meanwhile jump the queue), then yields the thread.
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly MpscQueue<Envelope> _userQueue = new();
    private readonly MpscQueue<SystemMessage> _systemQueue = new();
    private readonly int _capacity;
    private readonly int _throughput;
    private int _status;
    private int _userCount;
    private volatile bool _closed;

    /// <summary>True once the actor has stopped for good; later messages go to dead letters.</summary>
    public bool IsClosed => _closed;

    /// <summary>Queues a user message. Any thread.</summary>
    public void Post(Envelope envelope)
    {
        if (_capacity > 0 && Interlocked.Increment(ref _userCount) > _capacity)
        {
            // Full: never block the sender (it may be a thread-pool thread running another actor).
            Interlocked.Decrement(ref _userCount);
            _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self);
            return;
        }

        _userQueue.Enqueue(envelope);
        Schedule();
    }

    /// <summary>Queues a system message. Any thread.</summary>
    public void PostSystem(SystemMessage message)
    {
        _systemQueue.Enqueue(message);
        Schedule();
    }

    /// <summary>Starts the cell: the Create message is its first system message.</summary>
    public void Start() => PostSystem(Create.Instance);

    private void Schedule()
    {
        if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private bool CanProcessUserMessages =>
        _suspendCount == 0 && !_terminating && _actor is not null && (_extras is null || _extras.HeldTask is null);

    private bool HasUserMessages => !_userQueue.IsEmpty || _extras?.Prepended is { Count: > 0 };

    void IThreadPoolWorkItem.Execute()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            Run();
        }
        finally
        {
            t_current = previous;
            Interlocked.Exchange(ref _status, Idle);

            // A producer that enqueued while we were finishing saw us Busy and did not schedule:
            // look once more, after the fence above, so no message is stranded.
            if (HasPendingWork())
            {
                Schedule();
            }
        }
    }

    private bool HasPendingWork() =>
        !_systemQueue.IsEmpty || (HasUserMessages && (_closed || CanProcessUserMessages));

    private void Run()
    {
        ProcessSystemMessages();
        if (_closed)
        {
            DrainToDeadLetters();
            return;
        }

        for (var left = _throughput; left > 0 && CanProcessUserMessages; left--)
        {
            if (!TryDequeueUser(out var envelope))
            {
                break;
            }

            Invoke(envelope);

            if (!_systemQueue.IsEmpty)
            {
                ProcessSystemMessages();
            }
        }

        if (_closed)
        {
            DrainToDeadLetters();
        }
    }

    private bool TryDequeueUser(out Envelope envelope)
    {
        if (_extras?.Prepended is { Count: > 0 } prepended)
        {
            envelope = prepended.First!.Value;
            prepended.RemoveFirst();
            return true;
        }

        if (_userQueue.TryDequeue(out envelope))
        {
            if (_capacity > 0)
            {
                Interlocked.Decrement(ref _userCount);
            }

            return true;
        }

        return false;
    }

    private void ProcessSystemMessages()
    {
        while (_systemQueue.TryDequeue(out var message))
        {
            if (_closed)
            {
                HandleDeadSystemMessage(message);
                continue;
            }

            try
            {
                HandleSystemMessage(message);
            }
            catch (Exception e)
            {
                // A kernel bug or a throwing hook: never let it kill the thread-pool thread.
                LogHookFailure(e, message.GetType().Name);
            }
        }
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                CreateActor();
                break;
            case Recreate r:
                FaultRecreate(r.Cause);
                break;
            case Suspend:
                SuspendSelfAndChildren(exceptChild: null);
                break;
            case Resume r:
                FaultResume(r.CausedByFailure);
                break;
            case Terminate:
                HandleTerminate();
                break;
            case Watch w:
                AddWatcher(w);
                break;
            case Unwatch u:
                RemoveWatcher(u);
                break;
            case DeathWatchNotification d:
                HandleDeathWatchNotification(d);
                break;
            case Failed f:
                HandleChildFailed(f);
                break;
            case RunContinuation c:
                RunContinuationInActor(c);
                break;
            case AsyncTaskCompleted a:
                HandleAsyncCompleted(a.Task);
                break;
            case ReceiveTimeoutTick t:
                HandleReceiveTimeoutTick(t.Generation);
                break;
            default:
                throw new InvalidOperationException($"unknown system message {message.GetType().Name}");
        }
    }

    /// <summary>A system message for an actor that has already stopped.</summary>
    private void HandleDeadSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Watch w when ReferenceEquals(w.Watchee, _self):
                // Watching the dead: answer at once, so a Watch never waits forever.
                w.Watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: false));
                break;
            case Failed f:
                // A child failed after we stopped: it is being stopped with us anyway.
                ((IInternalActorRef)f.Child).SendSystemMessage(Terminate.Instance);
                break;
            default:
                break;
        }
    }

    private void DrainToDeadLetters()
    {
        while (TryDequeueUser(out var envelope))
        {
            _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self);
        }
    }

    /// <summary>Puts messages at the head of the mailbox, keeping their order (Unstash). Owner thread only.</summary>
    internal void PrependToMailbox(IReadOnlyList<Envelope> envelopes)
    {
        var prepended = Extras.Prepended ??= new LinkedList<Envelope>();
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            prepended.AddFirst(envelopes[i]);
        }
    }
}
