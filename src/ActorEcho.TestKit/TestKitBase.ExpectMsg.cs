using ActorEcho.TestKit.Internal;

namespace ActorEcho.TestKit;

// ExpectMsg, ExpectMsgFrom and ExpectTerminated: receive exactly one message and check it.
// Each takes an optional timeout (dilated once; default RemainingOrDefault) and a hint that is
// added to the failure message.
public abstract partial class TestKitBase
{
    /// <summary>Receives one message and asserts it is a <typeparamref name="T"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? duration = null, string? hint = null) =>
        RunSync(ExpectCore<T>(null, null, $"a message of type {TypeName<T>()}", RemainingOrDilated(duration), hint, true, default));

    /// <summary>Receives one message and asserts it equals <paramref name="message"/>.</summary>
    public T ExpectMsg<T>(T message, TimeSpan? timeout = null, string? hint = null) =>
        RunSync(ExpectCore(null, EqualTo(message), Describe(message), RemainingOrDilated(timeout), hint, true, default));

    /// <summary>Receives one message and asserts it is a <typeparamref name="T"/> for which <paramref name="isMessage"/> holds.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null) =>
        RunSync(ExpectCore(null, Matching(isMessage), $"a message of type {TypeName<T>()} matching the predicate", RemainingOrDilated(timeout), hint, true, default));

