namespace ActorEcho.Actors.Scheduling;

/// <summary>A plain cancellation flag with an optional action run once on cancel.</summary>
public sealed class Cancelable : ICancelable
{
    private Action? _onCancel;
    private int _cancelled;

    /// <summary>Creates a handle; <paramref name="onCancel"/> runs once, on the first <see cref="Cancel"/>.</summary>
    public Cancelable(Action? onCancel = null)
    {
        _onCancel = onCancel;
    }

    /// <summary>A handle that is already cancelled.</summary>
    public static ICancelable AlreadyCanceled { get; } = CreateCancelled();

    /// <inheritdoc />
    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    /// <inheritdoc />
    public void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) == 0)
        {
            Interlocked.Exchange(ref _onCancel, null)?.Invoke();
        }
    }

    private static Cancelable CreateCancelled()
    {
        var c = new Cancelable();
        c.Cancel();
        return c;
    }
}
