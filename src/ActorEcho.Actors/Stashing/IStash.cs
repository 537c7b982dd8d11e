namespace ActorEcho.Actors.Stashing;

/// <summary>
/// Puts messages aside to process later, typically until the actor changes behaviour. Stashed
/// messages keep their order and their sender. On restart they go back to the mailbox for the new
/// instance; on stop they go to dead letters.
/// </summary>
public interface IStash
{
    /// <summary>Messages currently stashed.</summary>
    int Count { get; }

    /// <summary>The most messages the stash holds (negative: unlimited).</summary>
    int Capacity { get; }

    /// <summary>Stashes the message being processed. Fails with <see cref="StashOverflowException"/> when full.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message at the head of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message, in stash order, at the head of the mailbox.</summary>
    void UnstashAll();

    /// <summary>Empties the stash and returns what it held, oldest first.</summary>
    IReadOnlyList<object> ClearStash();
}
