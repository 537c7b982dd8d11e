using System.Collections.Concurrent;
using ActorEcho.Actors.Shutdown;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Coordinated shutdown: phase order, phase timeouts, failing tasks.</summary>
public sealed class CoordinatedShutdownTests(ITestOutputHelper output)
    : TestKit.TestKit(ActorSystemSettings.Default with { CoordinatedShutdown = new CoordinatedShutdownSettings { DefaultPhaseTimeout = TimeSpan.FromMilliseconds(300), RunByProcessExit = false } }, output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private CoordinatedShutdown Phases => CoordinatedShutdown.Get(Sys);

    [Fact]
    public async Task Terminate_Should_RunPhasesInOrderWhileActorsStillRun()
    {
        var order = new ConcurrentQueue<string>();
        var actor = Sys.ActorOf(Props.Create(() => new Echo()), "echo");
        foreach (var phase in CoordinatedShutdown.OrderedPhases)
        {
            // Two tasks per phase: a phase ends only when both have.
            Phases.AddTask(phase, "first", async () =>
            {
                await Task.Yield();
                order.Enqueue(phase);
                return Done.Instance;
            });
            Phases.AddTask(phase, "second", () =>
            {
                order.Enqueue(phase);
                return Task.FromResult(Done.Instance);
            });
        }

        Phases.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "actors-alive", async () =>
        {
            order.Enqueue("echo:" + await actor.Ask<string>("still here", TimeSpan.FromSeconds(5)));
            return Done.Instance;
        });

        await Sys.Terminate().WaitAsync(Bound);

        // Terminate completes when the system has terminated, which happens inside the last phase;
        // the other tasks of that phase may still be finishing. The run itself ends after them all.
        await Phases.Run(ShutdownReason.ActorSystemTerminate).WaitAsync(Bound);

        var phases = order.Where(o => !o.StartsWith("echo:", StringComparison.Ordinal)).ToList();
        Assert.Equal(CoordinatedShutdown.OrderedPhases.SelectMany(p => new[] { p, p }), phases);
        Assert.Contains("echo:still here", order);
        Assert.Equal(ShutdownReason.ActorSystemTerminate, Phases.ShutdownReason);
    }

    [Fact]
    public async Task PhaseTimeout_Should_MoveOnToTheNextPhase()
    {
        var ran = new ConcurrentQueue<string>();
        var never = new TaskCompletionSource<Done>();
        Phases.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "hangs", () => never.Task);
        Phases.AddTask(CoordinatedShutdown.PhaseServiceStop, "later", () =>
        {
            ran.Enqueue("service-stop");
            return Task.FromResult(Done.Instance);
        });

        await EventFilter.Warning(contains: CoordinatedShutdown.PhaseServiceUnbind).ExpectOneAsync(async () =>
            await Sys.Terminate().WaitAsync(Bound));

        Assert.Equal(["service-stop"], ran);
        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task FailingTask_Should_NotStopTheOtherTasksOrLaterPhases()
    {
        var ran = new ConcurrentQueue<string>();
        Phases.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "throws", () => throw new InvalidOperationException("task failed"));
        Phases.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "fine", () =>
        {
            ran.Enqueue("fine");
            return Task.FromResult(Done.Instance);
        });
        Phases.AddTask(CoordinatedShutdown.PhaseServiceStop, "later", () =>
        {
            ran.Enqueue("later");
            return Task.FromResult(Done.Instance);
        });

        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(async () =>
            await Sys.Terminate().WaitAsync(Bound));

        Assert.Equal(["fine", "later"], ran);
    }

    [Fact]
    public async Task AddTask_Should_RejectAnUnknownPhaseAndLateTasks()
    {
        Assert.Throws<ArgumentException>(() => Phases.AddTask("no-such-phase", "t", () => Task.FromResult(Done.Instance)));

        var run = Phases.Run(ShutdownReason.Unknown);

        Assert.Same(run, Phases.Run(ShutdownReason.ProcessExit));
        Assert.Throws<InvalidOperationException>(() => Phases.AddTask(CoordinatedShutdown.PhaseServiceStop, "late", () => Task.FromResult(Done.Instance)));
        await run.WaitAsync(Bound);
        await Sys.WhenTerminated.WaitAsync(Bound);
        Assert.Equal(ShutdownReason.Unknown, Phases.ShutdownReason);
    }

    [Fact]
    public void PhaseTimeout_Should_ComeFromSettings()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(300), Phases.PhaseTimeout(CoordinatedShutdown.PhaseServiceUnbind));
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(s => Sender.Tell(s));
    }
}
