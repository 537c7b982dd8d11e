using ActorEcho.Actors.Supervision;
using ActorEcho.Actors.Tests.Support;
using ActorEcho.TestKit;
using Xunit.Abstractions;
using static ActorEcho.Actors.Tests.Support.Protocol;

namespace ActorEcho.Actors.Tests;

/// <summary>maxNrOfRetries within withinTimeRange, on the virtual clock the supervisor reads.</summary>
public sealed class RestartBudgetTests(ITestOutputHelper output) : TestKit.TestKit(new TestKitOptions { UseTestScheduler = true }, output)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void RetryLimit_Should_StopTheChildOnceItFailsMoreOftenThanAllowedWithinTheWindow()
    {
        var (child, hooks) = Child(new OneForOneStrategy(2, Window, _ => Directive.Restart));

        FailAndExpectRestart(child, hooks);
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        FailAndExpectRestart(child, hooks);
        Scheduler.Advance(TimeSpan.FromSeconds(29));

        EventFilter.Exception<InvalidOperationException>(contains: "restart budget spent").ExpectOne(() => child.Tell(new Fail(new InvalidOperationException("third"))));
        ExpectTerminated(child);
    }

    [Fact]
    public void RetryLimit_Should_StartAFreshWindowOnceTheOldOneHasPassed()
    {
        var (child, hooks) = Child(new OneForOneStrategy(2, Window, _ => Directive.Restart));

        FailAndExpectRestart(child, hooks);
        FailAndExpectRestart(child, hooks);
        Scheduler.Advance(Window + TimeSpan.FromSeconds(1));

        // The window the two restarts were counted in is over: two more are allowed.
        FailAndExpectRestart(child, hooks);
        FailAndExpectRestart(child, hooks);
        child.Tell(new Fail(new InvalidOperationException("fifth")));
        ExpectTerminated(child);
    }

    [Fact]
    public void RetryLimit_Should_CountForTheChildsWholeLifeWithoutAWindow()
    {
        var (child, hooks) = Child(new OneForOneStrategy(1, null, _ => Directive.Restart));

        FailAndExpectRestart(child, hooks);
        Scheduler.Advance(TimeSpan.FromDays(1));
        child.Tell(new Fail(new InvalidOperationException("second")));

        ExpectTerminated(child);
    }

    [Fact]
    public void RetryLimit_Should_BeSharedByAllChildrenUnderAllForOne()
    {
        var hooks = CreateTestProbe();
        var sup = Sys.ActorOf(Probed.Create("sup", hooks.Ref, new AllForOneStrategy(1, Window, _ => Directive.Restart)), "sup");
        sup.Tell(new Spawn(Probed.Create("a", hooks.Ref), "a"), TestActor);
        var a = ExpectMsg<IActorRef>();
        sup.Tell(new Spawn(Probed.Create("b", hooks.Ref), "b"), TestActor);
        var b = ExpectMsg<IActorRef>();
        Watch(a);
        Watch(b);

        a.Tell(new Fail(new InvalidOperationException("a fails")));
        var restarted = new HashSet<string>();
        hooks.FishForMessage<Hook>(h => h.Name == "postRestart" && restarted.Add(h.Actor) && restarted.Count == 2);
        b.Tell(new Fail(new InvalidOperationException("b fails")));

        ExpectMsgAllOf(new Terminated(a, true), new Terminated(b, true));
    }

    [Fact]
    public void ZeroRetries_Should_StopAtTheFirstFailure()
    {
        var (child, _) = Child(new OneForOneStrategy(0, Window, _ => Directive.Restart));

        child.Tell(new Fail(new InvalidOperationException("first")));

        ExpectTerminated(child);
    }

    private (IActorRef Child, TestProbe Hooks) Child(SupervisorStrategy strategy)
    {
        var hooks = CreateTestProbe();
        var sup = Sys.ActorOf(Probed.Create("sup", hooks.Ref, strategy), "sup");
        sup.Tell(new Spawn(Probed.Create("child", hooks.Ref), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        Watch(child);
        hooks.FishForMessage<Hook>(h => h is { Actor: "child", Name: "preStart" });
        return (child, hooks);
    }

    private static void FailAndExpectRestart(IActorRef child, TestProbe hooks)
    {
        child.Tell(new Fail(new InvalidOperationException("again")));

        // The restart is complete (and the supervisor's decision made) once the new instance has started.
        hooks.FishForMessage<Hook>(h => h is { Actor: "child", Name: "postRestart" });
        hooks.ExpectMsg(new Hook("child", "preStart"));
    }
}
