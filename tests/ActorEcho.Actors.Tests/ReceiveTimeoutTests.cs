using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Receive timeouts, driven by the virtual-time scheduler.</summary>
public sealed class ReceiveTimeoutTests(ITestOutputHelper output) : TestKit.TestKit(new TestKitOptions { UseTestScheduler = true }, output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void ReceiveTimeout_Should_FireAfterTheIdlePeriodAndAgainWhileIdle()
    {
        var actor = Start();

        Scheduler.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("timeout");

        // Still idle: it comes again one period later (the tick re-armed the timer before it
        // queued the ReceiveTimeout, so the next timer exists once the probe has this one).
        Scheduler.Advance(Timeout);
        ExpectMsg("timeout");
        actor.Tell("ping", TestActor);
        ExpectMsg("pong");
    }

    [Fact]
    public void ReceiveTimeout_Should_BeResetByAMessage()
    {
        var actor = Start();

        Scheduler.Advance(TimeSpan.FromMilliseconds(600));
        actor.Tell("ping", TestActor);
        ExpectMsg("pong");

        // The actor records its activity after the handler returns; a message that does not count
        // as activity, answered afterwards, proves the record is made before the clock moves on.
        actor.Tell(new Quiet(), TestActor);
        ExpectMsg<Quiet>();

        // The timer set at 0 fires at 1000 ms, but the actor was busy at 600 ms: not idle enough.
        Scheduler.Advance(TimeSpan.FromMilliseconds(600));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200), "only 600 ms idle at the 1200 ms mark");
        Scheduler.Advance(TimeSpan.FromMilliseconds(500));
        ExpectMsg("timeout", hint: "1100 ms idle at the 1700 ms mark");
    }

    [Fact]
    public void ReceiveTimeout_Should_NotBeResetByNotInfluenceReceiveTimeoutMessages()
    {
        var actor = Start();

        Scheduler.Advance(TimeSpan.FromMilliseconds(600));
        actor.Tell(new Quiet(), TestActor);
        ExpectMsg<Quiet>();
        Scheduler.Advance(TimeSpan.FromMilliseconds(400));

        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_Should_StopWhenCleared()
    {
        var actor = Start();

        actor.Tell("clear", TestActor);
        ExpectMsg("cleared");
        Scheduler.Advance(Timeout * 3);

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ReceiveTimeout_Should_NotFireWhileAnAsyncHandlerIsStillRunning()
    {
        var actor = Start();
        var gate = new TaskCompletionSource();
        actor.Tell(gate.Task, TestActor);
        ExpectMsg("working");

        // Busy for 1.5 periods inside ReceiveAsync: that is not idleness.
        Scheduler.Advance(Timeout + (Timeout / 2));
        gate.SetResult();
        ExpectMsg("worked");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200), "the actor was busy, not idle");

        // Idle from the end of the handler on: one period later it times out.
        Scheduler.Advance(Timeout);
        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_Should_WorkAfterARestartWhenSetInPreStart()
    {
        var actor = Sys.ActorOf(Props.Create(() => new SetsTimeoutInPreStart(TestActor)), "restarting");
        ExpectMsg("started");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell("crash"));
        ExpectMsg("started");
        Scheduler.Advance(Timeout);

        ExpectMsg("timeout", hint: "the new incarnation's receive timeout (Akka issue 28266)");
    }

    private IActorRef Start()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idler(TestActor)), "idler");

        // The constructor sets the timeout; the clock must not move before it has run.
        ExpectMsg("started");
        return actor;
    }

    private sealed class SetsTimeoutInPreStart : ReceiveActor
    {
        private readonly IActorRef _probe;

        public SetsTimeoutInPreStart(IActorRef probe)
        {
            _probe = probe;
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout"));
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
        }

        protected override void PreStart()
        {
            Context.SetReceiveTimeout(Timeout);
            _probe.Tell("started");
        }
    }

    private sealed record Quiet : INotInfluenceReceiveTimeout;

    private sealed class Idler : ReceiveActor
    {
        public Idler(IActorRef probe)
        {
            Context.SetReceiveTimeout(Timeout);
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout"));
            Receive<Quiet>(q => Sender.Tell(q));
            ReceiveAsync<Task>(async gate =>
            {
                probe.Tell("working");
                await gate;
                probe.Tell("worked");
            });
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
            Receive<string>(s => s == "clear", _ =>
            {
                Context.SetReceiveTimeout(null);
                Sender.Tell("cleared");
            });
            probe.Tell("started");
        }
    }
}
