namespace ActorEcho.Actors.Cell;

// The mailbox: two lock-free queues and the run loop. A cell is scheduled on the thread pool as
// one work item at a time; it processes all system messages first, then up to `throughput` user
// messages (system messages that arrive meanwhile jump the queue), then yields the thread.
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    // Not readonly: a mutable struct must be used in place, never copied. It also holds the
    // scheduling status, the capacity and the current envelope (see UserMailbox on why).
    private UserMailbox _mailbox;

    // System messages are rare, so they need no queue object: an intrusive lock-free stack of
    // incoming messages, reversed into a FIFO batch by the consumer.
    private SystemMessage? _systemInbox;
    private SystemMessage? _systemBatch;
    private readonly int _throughput;
    private int _userCount;
    private volatile bool _closed;

    /// <summary>True once the actor has stopped for good; later messages go to dead letters.</summary>
    public bool IsClosed => _closed;

    /// <summary>Queues a user message. Any thread.</summary>
    public void Post(Envelope envelope)
    {
        if (_mailbox.Capacity > 0 && Interlocked.Increment(ref _userCount) > _mailbox.Capacity)
        {
            // Full: never block the sender (it may be a thread-pool thread running another actor).
            Interlocked.Decrement(ref _userCount);
            _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self);
            return;
        }

        _mailbox.Enqueue(envelope);
        Schedule();
    }

    /// <summary>Queues a system message. Any thread.</summary>
    public void PostSystem(SystemMessage message)
    {
        SystemMessage? head;
        do
        {
            head = Volatile.Read(ref _systemInbox);
            message.Next = head;
        }
        while (Interlocked.CompareExchange(ref _systemInbox, message, head) != head);

        Schedule();
    }

    /// <summary>Starts the cell: the Create message is its first system message.</summary>
    public void Start() => PostSystem(new Create());

    private void Schedule()
    {
        // No fence needed before reading the status: every caller has just made its work visible
        // with an interlocked operation (the claim on a mailbox tail, the push onto the system
        // inbox, the exchange that ended a turn), and a read cannot move ahead of one. The end of a
        // turn checks for claimed, not just published, user messages, so a producer between claim
        // and publish is never missed (see UserMailbox.IsEmpty). Reading before the
        // compare-and-swap matters under fan-in: the mailbox is usually already scheduled, and a
        // failed CAS would still take the cache line exclusively away from the running consumer.
        // Told from inside another actor's turn, the cell goes to this worker's own queue, as a
        // Task continuation would: it runs next on this thread, with the message still in cache,
        // unless an idle worker steals it first (4 ping-pong pairs on 2 cores: 3.3M -> 7.5M
        // messages/s). Told from outside (a socket callback, a timer, a test), it goes to the
        // global queue, which every worker serves in turn.
        if (Volatile.Read(ref _mailbox.Status) == UserMailbox.Idle
            && Interlocked.CompareExchange(ref _mailbox.Status, UserMailbox.Scheduled, UserMailbox.Idle) == UserMailbox.Idle)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: t_current is not null);
        }
    }

    private bool CanProcessUserMessages =>
        _suspendCount == 0 && !_terminating && _actor is not null && (_extras is null || _extras.HeldTask is null);

    private bool HasUserMessages => !_mailbox.IsEmpty || _extras?.Prepended is { Count: > 0 };

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
            if (HasPendingWork())
            {
                // More to do: queue this turn's successor while still Scheduled. Not touching the
                // status matters under load: it shares a cache line with what every Tell reads,
                // and two writes to it per turn made each producer miss that line once per turn.
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
            else
            {
                Interlocked.Exchange(ref _mailbox.Status, UserMailbox.Idle);

                // A producer that enqueued while we were finishing saw us Scheduled and did not
                // schedule: look once more, after the exchange, so no message is stranded.
                if (HasPendingWork())
                {
                    Schedule();
                }
            }
        }
    }

    private bool HasPendingWork() =>
        HasSystemMessages || (HasUserMessages && (_closed || CanProcessUserMessages));

    private void Run()
    {
        var drained = ProcessSystemMessages();
        if (_closed)
        {
            DrainToDeadLetters();
            return;
        }

        if (!drained)
        {
            // System messages keep coming (an async handler's continuations, say): yield the
            // thread and come back, rather than starve every other actor, and never process a
            // user message ahead of a pending system message.
            return;
        }

        for (var left = _throughput; left > 0 && CanProcessUserMessages; left--)
        {
            if (!TryDequeueUser(out var envelope))
            {
                break;
            }

            Invoke(envelope);

            if (HasSystemMessages && !ProcessSystemMessages())
            {
                break;
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

        if (_mailbox.TryDequeue(out envelope))
        {
            if (_mailbox.Capacity > 0)
            {
                Interlocked.Decrement(ref _userCount);
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// Processes at most <c>throughput</c> system messages; returns whether none are left. The
    /// bound is what keeps one actor from holding a thread forever: each continuation of a
    /// ReceiveAsync handler arrives as a system message, and a handler that loops on
    /// <c>await Task.Yield()</c> would otherwise never let this turn end.
    /// </summary>
    private bool ProcessSystemMessages()
    {
        for (var left = _throughput; left > 0 && TryDequeueSystem(out var message); left--)
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

        return !HasSystemMessages;
    }

    private bool HasSystemMessages => _systemBatch is not null || Volatile.Read(ref _systemInbox) is not null;

    private bool TryDequeueSystem(out SystemMessage message)
    {
        if (_systemBatch is null)
        {
            var taken = Interlocked.Exchange(ref _systemInbox, null);
            if (taken is null)
            {
                message = null!;
                return false;
            }

            // The inbox is newest-first; reverse it so each sender's messages keep their order.
            SystemMessage? reversed = null;
            while (taken is not null)
            {
                var next = taken.Next;
                taken.Next = reversed;
                reversed = taken;
                taken = next;
            }

            _systemBatch = reversed;
        }

        message = _systemBatch!;
        _systemBatch = message.Next;
        message.Next = null;
        return true;
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
                ((IInternalActorRef)f.Child).SendSystemMessage(new Terminate());
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
