using ActorEcho.TestKit.Internal;

namespace ActorEcho.TestKit;

// Receiving several messages, or none: ExpectNoMsg, ReceiveOne, ReceiveN, ReceiveWhile,
// FishForMessage, ExpectMsgAllOf and ExpectMsgAnyOf.
public abstract partial class TestKitBase
{
    /// <summary>Asserts that no message arrives for the dilated <see cref="TestKitSettings.ExpectNoMessageDefault"/>.</summary>
    public void ExpectNoMsg() => RunSync(ExpectNoMsgCore(Dilated(TestKitSettings.ExpectNoMessageDefault), null, true, default));

    /// <summary>Asserts that no message arrives for <paramref name="duration"/> (dilated).</summary>
    public void ExpectNoMsg(TimeSpan duration, string? hint = null) => RunSync(ExpectNoMsgCore(RemainingOrDilated(duration), hint, true, default));

    /// <summary>Asserts that no message arrives for <paramref name="milliseconds"/> ms (dilated).</summary>
    public void ExpectNoMsg(int milliseconds) => ExpectNoMsg(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Asynchronous <see cref="ExpectNoMsg()"/>.</summary>
    public Task ExpectNoMsgAsync(CancellationToken cancellationToken = default) =>
        ExpectNoMsgCore(Dilated(TestKitSettings.ExpectNoMessageDefault), null, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ExpectNoMsg(TimeSpan, string?)"/>.</summary>
    public Task ExpectNoMsgAsync(TimeSpan duration, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectNoMsgCore(RemainingOrDilated(duration), hint, false, cancellationToken).AsTask();

    /// <summary>Receives one message of any type within <paramref name="max"/> (dilated), or fails.</summary>
    public object ReceiveOne(TimeSpan? max = null, string? hint = null) =>
        RunSync(ExpectCore<object>(null, null, "a message", RemainingOrDilated(max), hint, true, default));

    /// <summary>Asynchronous <see cref="ReceiveOne"/>.</summary>
    public Task<object> ReceiveOneAsync(TimeSpan? max = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCore<object>(null, null, "a message", RemainingOrDilated(max), hint, false, cancellationToken).AsTask();

    /// <summary>Receives one message if one arrives within <paramref name="max"/> (dilated); false otherwise. Never fails.</summary>
    public bool TryReceiveOne(out object? message, TimeSpan? max = null)
    {
        var envelope = RunSync(ReceiveEnvelope(RemainingOrDilated(max), true, default));
        message = envelope?.Message;
        return envelope is not null;
    }

    /// <summary>Receives exactly <paramref name="numberOfMessages"/> messages within <paramref name="max"/> (dilated) in all, or fails saying how many came.</summary>
    public IReadOnlyList<object> ReceiveN(int numberOfMessages, TimeSpan? max = null, string? hint = null) =>
        RunSync(ReceiveNCore(numberOfMessages, RemainingOrDilated(max), hint, true, default));

    /// <summary>Asynchronous <see cref="ReceiveN"/>.</summary>
    public Task<IReadOnlyList<object>> ReceiveNAsync(int numberOfMessages, TimeSpan? max = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ReceiveNCore(numberOfMessages, RemainingOrDilated(max), hint, false, cancellationToken).AsTask();

    /// <summary>
    /// Receives messages while <paramref name="filter"/> returns non-null for them, collecting its
    /// results; stops at the first message it returns null for (which stays queued), after
    /// <paramref name="msgs"/> messages, when <paramref name="max"/> (dilated; default
    /// <see cref="RemainingOrDefault"/>) is over, or when no message comes for <paramref name="idle"/>
    /// (dilated; default unbounded). Never fails.
    /// </summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue)
        where T : class =>
        RunSync(ReceiveWhileCore(filter, max, idle, msgs, true, default));

    /// <summary>Same as <see cref="ReceiveWhile{T}(Func{object, T}, TimeSpan?, TimeSpan?, int)"/> with the durations first, as in Akka.</summary>
    public IReadOnlyList<T> ReceiveWhile<T>(TimeSpan? max, TimeSpan? idle, Func<object, T?> filter, int msgs = int.MaxValue)
        where T : class =>
        RunSync(ReceiveWhileCore(filter, max, idle, msgs, true, default));

    /// <summary>Receives messages while they are <typeparamref name="T"/> and <paramref name="shouldContinue"/> holds; otherwise as the filter form.</summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(shouldContinue);
        return RunSync(ReceiveWhileCore(m => m is T t && shouldContinue(t) ? t : null, max, idle, msgs, true, default));
    }

    /// <summary>Asynchronous <see cref="ReceiveWhile{T}(Func{object, T}, TimeSpan?, TimeSpan?, int)"/>.</summary>
    public Task<IReadOnlyList<T>> ReceiveWhileAsync<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue, CancellationToken cancellationToken = default)
        where T : class =>
        ReceiveWhileCore(filter, max, idle, msgs, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="ReceiveWhile{T}(Predicate{T}, TimeSpan?, TimeSpan?, int)"/>.</summary>
    public Task<IReadOnlyList<T>> ReceiveWhileAsync<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(shouldContinue);
        return ReceiveWhileCore(m => m is T t && shouldContinue(t) ? t : null, max, idle, msgs, false, cancellationToken).AsTask();
    }

    /// <summary>
    /// Receives messages until one satisfies <paramref name="isMessage"/> and returns it, dropping
    /// the others; fails when <paramref name="max"/> (dilated) passes first.
    /// </summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? max = null, string? hint = null) =>
        RunSync(FishCore<object>(isMessage, RemainingOrDilated(max), hint, skipOtherTypes: false, true, default));

    /// <summary>
    /// Receives <typeparamref name="T"/> messages until one satisfies <paramref name="isMessage"/>;
    /// a message of another type is a failure (use <see cref="FishUntilMessage{T}"/> to skip those).
    /// </summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null) =>
        RunSync(FishCore(isMessage, RemainingOrDilated(max), hint, skipOtherTypes: false, true, default));

    /// <summary>Receives messages of any type until a <typeparamref name="T"/> satisfies <paramref name="isMessage"/> (default: any <typeparamref name="T"/>).</summary>
    public T FishUntilMessage<T>(Predicate<T>? isMessage = null, TimeSpan? max = null, string? hint = null) =>
        RunSync(FishCore(isMessage ?? (_ => true), RemainingOrDilated(max), hint, skipOtherTypes: true, true, default));

    /// <summary>Asynchronous <see cref="FishForMessage(Predicate{object}, TimeSpan?, string?)"/>.</summary>
    public Task<object> FishForMessageAsync(Predicate<object> isMessage, TimeSpan? max = null, string? hint = null, CancellationToken cancellationToken = default) =>
        FishCore(isMessage, RemainingOrDilated(max), hint, skipOtherTypes: false, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="FishForMessage{T}(Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null, CancellationToken cancellationToken = default) =>
        FishCore(isMessage, RemainingOrDilated(max), hint, skipOtherTypes: false, false, cancellationToken).AsTask();

    /// <summary>Asynchronous <see cref="FishUntilMessage{T}"/>.</summary>
    public Task<T> FishUntilMessageAsync<T>(Predicate<T>? isMessage = null, TimeSpan? max = null, string? hint = null, CancellationToken cancellationToken = default) =>
        FishCore(isMessage ?? (_ => true), RemainingOrDilated(max), hint, skipOtherTypes: true, false, cancellationToken).AsTask();

    /// <summary>
    /// Receives as many messages as <paramref name="messages"/> holds, within <see cref="RemainingOrDefault"/>,
    /// and asserts they are those messages in any order.
    /// </summary>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(params T[] messages) =>
        RunSync(ExpectAllOfCore(messages, RemainingOrDefault, true, default));

    /// <summary>Same as <see cref="ExpectMsgAllOf{T}(T[])"/> within <paramref name="max"/> (dilated).</summary>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(TimeSpan max, params T[] messages) =>
        RunSync(ExpectAllOfCore(messages, RemainingOrDilated(max), true, default));

    /// <summary>Asynchronous <see cref="ExpectMsgAllOf{T}(T[])"/>.</summary>
    public Task<IReadOnlyList<T>> ExpectMsgAllOfAsync<T>(IReadOnlyCollection<T> messages, TimeSpan? max = null, CancellationToken cancellationToken = default) =>
        ExpectAllOfCore(messages, RemainingOrDilated(max), false, cancellationToken).AsTask();

    /// <summary>Receives one message and asserts it equals one of <paramref name="messages"/>.</summary>
    public T ExpectMsgAnyOf<T>(params T[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return RunSync(ExpectCore<T>(null, (m, _) => messages.Contains(m) ? null : "it is none of them", "any of " + DescribeAll(messages.Cast<object?>()), RemainingOrDefault, null, true, default));
    }

    /// <summary>Asynchronous <see cref="ExpectMsgAnyOf{T}(T[])"/>.</summary>
    public Task<T> ExpectMsgAnyOfAsync<T>(IReadOnlyCollection<T> messages, TimeSpan? max = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return ExpectCore<T>(null, (m, _) => messages.Contains(m) ? null : "it is none of them", "any of " + DescribeAll(messages.Cast<object?>()), RemainingOrDilated(max), null, false, cancellationToken).AsTask();
    }

    private async ValueTask ExpectNoMsgCore(TimeSpan duration, string? hint, bool sync, CancellationToken cancellationToken)
    {
        var start = Now;
        var envelope = await ReceiveEnvelope(duration, sync, cancellationToken).ConfigureAwait(false);
        _lastWasNoMsg = true;
        if (envelope is not null)
        {
            throw Fail($"Expected no message for {Format(duration)}, but received {Describe(envelope)} after {Format(Now - start)}", hint);
        }
    }

    private async ValueTask<IReadOnlyList<object>> ReceiveNCore(int count, TimeSpan max, string? hint, bool sync, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var stop = Deadline.After(max);
        var received = new List<object>(count);
        while (received.Count < count)
        {
            var envelope = await ReceiveEnvelope(Deadline.Left(stop), sync, cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                throw Fail($"Timeout ({Format(max)}) while expecting {count} messages: received {received.Count} {DescribeAll(received)}", hint);
            }

            received.Add(envelope.Message);
        }

        return received;
    }

    private async ValueTask<IReadOnlyList<T>> ReceiveWhileCore<T>(Func<object, T?> filter, TimeSpan? max, TimeSpan? idle, int msgs, bool sync, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(msgs);
        var stop = Deadline.After(RemainingOrDilated(max));
        var idleLimit = idle is { } i ? RemainingOrDilated(i) : TimeSpan.MaxValue;
        var results = new List<T>();
        while (results.Count < msgs)
        {
            var wait = Min(Deadline.Left(stop), idleLimit);
            var envelope = await _queue.TakeAsync(wait, sync, cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                break;
            }

            if (filter(envelope.Message) is not { } result)
            {
                // The message that ended the run belongs to whatever the test examines next.
                _queue.PushFront(envelope);
                break;
            }

            _lastEnvelope = envelope;
            results.Add(result);
        }

        _lastWasNoMsg = false;
        return results;
    }

    private async ValueTask<T> FishCore<T>(Predicate<T> isMessage, TimeSpan max, string? hint, bool skipOtherTypes, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var stop = Deadline.After(max);
        var skipped = new List<object>();
        while (true)
        {
            var envelope = await ReceiveEnvelope(Deadline.Left(stop), sync, cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                var what = skipped.Count == 0 ? "no message arrived" : $"skipped {skipped.Count} that did not match {DescribeAll(skipped)}";
                throw Fail($"Timeout ({Format(max)}) while fishing for a message of type {TypeName<T>()}: {what}", hint);
            }

            if (envelope.Message is T typed)
            {
                if (isMessage(typed))
                {
                    return typed;
                }
            }
            else if (!skipOtherTypes)
            {
                throw Fail($"While fishing for a message of type {TypeName<T>()}, received {Describe(envelope)}", hint);
            }

            skipped.Add(envelope.Message);
        }
    }

    private async ValueTask<IReadOnlyList<T>> ExpectAllOfCore<T>(IReadOnlyCollection<T> expected, TimeSpan max, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var stop = Deadline.After(max);
        var missing = expected.ToList();
        var unexpected = new List<object?>();
        var received = new List<T>(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var envelope = await ReceiveEnvelope(Deadline.Left(stop), sync, cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                throw Fail($"Timeout ({Format(max)}) while expecting all of {DescribeAll(expected.Cast<object?>())}: received {received.Count + unexpected.Count}, still missing {DescribeAll(missing.Cast<object?>())}" + (unexpected.Count > 0 ? $", unexpected {DescribeAll(unexpected)}" : string.Empty), null);
            }

            var index = envelope.Message is T typed ? missing.FindIndex(m => Equals(m, typed)) : -1;
            if (index < 0)
            {
                unexpected.Add(envelope.Message);
                continue;
            }

            received.Add((T)envelope.Message);
            missing.RemoveAt(index);
        }

        if (unexpected.Count > 0)
        {
            throw Fail($"Expected all of {DescribeAll(expected.Cast<object?>())} in any order; missing {DescribeAll(missing.Cast<object?>())}, unexpected {DescribeAll(unexpected)}", null);
        }

        return received;
    }
}
