using ActorEcho.Actors.Scheduling;
using ActorEcho.TestKit.Tests.Actors;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

public sealed class TestSchedulerTests(ITestOutputHelper output) : TestKit(new TestKitOptions { UseTestScheduler = true }, output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void Clock_Should_StartAtAFixedInstant_And_MoveOnlyOnAdvance()
    {
        var scheduler = new TestScheduler();
        Assert.Equal(TestScheduler.DefaultStart, scheduler.Now);
        Assert.Equal(TimeSpan.Zero, scheduler.MonotonicClock);
        scheduler.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TestScheduler.DefaultStart.AddMinutes(5), scheduler.Now);
        Assert.Equal(TimeSpan.FromMinutes(5), scheduler.MonotonicClock);

        var start = new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(start, new TestScheduler(start).Now);
    }

    [Fact]
    public void SystemScheduler_Should_BeTheTestScheduler()
    {
        Assert.IsType<TestScheduler>(Sys.Scheduler);
    }

    [Fact]
    public void ScheduleTellOnce_Should_DeliverOnlyWhenTimeReachesTheDelay()
    {
        Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "once", null);
        Scheduler.Advance(TimeSpan.FromMilliseconds(999));
        ExpectNoMsg(Quiet);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("once");
        Scheduler.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg(Quiet);
    }

    [Fact]
    public void ScheduleTellRepeatedly_Should_DeliverOncePerIntervalPassed()
    {
        var probe = CreateTestProbe();
        Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), TestActor, "tick", probe.Ref);
        Scheduler.Advance(TimeSpan.FromMilliseconds(900));
        ExpectNoMsg(Quiet);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1100));
        Assert.Equal(["tick", "tick", "tick"], ReceiveN(3).Cast<string>());
        Assert.Same(probe.Ref, LastSender);
        ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Cancel_Should_StopOneShotAndRepeatingItems()
    {
        var once = Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "once", null);
        var repeating = Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "repeat", null);
        once.Cancel();
        Assert.True(once.IsCancellationRequested);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("repeat");
        repeating.Cancel();
        Scheduler.Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Advance_Should_RunDueItemsInTimeOrder_OnTheCallingThread()
    {
        var scheduler = new TestScheduler();
        var ran = new List<(string Name, int Thread)>();
        scheduler.ScheduleOnce(TimeSpan.FromSeconds(3), () => ran.Add(("third", Environment.CurrentManagedThreadId)));
        scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => ran.Add(("first", Environment.CurrentManagedThreadId)));
        scheduler.ScheduleRepeatedly(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), () => ran.Add(("second", Environment.CurrentManagedThreadId)));
        scheduler.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["first", "second", "third"], ran.Select(r => r.Name));
        Assert.All(ran, r => Assert.Equal(Environment.CurrentManagedThreadId, r.Thread));
    }

    [Fact]
    public void ZeroDelay_Should_RunOnTheNextAdvance()
    {
        var scheduler = new TestScheduler();
        var runs = 0;
        scheduler.ScheduleOnce(TimeSpan.Zero, () => runs++);
        Assert.Equal(0, runs);
        scheduler.Advance(TimeSpan.Zero);
        Assert.Equal(1, runs);
    }

    [Fact]
    public void AdvanceTo_Should_MoveToTheInstant_And_RefuseToGoBack()
    {
        var scheduler = new TestScheduler();
        var runs = 0;
        scheduler.ScheduleOnce(TimeSpan.FromHours(1), () => runs++);
        scheduler.AdvanceTo(TestScheduler.DefaultStart.AddHours(1));
        Assert.Equal(1, runs);
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.AdvanceTo(TestScheduler.DefaultStart));
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.ScheduleRepeatedly(TimeSpan.Zero, TimeSpan.Zero, () => { }));
    }

    [Fact]
    public async Task Scheduling_Should_BeThreadSafe()
    {
        var scheduler = new TestScheduler();
        var runs = 0;
        var items = new System.Collections.Concurrent.ConcurrentBag<ICancelable>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                items.Add(scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(i), () => Interlocked.Increment(ref runs)));
            }
        })));
        scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1000, runs);
        Assert.Equal(0, scheduler.PendingCount);
        Assert.All(items, i => Assert.True(i.IsCancellationRequested));
    }

    [Fact]
    public void ReceiveTimeout_Should_FireOnlyWhenVirtualTimePasses()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ReceiveTimeoutActor(TestActor, TimeSpan.FromSeconds(1))));
        actor.Tell("ping", TestActor);
        ExpectMsg("pong");

        Scheduler.Advance(TimeSpan.FromMilliseconds(500));
        ExpectNoMsg(Quiet);
        Scheduler.Advance(TimeSpan.FromMilliseconds(500));
        ExpectMsg<ReceiveTimeout>();

        // It re-arms: another idle second gives another timeout.
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg<ReceiveTimeout>();
    }

    [Fact]
    public void ActorTimers_Should_FollowVirtualTime()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, TimeSpan.FromSeconds(10))));
        actor.Tell("start", TestActor);
        ExpectMsg("started");
        ExpectNoMsg(Quiet);
        Scheduler.Advance(TimeSpan.FromSeconds(10));
        ExpectMsg("tick");
        Scheduler.Advance(TimeSpan.FromSeconds(20));
        ExpectMsg("tick");
        ExpectMsg("tick");
    }

    [Fact]
    public async Task AskTimeout_Should_FollowVirtualTime()
    {
        var silent = Sys.ActorOf(Props.Create<SilentActor>());
        var ask = silent.Ask<string>("anyone?", TimeSpan.FromSeconds(30));
        await ExpectNoMsgAsync(Quiet);
        Assert.False(ask.IsCompleted);
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }
}
