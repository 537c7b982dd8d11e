using ActorEcho.Actors.Supervision;
using ActorEcho.Actors.Tests.Support;
using ActorEcho.TestKit;
using Xunit.Abstractions;
using static ActorEcho.Actors.Tests.Support.Protocol;

namespace ActorEcho.Actors.Tests;

/// <summary>Each directive under one-for-one and all-for-one, escalation, and failures during creation.</summary>
public sealed class SupervisionTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    // A fresh exception each time: a thrown exception records its stack trace, and tests run in parallel.
    private static Exception Boom => new InvalidOperationException("boom");

    [Fact]
    public void OneForOne_Resume_Should_KeepStateOfFailedChildAndLeaveSiblingAlone()
    {
        var hooks = CreateTestProbe();
        var (_, a, b) = Family(new OneForOneStrategy(_ => Directive.Resume), hooks);
        a.Tell("inc");
        a.Tell("inc");
        b.Tell("inc");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => a.Tell(new Fail(Boom)));

        a.Tell("get", TestActor);
        ExpectMsg(2);
        b.Tell("get", TestActor);
        ExpectMsg(1);
        hooks.ExpectNoMsg(TimeSpan.FromMilliseconds(200), "resume runs no lifecycle hook");
    }

    [Fact]
    public void OneForOne_Restart_Should_ReplaceOnlyTheFailedChild()
    {
        var hooks = CreateTestProbe();
        var (_, a, b) = Family(new OneForOneStrategy(_ => Directive.Restart), hooks);
        a.Tell("inc");
        b.Tell("inc");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => a.Tell(new Fail(Boom)));

        ExpectRestartHooks(hooks, "a");
        a.Tell("get", TestActor);
        ExpectMsg(0, hint: "a fresh instance starts from its constructor");
        b.Tell("get", TestActor);
        ExpectMsg(1, hint: "the sibling is untouched under one-for-one");
        hooks.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void OneForOne_Stop_Should_StopOnlyTheFailedChildAndRunItsPostStop()
    {
        var hooks = CreateTestProbe();
        var (_, a, b) = Family(new OneForOneStrategy(_ => Directive.Stop), hooks);
        b.Tell("inc");
        Watch(a);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => a.Tell(new Fail(Boom)));

        ExpectTerminated(a);
        hooks.ExpectMsg(new Hook("a", "postStop"));
        b.Tell("get", TestActor);
        ExpectMsg(1);
    }

    [Fact]
    public void OneForOne_Escalate_Should_FailTheSupervisorWhoseParentRestartsIt()
    {
        var hooks = CreateTestProbe();
        var (sup, a, b) = Family(new OneForOneStrategy(_ => Directive.Escalate), hooks);
        Watch(a);
        Watch(b);

        a.Tell(new Fail(Boom));

        // The user guardian's default strategy restarts the supervisor, whose default PreRestart
        // stops its children; the escalated failure carries no message of the supervisor's own.
        hooks.FishForMessage<Hook>(h => h is { Actor: "sup", Name: "preRestart", Detail: "boom|" });
        ExpectMsgAllOf(new Terminated(a, true), new Terminated(b, true));
        hooks.FishForMessage<Hook>(h => h is { Actor: "sup", Name: "postRestart" });
        sup.Tell("children", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void AllForOne_Resume_Should_ResumeOnlyTheFailedChild()
    {
        var hooks = CreateTestProbe();
        var (_, a, b) = Family(new AllForOneStrategy(_ => Directive.Resume), hooks);
        a.Tell("inc");
        b.Tell("inc");
        b.Tell("inc");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => a.Tell(new Fail(Boom)));

        a.Tell("get", TestActor);
        ExpectMsg(1);
        b.Tell("get", TestActor);
        ExpectMsg(2);
        hooks.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void AllForOne_Restart_Should_RestartEveryChild()
    {
        var hooks = CreateTestProbe();
        var (_, a, b) = Family(new AllForOneStrategy(_ => Directive.Restart), hooks);
        a.Tell("inc");
        b.Tell("inc");

        // b's "inc" must be processed before the failure: a message still queued when the restart
        // happens is kept and reaches the new instance, which would then count 1, correctly.
        b.Tell("get", TestActor);
        ExpectMsg(1);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => a.Tell(new Fail(Boom)));

        // Both restart concurrently: collect each one's hooks, in order per actor.
        var seen = hooks.ReceiveN(10).Cast<Hook>().ToList();
        Assert.Equal(["preRestart", "postStop", "ctor", "postRestart", "preStart"], seen.Where(h => h.Actor == "a").Select(h => h.Name));
        Assert.Equal(["preRestart", "postStop", "ctor", "postRestart", "preStart"], seen.Where(h => h.Actor == "b").Select(h => h.Name));
        Assert.StartsWith("boom|", seen.First(h => h.Actor == "b").Detail, StringComparison.Ordinal);
        a.Tell("get", TestActor);
        ExpectMsg(0);
        b.Tell("get", TestActor);
        ExpectMsg(0, hint: "the healthy sibling is restarted too under all-for-one");
    }

    [Fact]
    public void AllForOne_Stop_Should_StopEveryChild()
    {
        var hooks = CreateTestProbe();
        var (sup, a, b) = Family(new AllForOneStrategy(_ => Directive.Stop), hooks);
        Watch(a);
        Watch(b);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => a.Tell(new Fail(Boom)));

        ExpectMsgAllOf(new Terminated(a, true), new Terminated(b, true));
        hooks.ExpectMsgAllOf(new Hook("a", "postStop"), new Hook("b", "postStop"));
        sup.Tell("children", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void AllForOne_Escalate_Should_FailTheSupervisorWhoseParentRestartsIt()
    {
        var hooks = CreateTestProbe();
        var (sup, a, b) = Family(new AllForOneStrategy(_ => Directive.Escalate), hooks);
        Watch(a);
        Watch(b);

        a.Tell(new Fail(Boom));

        hooks.FishForMessage<Hook>(h => h is { Actor: "sup", Name: "preRestart", Detail: "boom|" });
        ExpectMsgAllOf(new Terminated(a, true), new Terminated(b, true));
        hooks.FishForMessage<Hook>(h => h is { Actor: "sup", Name: "postRestart" });
        sup.Tell("children", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void Escalate_Should_TravelTwoLevelsToTheFirstSupervisorThatDecides()
    {
        var hooks = CreateTestProbe();
        var decisions = CreateTestProbe();
        var top = Sys.ActorOf(Probed.Create("top", hooks.Ref, new OneForOneStrategy(e =>
        {
            decisions.Ref.Tell(e.Message, null);
            return Directive.Restart;
        })), "top");
        var escalate = new OneForOneStrategy(_ => Directive.Escalate);
        var mid = Spawn(top, Probed.Create("mid", hooks.Ref, escalate), "mid");
        var low = Spawn(mid, Probed.Create("low", hooks.Ref, escalate), "low");
        var leaf = Spawn(low, Probed.Create("leaf", hooks.Ref), "leaf");
        top.Tell("inc");
        Watch(low);
        Watch(leaf);

        EventFilter.Exception<InvalidOperationException>(contains: "Escalate").Expect(2, () => leaf.Tell(new Fail(Boom)));

        decisions.ExpectMsg("boom", hint: "the top supervisor decides on the original exception");
        decisions.ExpectNoMsg(TimeSpan.FromMilliseconds(100), "one decision only: the levels below escalated");
        hooks.FishForMessage<Hook>(h => h is { Actor: "mid", Name: "preRestart", Detail: "boom|" });
        ExpectMsgAllOf(new Terminated(low, true), new Terminated(leaf, true));
        hooks.FishForMessage<Hook>(h => h is { Actor: "mid", Name: "postRestart" });
        top.Tell("get", TestActor);
        ExpectMsg(1, hint: "the deciding supervisor itself keeps running");
    }

    [Fact]
    public void EscalatedFailure_Should_ResumeTheWholeSubtreeWhenTheUpperSupervisorResumes()
    {
        var hooks = CreateTestProbe();
        var top = Sys.ActorOf(Probed.Create("top", hooks.Ref, new OneForOneStrategy(_ => Directive.Resume)), "top");
        var mid = Spawn(top, Probed.Create("mid", hooks.Ref, new OneForOneStrategy(_ => Directive.Escalate)), "mid");
        var failing = Spawn(mid, Probed.Create("failing", hooks.Ref), "failing");
        var sibling = Spawn(mid, Probed.Create("sibling", hooks.Ref), "sibling");
        mid.Tell("inc");
        failing.Tell("inc");
        sibling.Tell("inc");
        hooks.ReceiveN(8, hint: "constructor and PreStart of the four actors");

        EventFilter.Exception<InvalidOperationException>(contains: "Resume").ExpectOne(() => failing.Tell(new Fail(Boom)));

        // Every actor of the subtree was suspended (the failing one by its failure, the others by
        // the escalation) and must run again, with its state.
        foreach (var actor in new[] { mid, failing, sibling })
        {
            actor.Tell("get", TestActor);
            ExpectMsg(1, hint: $"{actor.Path.Name} resumes with its state");
        }

        hooks.ExpectNoMsg(TimeSpan.FromMilliseconds(100), "nothing was restarted");
    }

    [Fact]
    public void AllForOne_Restart_Should_GiveAHeldSiblingAWorkingNewInstance()
    {
        var hooks = CreateTestProbe();
        var sup = Sys.ActorOf(Probed.Create("sup", hooks.Ref, new AllForOneStrategy(_ => Directive.Restart)), "sup");
        var failing = Spawn(sup, Probed.Create("failing", hooks.Ref), "failing");
        var instances = new InstanceCounter();
        var held = Spawn(sup, Props.Create(() => new HeldUntilReleased(TestActor, instances)), "held");
        var never = new TaskCompletionSource();
        held.Tell(never.Task, TestActor);
        ExpectMsg("holding");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => failing.Tell(new Fail(Boom)));

        // The old instance's task never completes; the new instance must not wait for it.
        held.Tell("ping", TestActor);
        ExpectMsg("pong from instance 2");
    }

    [Fact]
    public void Restart_Should_StopTheActorWhenTheNewInstanceConstructorThrows()
    {
        var instances = new InstanceCounter();
        var actor = Sys.ActorOf(Props.Create(() => new ThrowsOnSecondConstruction(instances)), "flaky");
        Watch(actor);
        actor.Tell("ping", TestActor);
        ExpectMsg("pong");

        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => actor.Tell(new Fail(Boom)));

        ExpectTerminated(actor);
        Assert.Equal(2, instances.Count);
    }

    [Fact]
    public void PreStartFailure_Should_StopTheActorWithActorInitializationException()
    {
        var hooks = CreateTestProbe();
        IActorRef actor = null!;
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() =>
        {
            actor = Sys.ActorOf(Props.Create(() => new ThrowsInPreStart(hooks.Ref)), "bad-start");
            Watch(actor);
        });

        ExpectTerminated(actor);
        actor.Tell("hello", TestActor);
        hooks.ExpectNoMsg(TimeSpan.FromMilliseconds(100), "no instance handles messages after a failed start");
    }

    [Fact]
    public void PreStartFailure_Should_CreateAFreshInstanceWhenTheStrategyRestarts()
    {
        var hooks = CreateTestProbe();
        var instances = new InstanceCounter();
        var sup = Sys.ActorOf(Probed.Create("sup", hooks.Ref, new OneForOneStrategy(_ => Directive.Restart)), "sup");
        var child = Spawn(sup, Props.Create(() => new ThrowsInFirstPreStart(instances)), "child");

        child.Tell("ping", TestActor);

        ExpectMsg("pong");
        Assert.Equal(2, instances.Count);
    }

    [Fact]
    public void Supervisor_Should_LogFailureWithExceptionChildPathAndDirective()
    {
        var hooks = CreateTestProbe();
        var (_, a, _) = Family(new OneForOneStrategy(e => e is ArgumentException ? Directive.Resume : Directive.Restart), hooks);
        var path = a.Path.ToString();

        EventFilter.Custom(e => e.EventId.Id == 1000 && e.Level == Microsoft.Extensions.Logging.LogLevel.Error
                && e.Exception is InvalidOperationException && e.Message.Contains(path, StringComparison.Ordinal)
                && e.Message.Contains("Restart", StringComparison.Ordinal))
            .ExpectOne(() => a.Tell(new Fail(Boom)));
        EventFilter.Custom(e => e.EventId.Id == 1001 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
                && e.Exception is ArgumentException && e.Message.Contains("Resume", StringComparison.Ordinal))
            .ExpectOne(() => a.Tell(new Fail(new ArgumentException("bad"))));
    }

    [Fact]
    public void Strategy_Should_NotLogWhenLoggingIsDisabled()
    {
        var hooks = CreateTestProbe();
        var (_, a, _) = Family(new OneForOneStrategy(null, null, _ => Directive.Restart, loggingEnabled: false), hooks);

        EventFilter.Exception<InvalidOperationException>().Expect(0, () =>
        {
            a.Tell(new Fail(Boom));
            ExpectRestartHooks(hooks, "a");
        });
    }

    private (IActorRef Supervisor, IActorRef A, IActorRef B) Family(SupervisorStrategy strategy, TestProbe hooks)
    {
        var sup = Sys.ActorOf(Probed.Create("sup", hooks.Ref, strategy), "sup");
        var a = Spawn(sup, Probed.Create("a", hooks.Ref), "a");
        var b = Spawn(sup, Probed.Create("b", hooks.Ref), "b");
        hooks.ExpectMsgAllOf(
            new Hook("sup", "ctor"), new Hook("sup", "preStart"),
            new Hook("a", "ctor"), new Hook("a", "preStart"),
            new Hook("b", "ctor"), new Hook("b", "preStart"));
        return (sup, a, b);
    }

    private IActorRef Spawn(IActorRef parent, Props props, string name)
    {
        parent.Tell(new Spawn(props, name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    private static void ExpectRestartHooks(TestProbe hooks, string name)
    {
        hooks.ExpectMsg<Hook>(h => h.Actor == name && h.Name == "preRestart");
        hooks.ExpectMsg(new Hook(name, "postStop"));
        hooks.ExpectMsg(new Hook(name, "ctor"));
        hooks.ExpectMsg<Hook>(h => h.Actor == name && h.Name == "postRestart");
        hooks.ExpectMsg(new Hook(name, "preStart"));
    }

    private sealed class HeldUntilReleased : ReceiveActor
    {
        public HeldUntilReleased(IActorRef probe, InstanceCounter instances)
        {
            var instance = instances.Next();
            ReceiveAsync<Task>(async gate =>
            {
                probe.Tell("holding");
                await gate;
                probe.Tell($"released instance {instance}");
            });
            Receive<string>(_ => Sender.Tell($"pong from instance {instance}"));
        }
    }

    private sealed class ThrowsOnSecondConstruction : ReceiveActor
    {
        public ThrowsOnSecondConstruction(InstanceCounter instances)
        {
            if (instances.Next() > 1)
            {
                throw new InvalidOperationException("constructor fails after restart");
            }

            Receive<string>(_ => Sender.Tell("pong"));
            Receive<Fail>(f => throw f.Cause);
        }
    }

    private sealed class ThrowsInPreStart(IActorRef probe) : UntypedActor
    {
        protected override void PreStart() => throw new InvalidOperationException("PreStart fails");

        protected override void OnReceive(object message) => probe.Tell(message);
    }

    private sealed class ThrowsInFirstPreStart : ReceiveActor
    {
        private readonly int _instance;

        public ThrowsInFirstPreStart(InstanceCounter instances)
        {
            _instance = instances.Next();
            Receive<string>(_ => Sender.Tell("pong"));
        }

        protected override void PreStart()
        {
            if (_instance == 1)
            {
                throw new InvalidOperationException("first PreStart fails");
            }
        }
    }
}
