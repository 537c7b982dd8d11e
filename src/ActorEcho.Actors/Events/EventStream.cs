using System.Collections.Concurrent;

namespace ActorEcho.Actors.Events;

/// <summary>
/// The system-wide publish/subscribe bus. Subscribing to a type delivers every published event
/// assignable to it, so a subscriber of <see cref="object"/> sees everything. A subscriber that is
/// an actor of this system is unsubscribed automatically when it stops.
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<Type, IActorRef[]> _byEventType = new();
    private (IActorRef Subscriber, Type Channel)[] _subscriptions = [];

    /// <summary>
    /// Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>.
    /// Returns false when it was already subscribed to exactly that channel.
    /// </summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (Array.Exists(_subscriptions, s => ReferenceEquals(s.Subscriber, subscriber) && s.Channel == channel))
            {
                return false;
            }

            _subscriptions = [.. _subscriptions, (subscriber, channel)];
            _byEventType.Clear();
        }

        // A stopping actor unsubscribes itself; only actors that ever subscribed pay for that.
        if (subscriber is Cell.LocalActorRef local)
        {
            local.Cell.MarkSubscribed();
        }

        return true;
    }

    /// <summary>Removes one subscription. Returns false when there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return RemoveWhere(s => ReferenceEquals(s.Subscriber, subscriber) && s.Channel == channel);
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>. Returns false when there were none.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return RemoveWhere(s => ReferenceEquals(s.Subscriber, subscriber));
    }

    /// <summary>Delivers <paramref name="event"/> to every subscriber of a type it is assignable to, with no sender.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        if (!_byEventType.TryGetValue(type, out var targets))
        {
            targets = Resolve(type);
        }

        foreach (var t in targets)
        {
            t.Tell(@event, null);
        }
    }

    /// <summary>True when something would receive an event of <paramref name="eventType"/>; lets publishers skip building events nobody reads.</summary>
    public bool HasSubscribers(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        if (!_byEventType.TryGetValue(eventType, out var targets))
        {
            targets = Resolve(eventType);
        }

        return targets.Length > 0;
    }

    private IActorRef[] Resolve(Type eventType)
    {
        lock (_gate)
        {
            // A subscriber of two matching channels still gets the event once.
            var targets = _subscriptions
                .Where(s => s.Channel.IsAssignableFrom(eventType))
                .Select(s => s.Subscriber)
                .Distinct()
                .ToArray();
            _byEventType[eventType] = targets;
            return targets;
        }
    }

    private bool RemoveWhere(Predicate<(IActorRef Subscriber, Type Channel)> match)
    {
        lock (_gate)
        {
            var kept = Array.FindAll(_subscriptions, s => !match(s));
            if (kept.Length == _subscriptions.Length)
            {
                return false;
            }

            _subscriptions = kept;
            _byEventType.Clear();
            return true;
        }
    }
}
