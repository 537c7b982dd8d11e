using System.Runtime.InteropServices;
using ActorEcho.Actors.Logging;

namespace ActorEcho.Actors.Shutdown;

/// <summary>
/// Stops a system in ordered phases, so that, for example, listeners unbind and sessions say
/// goodbye before actors are stopped. Tasks of one phase run concurrently; a phase ends when all
/// its tasks have completed or its timeout has passed (then it is logged and the next phase
/// starts anyway). The last phase, <see cref="PhaseActorSystemTerminate"/>, stops every actor.
/// Run by <c>ActorSystem.Terminate()</c> and, when enabled, by SIGTERM and Ctrl+C.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>First phase: prepare to stop accepting work.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Stop accepting new connections or requests (listeners unbind here).</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>Finish or refuse in-flight requests (sessions say goodbye and flush here).</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";

    /// <summary>Stop the services themselves.</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>Last chance for work that needs the actor system running.</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>Stop every actor and terminate the system.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    private readonly ActorSystem _system;
    private readonly object _gate = new();
    private readonly Dictionary<string, List<(string Name, Func<Task<Done>> Task)>> _tasks;
    private readonly List<PosixSignalRegistration> _signals = [];
    private Task<Done>? _run;

    internal CoordinatedShutdown(ActorSystem system)
    {
        _system = system;
        _tasks = OrderedPhases.ToDictionary(p => p, _ => new List<(string, Func<Task<Done>>)>(), StringComparer.Ordinal);
        _tasks[PhaseActorSystemTerminate].Add(("terminate-actor-system", async () =>
        {
            await _system.FinalTerminate().ConfigureAwait(false);
            return Done.Instance;
        }));
    }

    /// <summary>The phases, in the order they run.</summary>
    public static IReadOnlyList<string> OrderedPhases { get; } =
    [
        PhaseBeforeServiceUnbind,
        PhaseServiceUnbind,
        PhaseServiceRequestsDone,
        PhaseServiceStop,
        PhaseBeforeActorSystemTerminate,
        PhaseActorSystemTerminate,
    ];

    /// <summary>Why shutdown is running, once it is.</summary>
    public ShutdownReason? ShutdownReason { get; private set; }

    /// <summary>The sum of every phase's timeout: the longest a shutdown can take.</summary>
    public TimeSpan TotalTimeout => OrderedPhases.Aggregate(TimeSpan.Zero, (sum, p) => sum + PhaseTimeout(p));

    /// <summary>The system's coordinated shutdown.</summary>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.CoordinatedShutdown;
    }

    /// <summary>The timeout of <paramref name="phase"/> from the settings.</summary>
    public TimeSpan PhaseTimeout(string phase)
    {
        var settings = _system.Settings.CoordinatedShutdown;
        return settings.PhaseTimeouts.TryGetValue(phase, out var t) ? t : settings.DefaultPhaseTimeout;
    }

    /// <summary>
    /// Adds a task to <paramref name="phase"/>. Tasks added after shutdown has started are
    /// rejected, since their phase may already be over.
    /// </summary>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(task);
        lock (_gate)
        {
            if (!_tasks.TryGetValue(phase, out var list))
            {
                throw new ArgumentException($"unknown shutdown phase '{phase}'; phases are: {string.Join(", ", OrderedPhases)}", nameof(phase));
            }

            if (_run is not null)
            {
                throw new InvalidOperationException($"cannot add task '{taskName}' to phase '{phase}': coordinated shutdown is already running");
            }

            list.Add((taskName, task));
        }
    }

    /// <summary>Runs every phase in order (once: later calls return the same task).</summary>
    public Task<Done> Run(ShutdownReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            if (_run is null)
            {
                ShutdownReason = reason;
                _run = Task.Run(() => RunPhases(reason));
            }

            return _run;
        }
    }

    internal void RegisterProcessExitHooks()
    {
        if (!_system.Settings.CoordinatedShutdown.RunByProcessExit)
        {
            return;
        }

        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Keep the process alive: the host exits once shutdown has finished.
                context.Cancel = true;
                KernelLog.SignalReceived(_system.KernelLogger, context.Signal.ToString(), _system.Name);
                _ = Run(ShutdownReason.ProcessExit);
            }));
        }

        _system.WhenTerminated.ContinueWith(
            _ =>
            {
                foreach (var s in _signals)
                {
                    s.Dispose();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task<Done> RunPhases(ShutdownReason reason)
    {
        KernelLog.ShutdownStarted(_system.KernelLogger, _system.Name, reason.Description);
        foreach (var phase in OrderedPhases)
        {
            (string Name, Func<Task<Done>> Task)[] tasks;
            lock (_gate)
            {
                tasks = [.. _tasks[phase]];
            }

            if (tasks.Length == 0)
            {
                continue;
            }

            KernelLog.PhaseStarting(_system.KernelLogger, phase, tasks.Length);
            var timeout = PhaseTimeout(phase);
            var all = Task.WhenAll(tasks.Select(t => RunTask(phase, t.Name, t.Task)));
            try
            {
                await all.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                KernelLog.PhaseTimedOut(_system.KernelLogger, phase, timeout);
            }
        }

        return Done.Instance;
    }

    private async Task RunTask(string phase, string name, Func<Task<Done>> task)
    {
        try
        {
            await task().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // One failing task must not stop the others or the phases after it.
            KernelLog.ShutdownTaskFailed(_system.KernelLogger, e, phase, name);
        }
    }
}
