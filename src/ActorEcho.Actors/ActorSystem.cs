using System.Collections.Concurrent;
using ActorEcho.Actors.Cell;
using ActorEcho.Actors.Events;
using ActorEcho.Actors.Logging;
using ActorEcho.Actors.Scheduling;
using ActorEcho.Actors.Shutdown;
using ActorEcho.Actors.Supervision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TerminateMessage = ActorEcho.Actors.Cell.Terminate;

namespace ActorEcho.Actors;

/// <summary>
/// A hierarchy of actors with its shared services: scheduler, event stream, dead letters and
/// coordinated shutdown. Create one per application (tests create one per test).
/// </summary>
public sealed partial class ActorSystem : IDisposable, IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Type, Lazy<object>> _extensions = new();
    private readonly ActorCell _root;
    private readonly LocalActorRef _userGuardian;
    private readonly LocalActorRef _systemGuardian;
    private readonly DeadLetterActorRef _deadLetters;
    private readonly DeadLetterLog _deadLetterLog;
    private readonly ActorPath _tempPath;
    private long _tempCounter;
    private volatile bool _terminating;

    private ActorSystem(string name, ActorSystemSettings settings, ActorSystemSetup setup)
    {
        ValidateSystemName(name);
        Name = name;
        Settings = settings;
        StartTime = DateTimeOffset.UtcNow;
        LoggerFactory = setup.LoggerFactory ?? NullLoggerFactory.Instance;
        KernelLogger = LoggerFactory.CreateLogger("ActorEcho.Actors");
        Scheduler = setup.Scheduler ?? new DefaultScheduler();
        EventStream = new EventStream();

        var rootPath = ActorPath.Root(name);
        _deadLetters = new DeadLetterActorRef(this, rootPath / "deadLetters");
        _deadLetterLog = new DeadLetterLog(this);
        _tempPath = rootPath / "temp";

        IActorRef? systemGuardian = null;
        var rootProps = Props.Create(() => new GuardianActor(() => systemGuardian, SupervisorStrategy.StoppingStrategy));
        _root = new ActorCell(this, rootProps, new RootSupervisor(this, rootPath / "bubble-walker"), rootPath);

        _userGuardian = _root.AttachChild(Props.Create(() => new GuardianActor(() => null, SupervisorStrategy.DefaultStrategy)), "user");
        var userGuardian = _userGuardian;
        _systemGuardian = _root.AttachChild(Props.Create(() => new GuardianActor(() => userGuardian, SupervisorStrategy.DefaultStrategy)), "system");
        systemGuardian = _systemGuardian;

        // The root starts last: its PreStart watches /system, which must exist by then, or the
        // shutdown chain (/user stops → /system stops → root stops) would end at /system.
        _root.Start();

        CoordinatedShutdown = new CoordinatedShutdown(this);
    }

    /// <summary>The system's name, the authority part of every path.</summary>
    public string Name { get; }

    /// <summary>The kernel settings in force.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>When the system was created.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>How long the system has been running.</summary>
    public TimeSpan Uptime => DateTimeOffset.UtcNow - StartTime;

    /// <summary>Where the kernel and actors log.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Timed delivery for the whole system.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>System-wide publish/subscribe: dead letters, unhandled messages and anything users publish.</summary>
    public EventStream EventStream { get; }

    /// <summary>Messages sent here are published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters => _deadLetters;

    /// <summary>The ordered shutdown of this system (also reachable as <c>CoordinatedShutdown.Get(system)</c>).</summary>
    public CoordinatedShutdown CoordinatedShutdown { get; }

    /// <summary>Completes when every actor has stopped and the system is gone.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>True once termination has begun.</summary>
    public bool IsTerminating => _terminating;

    internal ILogger KernelLogger { get; }

    /// <summary>Creates a system with default settings and no logging.</summary>
    public static ActorSystem Create(string name) => Create(name, ActorSystemSettings.Default, ActorSystemSetup.Empty);

    /// <summary>
    /// Creates a system configured by HOCON: <paramref name="config"/> (the application's layers)
    /// over the kernel's reference.conf; the kernel reads <c>actorecho.actor.*</c> and
    /// <c>actorecho.coordinated-shutdown.*</c>, and the merged tree stays available as
    /// <c>Settings.Config</c> for the other layers.
    /// </summary>
    public static ActorSystem Create(string name, ActorEcho.Config.Config config, ActorSystemSetup? setup = null) =>
        Create(name, ActorSystemSettings.FromConfig(config), setup);

    /// <summary>Creates a system with the given settings and setup.</summary>
    public static ActorSystem Create(string name, ActorSystemSettings settings, ActorSystemSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var system = new ActorSystem(name, settings, setup ?? ActorSystemSetup.Empty);
        system.CoordinatedShutdown.RegisterProcessExitHooks();
        return system;
    }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.Cell.AttachChild(props, name);

    /// <summary>Creates a system service under <c>/system</c> (stopped after every user actor).</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.Cell.AttachChild(props, name);

    /// <summary>Stops <paramref name="actor"/> asynchronously; its children stop first.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Of(actor) is { } owner && !ReferenceEquals(owner, this))
        {
            throw new ArgumentException($"{actor} belongs to actor system '{owner.Name}', not '{Name}'", nameof(actor));
        }

        if (actor is IInternalActorRef target)
        {
            target.SendSystemMessage(new TerminateMessage());
        }
    }

    /// <summary>
    /// Stops the system: runs coordinated shutdown (when <c>run-by-actor-system-terminate</c> is on),
    /// whose last phase stops <c>/user</c>, then <c>/system</c>, then the root. Idempotent.
    /// </summary>
    public Task Terminate()
    {
        if (Settings.CoordinatedShutdown.RunByActorSystemTerminate)
        {
            _ = CoordinatedShutdown.Run(ShutdownReason.ActorSystemTerminate);
            return WhenTerminated;
        }

        return FinalTerminate();
    }

    /// <summary>
    /// Returns the system's single instance of an extension, creating it on first use (thread-safe,
    /// created once). Socket managers, for instance, are extensions.
    /// </summary>
    public T GetOrCreateExtension<T>(Func<ActorSystem, T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        var lazy = _extensions.GetOrAdd(typeof(T), _ => new Lazy<object>(() => create(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value;
    }

    /// <summary>The system an actor reference belongs to, or null for references that belong to none.</summary>
    public static ActorSystem? Of(IActorRef actor) => actor switch
    {
        LocalActorRef local => local.Cell.System,
        DeadLetterActorRef dead => dead.System,
        _ => null,
    };

    /// <summary>Terminates and waits (bounded by the actor-system-terminate phase timeout plus the rest).</summary>
    public void Dispose()
    {
        Terminate().Wait(CoordinatedShutdown.TotalTimeout);
    }

    /// <summary>Terminates and waits for the end.</summary>
    public async ValueTask DisposeAsync()
    {
        await Terminate().WaitAsync(CoordinatedShutdown.TotalTimeout).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    internal Task FinalTerminate()
    {
        _terminating = true;
        ((IInternalActorRef)_userGuardian).SendSystemMessage(new TerminateMessage());
        return WhenTerminated;
    }

    internal void OnRootTerminated()
    {
        _terminating = true;
        (Scheduler as IDisposable)?.Dispose();
        KernelLog.SystemTerminated(KernelLogger, Name);
        _terminated.TrySetResult();
    }

    internal ActorPath NextTempPath() => _tempPath / ("$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        var letter = message as DeadLetter ?? new DeadLetter(message, sender, recipient);
        EventStream.Publish(letter);
        _deadLetterLog.Record(letter);
    }

    private static void ValidateSystemName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                throw new ArgumentException($"actor system name '{name}' may only contain ASCII letters, digits, '-' and '_'", nameof(name));
            }
        }
    }
}
