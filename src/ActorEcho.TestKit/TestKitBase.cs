using System.Diagnostics;
using System.Globalization;
using ActorEcho.TestKit.Internal;
using ActorEcho.TestKit.Logging;

namespace ActorEcho.TestKit;

/// <summary>
/// The test-framework-neutral core of the TestKit: a test actor whose messages the
/// <c>Expect…</c>, <c>Receive…</c> and <c>FishForMessage</c> methods examine, <c>Within</c>
/// blocks that bound them in time, and the time factor. Not thread-safe: one test flow drives
/// one instance (a <see cref="TestProbe"/> is another instance with its own queue).
/// </summary>
/// <remarks>
/// Every timeout argument and every default is multiplied by <see cref="TestKitSettings.TimeFactor"/>
/// exactly once, in <see cref="Dilated"/>; values already derived from a dilated value
/// (<see cref="Remaining"/>, <see cref="RemainingOrDefault"/>) are never dilated again.
/// </remarks>
public abstract partial class TestKitBase
{
    private static long s_probeCounter;
    private readonly MessageQueue _queue = new();
    private readonly TestLogSink _sink;
    private Func<object, bool>? _ignore;
    private TimeSpan? _end;
    private bool _lastWasNoMsg;
    private MessageEnvelope? _lastEnvelope;

    private protected TestKitBase(ActorSystem system, TestKitSettings settings, TestLogSink sink, string testActorName)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        Sys = system;
        TestKitSettings = settings;
        _sink = sink;
        EventFilter = new EventFilterFactory(this, sink);
        TestActor = system.SystemActorOf(Props.Create(() => new TestActor(_queue, IsIgnored)), testActorName);
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The timeouts and time factor in force.</summary>
    public TestKitSettings TestKitSettings { get; }

    /// <summary>
    /// The actor whose received messages the expectations examine. It is the implicit sender of
    /// <c>actor.Tell(msg)</c> in test code (see <see cref="ImplicitSender"/>); pass it explicitly
    /// from other async flows.
    /// </summary>
    public IActorRef TestActor { get; }

    /// <summary>Expect or mute log events and dead letters: <c>EventFilter.Exception&lt;T&gt;().ExpectOne(() => …)</c>.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>The sender of the last message received (dead letters when it had none, or before any message).</summary>
    public IActorRef LastSender => _lastEnvelope?.Sender ?? Sys.DeadLetters;

    /// <summary>The last message received, or null before any.</summary>
    public object? LastMessage => _lastEnvelope?.Message;

    /// <summary>True when messages are queued and not yet examined.</summary>
    public bool HasMessages => _queue.Count > 0;

    /// <summary>A monotonic clock (real time, not the system's scheduler) used by every deadline here.</summary>
    public static TimeSpan Now => Stopwatch.GetElapsedTime(0);

    /// <summary>
    /// Time left in the innermost <c>Within</c> block (never negative). Outside a <c>Within</c> block
    /// there is no such time, and asking is an error.
    /// </summary>
    public TimeSpan Remaining => _end is { } end
        ? Max(end - Now, TimeSpan.Zero)
        : throw new InvalidOperationException("Remaining is only defined inside a Within block; use RemainingOrDefault");

    /// <summary>Time left in the innermost <c>Within</c> block, or the dilated <see cref="TestKitSettings.SingleExpectDefault"/> outside one.</summary>
    public TimeSpan RemainingOrDefault => _end is not null ? Remaining : Dilated(TestKitSettings.SingleExpectDefault);

    /// <summary>
    /// <paramref name="duration"/> multiplied by the time factor. Infinite stays infinite; negative is an error.
    /// This is the one place the factor is applied.
    /// </summary>
    public TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilate(duration);

    /// <summary>
    /// The bound for an expectation: <see cref="RemainingOrDefault"/> when <paramref name="duration"/>
    /// is null, else the dilated <paramref name="duration"/> (which must be finite).
    /// </summary>
    public TimeSpan RemainingOrDilated(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return RemainingOrDefault;
        }

        if (d == Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("an expectation needs a finite duration", nameof(duration));
        }

        return Dilated(d);
    }

    /// <summary>
    /// Creates a probe: an extra test actor with its own queue and the same expectation API,
    /// sharing this kit's system, settings and event filters.
    /// </summary>
    public TestProbe CreateTestProbe(string? name = null)
    {
        var actorName = name ?? "testProbe-" + Interlocked.Increment(ref s_probeCounter).ToString(CultureInfo.InvariantCulture);
        return new TestProbe(Sys, TestKitSettings, _sink, actorName);
    }

    /// <summary>
    /// Makes the test actor watch <paramref name="actor"/>: a <see cref="Terminated"/> message is
    /// queued when it stops (see <c>ExpectTerminated</c>). Returns once the watch is in place.
    /// </summary>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        SendCommand(TestActorCommandKind.Watch, actor, sync: true).GetAwaiter().GetResult();
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>; returns once the test actor has done so.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        SendCommand(TestActorCommandKind.Unwatch, actor, sync: true).GetAwaiter().GetResult();
        return actor;
    }

    /// <summary>Asynchronous <see cref="Watch"/>.</summary>
    public async Task<IActorRef> WatchAsync(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await SendCommand(TestActorCommandKind.Watch, actor, sync: false).ConfigureAwait(false);
        return actor;
    }

    /// <summary>Asynchronous <see cref="Unwatch"/>.</summary>
    public async Task<IActorRef> UnwatchAsync(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await SendCommand(TestActorCommandKind.Unwatch, actor, sync: false).ConfigureAwait(false);
        return actor;
    }

    /// <summary>Drops, from now on, every message for which <paramref name="shouldIgnore"/> returns true before it reaches the queue.</summary>
    public void IgnoreMessages(Func<object, bool> shouldIgnore)
    {
        ArgumentNullException.ThrowIfNull(shouldIgnore);
        Volatile.Write(ref _ignore, shouldIgnore);
    }

    /// <summary>Drops, from now on, every message of type <typeparamref name="T"/>.</summary>
    public void IgnoreMessages<T>() => IgnoreMessages(m => m is T);

    /// <summary>Stops ignoring messages.</summary>
    public void IgnoreNoMessages() => Volatile.Write(ref _ignore, null);

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> with the test actor as sender.</summary>
    public void Send(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Tell(message, TestActor);
    }

    /// <summary>Replies to <see cref="LastSender"/> with the test actor as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, TestActor);

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> keeping <see cref="LastSender"/> as its sender.</summary>
    public void Forward(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Tell(message, LastSender);
    }

    /// <summary>Forwards <see cref="LastMessage"/> to <paramref name="actor"/> keeping <see cref="LastSender"/> as its sender.</summary>
    public void Forward(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var last = _lastEnvelope ?? throw new InvalidOperationException("Forward(actor) needs a received message to forward; none has been received yet");
        actor.Tell(last.Message, last.Sender);
    }

    private protected TestLogSink Sink => _sink;

    private bool IsIgnored(object message) => Volatile.Read(ref _ignore)?.Invoke(message) == true;

    private async Task SendCommand(TestActorCommandKind kind, IActorRef target, bool sync)
    {
        var command = new TestActorCommand(kind, target);
        TestActor.Tell(command, null);
        var limit = Dilated(TestKitSettings.DefaultTimeout);
        if (sync)
        {
            command.Done.Task.Wait(Deadline.Slice(limit));
        }
        else
        {
            await command.Done.Task.WaitAsync(Deadline.Slice(limit)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (!command.Done.Task.IsCompleted)
        {
            throw new TestKitAssertionException($"The test actor did not confirm {kind} of {target} within {Format(limit)}");
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