    /// <summary>Receives one message of type <typeparamref name="T"/> and runs <paramref name="assert"/> on it.</summary>
    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null) =>
        RunSync(ExpectCore(null, Asserting(assert), $"a message of type {TypeName<T>()} passing the assertion", RemainingOrDilated(timeout), hint, true, default));

    /// <summary>Receives one message and asserts it is a <typeparamref name="T"/> for which <paramref name="isMessageAndSender"/> holds.</summary>
    public T ExpectMsg<T>(Func<T, IActorRef, bool> isMessageAndSender, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessageAndSender);
        return RunSync(ExpectCore<T>(null, (m, s) => isMessageAndSender(m, s) ? null : "the predicate on message and sender did not hold", $"a message of type {TypeName<T>()} matching the predicate", RemainingOrDilated(timeout), hint, true, default));
    }

    /// <summary>Receives one message and asserts it came from <paramref name="sender"/> and is a <typeparamref name="T"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null) =>
        RunSync(ExpectCore<T>(NotNull(sender), null, $"a message of type {TypeName<T>()}", RemainingOrDilated(duration), hint, true, default));

    /// <summary>Receives one message and asserts it came from <paramref name="sender"/> and equals <paramref name="message"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, T message, TimeSpan? timeout = null, string? hint = null) =>
        RunSync(ExpectCore(NotNull(sender), EqualTo(message), Describe(message), RemainingOrDilated(timeout), hint, true, default));

    /// <summary>Receives one message and asserts it came from <paramref name="sender"/> and matches <paramref name="isMessage"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null) =>
        RunSync(ExpectCore(NotNull(sender), Matching(isMessage), $"a message of type {TypeName<T>()} matching the predicate", RemainingOrDilated(timeout), hint, true, default));

    /// <summary>Receives one message, asserts it came from <paramref name="sender"/> and runs <paramref name="assert"/> on it.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, Action<T> assert, TimeSpan? timeout = null, string? hint = null) =>
        RunSync(ExpectCore(NotNull(sender), Asserting(assert), $"a message of type {TypeName<T>()} passing the assertion", RemainingOrDilated(timeout), hint, true, default));

    /// <summary>
    /// Receives one message and asserts it is <see cref="Terminated"/> for <paramref name="target"/>.
    /// The test actor must be watching it (see <see cref="Watch"/>).
    /// </summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null, string? hint = null) =>
        RunSync(ExpectTerminatedCore(target, timeout, hint, true, default));

    /// <summary>Asynchronous <see cref="ExpectMsg{T}(TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCore<T>(null, null, $"a message of type {TypeName<T>()}", RemainingOrDilated(duration), hint, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ExpectMsg{T}(T, TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(T message, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCore(null, EqualTo(message), Describe(message), RemainingOrDilated(timeout), hint, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ExpectMsg{T}(Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCore(null, Matching(isMessage), $"a message of type {TypeName<T>()} matching the predicate", RemainingOrDilated(timeout), hint, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ExpectMsg{T}(Action{T}, TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCore(null, Asserting(assert), $"a message of type {TypeName<T>()} passing the assertion", RemainingOrDilated(timeout), hint, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ExpectMsgFrom{T}(IActorRef, TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCore<T>(NotNull(sender), null, $"a message of type {TypeName<T>()}", RemainingOrDilated(duration), hint, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ExpectMsgFrom{T}(IActorRef, T, TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgFromAsync<T>(IActorRef sender, T message, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCore(NotNull(sender), EqualTo(message), Describe(message), RemainingOrDilated(timeout), hint, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ExpectMsgFrom{T}(IActorRef, Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgFromAsync<T>(IActorRef sender, Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCore(NotNull(sender), Matching(isMessage), $"a message of type {TypeName<T>()} matching the predicate", RemainingOrDilated(timeout), hint, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ExpectMsgFrom{T}(IActorRef, Action{T}, TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgFromAsync<T>(IActorRef sender, Action<T> assert, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCore(NotNull(sender), Asserting(assert), $"a message of type {TypeName<T>()} passing the assertion", RemainingOrDilated(timeout), hint, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ExpectMsg{T}(Func{T, IActorRef, bool}, TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(Func<T, IActorRef, bool> isMessageAndSender, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessageAndSender);
        return ExpectCore<T>(null, (m, s) => isMessageAndSender(m, s) ? null : "the predicate on message and sender did not hold", $"a message of type {TypeName<T>()} matching the predicate", RemainingOrDilated(timeout), hint, false, cancellationToken).AsTask();
    }

    /// <summary>Asynchronous <see cref="ExpectTerminated"/>.</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectTerminatedCore(target, timeout, hint, false, cancellationToken).AsTask();

    private ValueTask<Terminated> ExpectTerminatedCore(IActorRef target, TimeSpan? timeout, string? hint, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ExpectCore<Terminated>(
            null,
            (t, _) => Equals(t.ActorRef, target) ? null : $"it is for {t.ActorRef}, not {target}",
            $"Terminated of {target} (is the test actor watching it?)",
            RemainingOrDilated(timeout),
            hint,
            sync,
            cancellationToken);
    }

    /// <summary>
    /// The one receive-and-check behind every ExpectMsg form. <paramref name="check"/> returns null
    /// when the message is acceptable, or why it is not.
    /// </summary>
    private async ValueTask<T> ExpectCore<T>(IActorRef? from, Func<T, IActorRef, string?>? check, string expected, TimeSpan max, string? hint, bool sync, CancellationToken cancellationToken)
    {
        var envelope = await ReceiveEnvelope(max, sync, cancellationToken).ConfigureAwait(false)
            ?? throw Fail($"Timeout ({Format(max)}) while waiting for {expected}: no message arrived{LostRepliesNote()}", hint);
        if (envelope.Message is not T typed)
        {
            throw Fail($"Expected {expected}, but received {Describe(envelope)}", hint);
        }

        if (from is not null && !Equals(envelope.Sender, from))
        {
            throw Fail($"Expected {expected} from {from}, but received {Describe(envelope)}", hint);
        }

        string? problem;
        try
        {
            problem = check?.Invoke(typed, envelope.Sender);
        }
        catch (Exception e)
        {
            throw Fail($"Expected {expected}; received {Describe(envelope)}, which failed: {e.Message}", hint, e);
        }

        if (problem is not null)
        {
            throw Fail($"Expected {expected}, but received {Describe(envelope)}: {problem}", hint);
        }

        return typed;
    }

    private async ValueTask<MessageEnvelope?> ReceiveEnvelope(TimeSpan max, bool sync, CancellationToken cancellationToken)
    {
        var envelope = await _queue.TakeAsync(max, sync, cancellationToken).ConfigureAwait(false);
        _lastWasNoMsg = false;
        if (envelope is not null)
        {
            _lastEnvelope = envelope;
        }

        return envelope;
    }

    private static Func<T, IActorRef, string?> EqualTo<T>(T expected) =>
        (actual, _) => Equals(actual, expected) ? null : "not equal";

    private static Func<T, IActorRef, string?> Matching<T>(Predicate<T> isMessage)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return (actual, _) => isMessage(actual) ? null : "the predicate did not hold";
    }

    private static Func<T, IActorRef, string?> Asserting<T>(Action<T> assert)
    {
        ArgumentNullException.ThrowIfNull(assert);
        return (actual, _) =>
        {
            assert(actual);
            return null;
        };
    }

    private static IActorRef NotNull(IActorRef sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return sender;
    }
}
