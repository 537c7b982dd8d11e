using ActorEcho.Actors.Scheduling;

namespace ActorEcho.Actors.Cell;

/// <summary>
/// A cell's receive-timeout bookkeeping, created at the first <c>SetReceiveTimeout</c> and kept
/// (its generation must outlive a cancel, so a stale tick is recognised). Apart from
/// <see cref="CellExtras"/> because it is the extra every idle-timed session needs: 56 bytes
/// instead of the whole extras object.
/// </summary>
internal sealed class ReceiveTimeoutState
{
    /// <summary>The timeout in force; null when none is set.</summary>
    public TimeSpan? Timeout;

    /// <summary>Bumped on every cancel: a tick armed under an older generation is ignored.</summary>
    public long Generation;

    /// <summary>When the last message that counts (not <see cref="INotInfluenceReceiveTimeout"/>) was processed.</summary>
    public TimeSpan LastActivity;

    public ICancelable? Timer;
}
