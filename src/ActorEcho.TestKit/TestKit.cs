using ActorEcho.Actors.Events;
using ActorEcho.TestKit.Logging;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorEcho.TestKit;

/// <summary>
/// The xunit base class for actor tests: each test class instance (xunit makes one per test)
/// gets a fresh <see cref="ActorSystem"/> whose logs go to the test's output, and disposing it
/// terminates the system and fails the test when the system does not terminate in time.
/// </summary>
public class TestKit : TestKitBase, IDisposable
{
    private static long s_systemCounter;
    private readonly ILoggerFactory _loggerFactory;
    private bool _disposed;

    /// <summary>A test kit with default settings.</summary>
    public TestKit(ITestOutputHelper? output = null)
        : this(new TestKitOptions(), output)
    {
    }

    /// <summary>A test kit whose system uses <paramref name="settings"/>.</summary>
    public TestKit(ActorSystemSettings settings, ITestOutputHelper? output = null)
        : this(new TestKitOptions { Settings = settings ?? throw new ArgumentNullException(nameof(settings)) }, output)
    {
    }

    /// <summary>
    /// A test kit configured by HOCON: the TestKit's settings from <c>actorecho.test.*</c> and the
    /// kernel's from <c>actorecho.actor.*</c> and <c>actorecho.coordinated-shutdown.*</c> (over the
    /// kernel's reference.conf).
    /// </summary>
    public TestKit(ActorEcho.Config.Config config, ITestOutputHelper? output = null)
        : this(new TestKitOptions
        {
            TestKitSettings = TestKitSettings.FromConfig(config),
            Settings = ActorSystemSettings.FromConfig(config),
        }, output)
    {
    }

    /// <summary>A test kit built as <paramref name="options"/> say (name, settings, scheduler, log level).</summary>
    public TestKit(TestKitOptions options, ITestOutputHelper? output = null)
        : this(Bootstrap.Create(options, output))
    {
    }

    private TestKit(Bootstrap bootstrap)
        : base(bootstrap.System, bootstrap.Settings, bootstrap.Sink, "testActor")
    {
        _loggerFactory = bootstrap.LoggerFactory;
        Output = bootstrap.Output;
        Log = _loggerFactory.CreateLogger(GetType().FullName ?? nameof(TestKit));

        // As in Akka's TestKit: `actor.Tell(msg)` from test code has the TestActor as sender, so
        // replies reach the expectations. xunit runs the constructor and the test method in one
        // async flow, which the AsyncLocal follows.
        ImplicitSender.Current = TestActor;
    }

    /// <summary>The test's output, where every log event of the system is written; null when none was given.</summary>
    public ITestOutputHelper? Output { get; }

    /// <summary>The logger factory the system logs through (its events reach the output and the event filters).</summary>
    public ILoggerFactory LoggerFactory => _loggerFactory;

    /// <summary>A logger for the test itself, writing to the same output.</summary>
    public ILogger Log { get; }

    /// <summary>Terminates the system and verifies it terminated (see <see cref="TestKitBase.Shutdown"/>).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs before the system is shut down on dispose; override to clean up what the test created.</summary>
    protected virtual void AfterAll()
    {
    }

    /// <summary>Disposes once: <see cref="AfterAll"/>, then shutdown with verification.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        try
        {
            AfterAll();
        }
        finally
        {
            try
            {
                Shutdown(Sys, verifySystemShutdown: true);
            }
            finally
            {
                _loggerFactory.Dispose();
            }
        }
    }

    private sealed record Bootstrap(ActorSystem System, TestKitSettings Settings, TestLogSink Sink, ILoggerFactory LoggerFactory, ITestOutputHelper? Output)
    {
        private static readonly CoordinatedShutdownSettings KernelDefaults = new();

        public static Bootstrap Create(TestKitOptions options, ITestOutputHelper? output)
        {
            ArgumentNullException.ThrowIfNull(options);
            var settings = options.TestKitSettings ?? TestKitSettings.Default.WithEnvironmentOverrides();
            var sink = new TestLogSink(output, options.LogLevel);
            var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b
                .SetMinimumLevel(options.LogLevel)
                .AddProvider(new TestLoggerProvider(sink)));
            var name = options.SystemName ?? "test-" + Interlocked.Increment(ref s_systemCounter).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            var setup = new ActorSystemSetup
            {
                LoggerFactory = loggerFactory,
                Scheduler = options.Scheduler ?? (options.UseTestScheduler ? new TestScheduler() : null),
            };
            var system = ActorSystem.Create(name, ForTests(options.Settings ?? ActorSystemSettings.Default, settings), setup);
            system.EventStream.Subscribe(new DeadLetterListener(sink, ActorPath.Root(name) / "system" / "testkit-dead-letters", system.DeadLetters), typeof(DeadLetter));
            return new Bootstrap(system, settings, sink, loggerFactory, output);
        }

        /// <summary>
        /// No signal handlers per test system, and short shutdown phases (dilated) unless the test
        /// chose its own: a hung phase should fail the test in seconds, not stall it.
        /// </summary>
        private static ActorSystemSettings ForTests(ActorSystemSettings kernel, TestKitSettings settings)
        {
            var shutdown = kernel.CoordinatedShutdown;
            var phaseTimeouts = SameTimeouts(shutdown.PhaseTimeouts, KernelDefaults.PhaseTimeouts)
                ? new Dictionary<string, TimeSpan> { [Actors.Shutdown.CoordinatedShutdown.PhaseActorSystemTerminate] = settings.Dilate(TimeSpan.FromSeconds(2)) }
                : shutdown.PhaseTimeouts;
            return kernel with
            {
                CoordinatedShutdown = shutdown with
                {
                    RunByProcessExit = false,
                    DefaultPhaseTimeout = shutdown.DefaultPhaseTimeout == KernelDefaults.DefaultPhaseTimeout ? settings.Dilate(TimeSpan.FromSeconds(1)) : shutdown.DefaultPhaseTimeout,
                    PhaseTimeouts = phaseTimeouts,
                },
            };
        }

        private static bool SameTimeouts(IReadOnlyDictionary<string, TimeSpan> a, IReadOnlyDictionary<string, TimeSpan> b) =>
            a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}
