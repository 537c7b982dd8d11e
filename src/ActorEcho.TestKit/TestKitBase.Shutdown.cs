using ActorEcho.TestKit.Internal;

namespace ActorEcho.TestKit;

// Ending a system and verifying that it really ended.
public abstract partial class TestKitBase
{
    /// <summary>
    /// Terminates <paramref name="system"/> (default <see cref="Sys"/>) and waits for it, at most
    /// <paramref name="duration"/> (dilated; default the dilated <see cref="TestKitSettings.DefaultTimeout"/>).
    /// When it has not terminated by then, fails if <paramref name="verifySystemShutdown"/>, else
    /// only reports it in the test output.
    /// </summary>
    public void Shutdown(ActorSystem? system = null, TimeSpan? duration = null, bool verifySystemShutdown = true)
    {
        var (target, limit) = ShutdownTarget(system, duration);
        var terminated = target.Terminate().Wait(Deadline.Slice(limit));
        OnShutdownWaited(target, limit, terminated, verifySystemShutdown);
    }

    /// <summary>Asynchronous <see cref="Shutdown"/>.</summary>
    public async Task ShutdownAsync(ActorSystem? system = null, TimeSpan? duration = null, bool verifySystemShutdown = true)
    {
        var (target, limit) = ShutdownTarget(system, duration);
        var termination = target.Terminate();
        await termination.WaitAsync(Deadline.Slice(limit)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        OnShutdownWaited(target, limit, termination.IsCompletedSuccessfully, verifySystemShutdown);
    }

    private (ActorSystem System, TimeSpan Limit) ShutdownTarget(ActorSystem? system, TimeSpan? duration) =>
        (system ?? Sys, Dilated(duration ?? TestKitSettings.DefaultTimeout));

    private void OnShutdownWaited(ActorSystem system, TimeSpan limit, bool terminated, bool verify)
    {
        if (terminated)
        {
            return;
        }

        var text = $"Failed to stop actor system [{system.Name}] within {Format(limit)}: some actor did not stop (a PostStop or coordinated-shutdown task that blocks?)";
        if (verify)
        {
            throw new TestKitAssertionException(text);
        }

        Sink.Write(text);
    }
}
