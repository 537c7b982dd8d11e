using ActorEcho.Actors.Supervision;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Hooks and deciders that throw must not break the lifecycle around them.</summary>
public sealed class HookFailureTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void ThrowingPostStop_Should_StillStopTheActorAndNotifyWatchers()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Throwing(TestActor, "PostStop")), "throws-in-poststop");
        Watch(actor);

        EventFilter.Exception<InvalidOperationException>(contains: "PostStop").ExpectOne(() => Sys.Stop(actor));

        ExpectTerminated(actor);
    }

    [Fact]
    public void ThrowingPreRestart_Should_StillRestartTheActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Throwing(TestActor, "PreRestart")), "throws-in-prerestart");
        actor.Tell("get", TestActor);
        ExpectMsg(0);
        actor.Tell("inc");

        EventFilter.Exception<InvalidOperationException>(contains: "PreRestart").ExpectOne(() => actor.Tell("fail"));

        actor.Tell("get", TestActor);
        ExpectMsg(0, hint: "a new instance, despite the old one's PreRestart throwing");
    }

    [Fact]
    public void ThrowingDecider_Should_EscalateTheFailure()
    {
        var hooks = CreateTestProbe();
        var strategy = new OneForOneStrategy(_ => throw new NotSupportedException("decider broke"));
        var parent = Sys.ActorOf(Props.Create(() => new Parent(strategy, hooks.Ref)), "parent");
        parent.Tell("spawn", TestActor);
        var child = ExpectMsg<IActorRef>();
        Watch(child);

        child.Tell("fail");

        // Escalated to the user guardian, which restarts the parent; the parent's restart stops the child.
        ExpectTerminated(child);
        hooks.FishForMessage<string>(s => s == "parent restarted");
    }

    private sealed class Throwing : ReceiveActor
    {
        private readonly string _hook;
        private int _count;

        public Throwing(IActorRef probe, string hook)
        {
            _hook = hook;
            Receive<string>(s => s == "inc", _ => _count++);
            Receive<string>(s => s == "get", _ => Sender.Tell(_count));
            Receive<string>(s => s == "fail", _ => throw new ArgumentException("handler failed"));
            ReceiveAny(m => probe.Tell(m));
        }

        protected override void PostStop()
        {
            if (_hook == "PostStop")
            {
                throw new InvalidOperationException("PostStop failed");
            }
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            if (_hook == "PreRestart")
            {
                throw new InvalidOperationException("PreRestart failed");
            }

            base.PreRestart(reason, message);
        }
    }

    private sealed class Parent : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;
        private readonly IActorRef _probe;

        public Parent(SupervisorStrategy strategy, IActorRef probe)
        {
            _strategy = strategy;
            _probe = probe;
            Receive<string>(s => s == "spawn", _ => Sender.Tell(Context.ActorOf(Props.Create(() => new Throwing(probe, "none")), "child")));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;

        protected override void PostRestart(Exception reason) => _probe.Tell("parent restarted");
    }
}
