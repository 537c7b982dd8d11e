using ActorEcho.Actors.Events;
using ActorEcho.Actors.Stashing;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Become, BecomeStacked/UnbecomeStacked, unhandled messages and the stash.</summary>
public sealed class BehaviorTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void Become_Should_ReplaceTheBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switch()), "switch");

        actor.Tell("state", TestActor);
        ExpectMsg("off");
        actor.Tell("toggle");
        actor.Tell("state", TestActor);
        ExpectMsg("on");
        actor.Tell("toggle");
        actor.Tell("state", TestActor);
        ExpectMsg("off");
    }

    [Fact]
    public void BecomeStacked_Should_PushAndUnbecomeStackedShouldPop()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Stacker()), "stacker");

        actor.Tell("push", TestActor);
        actor.Tell("push", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg(2);
        actor.Tell("pop", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg(1);
        actor.Tell("pop", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg(0);
        actor.Tell("pop", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg(0, hint: "popping the initial behaviour is a no-op");
    }

    [Fact]
    public void Become_Should_WorkInTheConstructor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StartsConnecting()), "fsm");

        actor.Tell("state", TestActor);
        ExpectMsg("connecting", hint: "Become in the constructor picks the first behaviour");
        actor.Tell("connected");
        actor.Tell("state", TestActor);
        ExpectMsg("connected");
    }

    [Fact]
    public void BecomeStacked_Should_WorkInTheConstructorAndUnbecomeToTheInitialBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StartsStacked()), "stacked");

        actor.Tell("state", TestActor);
        ExpectMsg("pushed");
        actor.Tell("pop");
        actor.Tell("state", TestActor);
        ExpectMsg("initial");
    }

    [Fact]
    public void Restart_Should_ReturnToTheInitialBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switch()), "switch");
        actor.Tell("toggle");
        actor.Tell("state", TestActor);
        ExpectMsg("on");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell("crash"));

        actor.Tell("state", TestActor);
        ExpectMsg("off");
    }

    [Fact]
    public void UnhandledMessage_Should_BePublishedOnTheEventStream()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new Switch()), "switch");

        actor.Tell(42, TestActor);

        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Same(actor, unhandled.Recipient);
        Assert.Same(TestActor, unhandled.Sender);
    }

    [Fact]
    public void Stash_Should_KeepOrderAcrossBecome()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()), "gate");

        foreach (var m in new[] { "m1", "m2", "m3" })
        {
            actor.Tell(m, TestActor);
        }

        actor.Tell("open", TestActor);
        actor.Tell("m4", TestActor);
        actor.Tell("m5", TestActor);

        ExpectMsg("opened");
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], ReceiveN(5).Cast<string>());
    }

    [Fact]
    public void Unstash_Should_ReplayOnlyTheOldestAndClearStashShouldDropTheRest()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Picky()), "picky");
        foreach (var m in new[] { "m1", "m2", "m3" })
        {
            actor.Tell(m, TestActor);
        }

        actor.Tell("unstash-one", TestActor);
        ExpectMsg("stashed 3");
        ExpectMsg("replayed m1");
        actor.Tell("clear", TestActor);

        ExpectMsg("cleared m2,m3");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Stash_Should_KeepTheOriginalSender()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()), "gate");
        var probe = CreateTestProbe();

        actor.Tell("from-probe", probe.Ref);
        actor.Tell("open", TestActor);

        ExpectMsg("opened");
        probe.ExpectMsgFrom(actor, "from-probe");
    }

    [Fact]
    public void Stash_Should_GoBackToTheMailboxOnRestart()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()), "gate");
        actor.Tell("m1", TestActor);
        actor.Tell("m2", TestActor);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell("crash"));
        actor.Tell("open", TestActor);

        ExpectMsg("opened");
        Assert.Equal(["m1", "m2"], ReceiveN(2).Cast<string>());
    }

    [Fact]
    public void Stash_Should_SendStashedMessagesToDeadLettersOnStop()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()), "gate");
        actor.Tell("m1", TestActor);
        Watch(actor);

        EventFilter.DeadLetter<string>(m => m == "m1").ExpectOne(() =>
        {
            actor.Tell(PoisonPill.Instance);
            ExpectTerminated(actor);
        });
    }

    [Fact]
    public void Stash_Should_FailTheActorWhenOverCapacity()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()), "gate");
        var capacity = Sys.Settings.StashCapacity;
        Assert.InRange(capacity, 1, 100_000);

        EventFilter.Exception<StashOverflowException>().ExpectOne(() =>
        {
            for (var i = 0; i <= capacity; i++)
            {
                actor.Tell("m");
            }
        });
    }

    private sealed class Switch : ReceiveActor
    {
        public Switch() => Off();

        private void Off()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("off"));
            Receive<string>(s => s == "toggle", _ => Become(On));
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
        }

        private void On()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("on"));
            Receive<string>(s => s == "toggle", _ => Become(Off));
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
        }
    }

    private sealed class Stacker : ReceiveActor
    {
        public Stacker() => Level(0);

        private void Level(int depth)
        {
            Receive<string>(s => s == "depth", _ => Sender.Tell(depth));
            Receive<string>(s => s == "push", _ => BecomeStacked(() => Level(depth + 1)));
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
        }
    }

    private sealed class StartsConnecting : ReceiveActor
    {
        public StartsConnecting()
        {
            Receive<string>(_ => Sender.Tell("initial"));
            Become(Connecting);
        }

        private void Connecting()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("connecting"));
            Receive<string>(s => s == "connected", _ => Become(Connected));
        }

        private void Connected() => Receive<string>(s => s == "state", _ => Sender.Tell("connected"));
    }

    private sealed class StartsStacked : ReceiveActor
    {
        public StartsStacked()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("initial"));
            BecomeStacked(() =>
            {
                Receive<string>(s => s == "state", _ => Sender.Tell("pushed"));
                Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            });
        }
    }

    /// <summary>Stashes plain messages; replays one on "unstash-one"; reports and drops the rest on "clear".</summary>
    private sealed class Picky : ReceiveActor, IWithStash
    {
        private bool _replaying;

        public Picky()
        {
            Receive<string>(s => s == "unstash-one", _ =>
            {
                Sender.Tell($"stashed {Stash.Count}");
                _replaying = true;
                Stash.Unstash();
            });
            Receive<string>(s => s == "clear", _ => Sender.Tell("cleared " + string.Join(",", Stash.ClearStash())));
            Receive<string>(s =>
            {
                if (_replaying)
                {
                    _replaying = false;
                    Sender.Tell($"replayed {s}");
                }
                else
                {
                    Stash.Stash();
                }
            });
        }

        public IStash Stash { get; set; } = null!;
    }

    /// <summary>Stashes everything until "open", then replays it and echoes what follows.</summary>
    private sealed class Gate : ReceiveActor, IWithStash
    {
        public Gate() => Closed();

        public IStash Stash { get; set; } = null!;

        private void Closed()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Sender.Tell("opened");
                Become(Open);
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
            Receive<string>(_ => Stash.Stash());
        }

        private void Open() => Receive<string>(s => Sender.Tell(s));
    }
}
