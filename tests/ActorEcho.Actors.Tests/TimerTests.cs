using ActorEcho.Actors.Timers;
using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Actor timers (IWithTimers), driven by the virtual-time scheduler.</summary>
public sealed class TimerTests(ITestOutputHelper output) : TestKit.TestKit(new TestKitOptions { UseTestScheduler = true }, output)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void SingleTimer_Should_DeliverOnceAfterItsDelay()
    {
        var actor = Start();
        Do(actor, new StartSingle("k", "tick", Second));

        Scheduler.Advance(Second - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("tick");
        actor.Tell(new IsActive("k"), TestActor);
        ExpectMsg(false, hint: "a single timer is over once delivered");
        Scheduler.Advance(Second * 5);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void PeriodicTimer_Should_DeliverEveryIntervalUntilCancelled()
    {
        var actor = Start();
        Do(actor, new StartPeriodic("k", "tick", Second));

        Scheduler.Advance(Second * 3);
        Assert.Equal(["tick", "tick", "tick"], ReceiveN(3).Cast<string>());
        actor.Tell(new IsActive("k"), TestActor);
        ExpectMsg(true);

        Do(actor, new CancelTimer("k"));
        Scheduler.Advance(Second * 3);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Cancel_Should_PreventDeliveryBeforeTheTimerFires()
    {
        var actor = Start();
        Do(actor, new StartSingle("k", "tick", Second));
        Do(actor, new CancelTimer("k"));

        Scheduler.Advance(Second * 2);

        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        actor.Tell(new IsActive("k"), TestActor);
        ExpectMsg(false);
    }

    [Fact]
    public void ReplacedTimer_Should_NeverDeliverItsAlreadyQueuedMessage()
    {
        var actor = Start();
        Do(actor, new StartSingle("k", "first", Second));
        var gate = new TaskCompletionSource();

        // Hold the mailbox so the first timer's message queues up behind the handler, which then
        // replaces the timer.
        actor.Tell(new Hold(gate.Task, t => t.StartSingleTimer("k", "second", Second)), TestActor);
        ExpectMsg("holding");
        Scheduler.Advance(Second);
        gate.SetResult();
        ExpectMsg("released");

        ExpectNoMsg(TimeSpan.FromMilliseconds(200), "the replaced timer's queued message is dropped");
        Scheduler.Advance(Second);
        ExpectMsg("second");
    }

    [Fact]
    public void CancelledTimer_Should_NeverDeliverItsAlreadyQueuedMessage()
    {
        var actor = Start();
        Do(actor, new StartPeriodic("k", "tick", Second));
        var gate = new TaskCompletionSource();

        actor.Tell(new Hold(gate.Task, t => t.Cancel("k")), TestActor);
        ExpectMsg("holding");
        Scheduler.Advance(Second * 2);
        gate.SetResult();
        ExpectMsg("released");

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Restart_Should_CancelEveryTimer()
    {
        var actor = Start();
        Do(actor, new StartPeriodic("k", "tick", Second));
        Do(actor, new StartSingle("s", "single", Second));

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell(new Crash()));
        actor.Tell(new IsActive("k"), TestActor);
        ExpectMsg(false, hint: "the new instance has no timers");

        Scheduler.Advance(Second * 3);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Stop_Should_CancelEveryTimer()
    {
        var actor = Start();
        Do(actor, new StartPeriodic("k", "tick", Second));
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        EventFilter.DeadLetter().Expect(0, () => Scheduler.Advance(Second * 3));
    }

    private IActorRef Start() => Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)), "timers");

    private void Do(IActorRef actor, object command)
    {
        actor.Tell(command, TestActor);
        ExpectMsg("ok");
    }

    private sealed record StartSingle(string Key, string Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, string Message, TimeSpan Interval);

    private sealed record CancelTimer(string Key);

    private sealed record IsActive(string Key);

    private sealed record Hold(Task Gate, Action<ITimerScheduler> Then);

    private sealed record Crash;

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef probe)
        {
            Receive<StartSingle>(s =>
            {
                Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                Sender.Tell("ok");
            });
            Receive<StartPeriodic>(s =>
            {
                Timers.StartPeriodicTimer(s.Key, s.Message, s.Interval);
                Sender.Tell("ok");
            });
            Receive<CancelTimer>(c =>
            {
                Timers.Cancel(c.Key);
                Sender.Tell("ok");
            });
            Receive<IsActive>(a => Sender.Tell(Timers.IsTimerActive(a.Key)));
            ReceiveAsync<Hold>(async h =>
            {
                probe.Tell("holding");
                await h.Gate;
                h.Then(Timers);
                probe.Tell("released");
            });
            Receive<Crash>(_ => throw new InvalidOperationException("crash"));
            Receive<string>(s => probe.Tell(s));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}
