using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors.Stashing;

/// <summary>The stash of one actor cell; used only on the actor's own thread.</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public int Capacity => cell.System.Settings.StashCapacity;

    public void Stash()
    {
        var current = cell.CurrentEnvelope;
        if (current.Message is null)
        {
            throw new InvalidOperationException("Stash() can only be called while processing a message");
        }

        if (Capacity >= 0 && _stashed.Count >= Capacity)
        {
            throw new StashOverflowException(
                $"{cell.Self.Path}: cannot stash {current.Message.GetType().Name}: the stash holds its capacity of {Capacity} messages (actorecho.actor.stash-capacity)");
        }

        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var oldest = _stashed[0];
        _stashed.RemoveAt(0);
        cell.PrependToMailbox([oldest]);
    }

    public void UnstashAll()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        cell.PrependToMailbox(_stashed);
        _stashed.Clear();
    }

    public IReadOnlyList<object> ClearStash()
    {
        var messages = _stashed.Select(e => e.Message).ToArray();
        _stashed.Clear();
        return messages;
    }

    /// <summary>On stop: nothing stashed may vanish silently.</summary>
    internal void DiscardToDeadLetters()
    {
        foreach (var e in _stashed)
        {
            cell.System.PublishDeadLetter(e.Message, e.Sender, cell.Self);
        }

        _stashed.Clear();
    }
}
