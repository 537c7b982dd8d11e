using ActorEcho.Actors.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Watch, Unwatch, Terminated and the death pact.</summary>
public sealed class DeathWatchTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void Watch_Should_DeliverTerminatedWhenALiveTargetStops()
    {
        var target = Sys.ActorOf(Probed.Create("target", CreateTestProbe().Ref), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");

        Sys.Stop(target);

        var terminated = ExpectMsg<SawTerminated>();
        Assert.Same(target, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Watch_Should_DeliverTerminatedAtOnceForATargetThatIsAlreadyDead()
    {
        var target = Sys.ActorOf(Probed.Create("target", CreateTestProbe().Ref), "target");
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);

        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target));

        ExpectMsg("watching");
        var terminated = ExpectMsg<SawTerminated>();
        Assert.Same(target, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed, "the watch began after the death");
    }

    [Fact]
    public void Watch_Should_DeliverOneTerminatedWhenWatchedTwice()
    {
        var target = Sys.ActorOf(Probed.Create("target", CreateTestProbe().Ref), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        ExpectMsg("watching");

        Sys.Stop(target);

        ExpectMsg<SawTerminated>();
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Unwatch_Should_PreventTerminatedForALiveTarget()
    {
        var target = Sys.ActorOf(Probed.Create("target", CreateTestProbe().Ref), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        watcher.Tell(new UnwatchIt(target));
        ExpectMsg("unwatched");
        Watch(target);

        Sys.Stop(target);

        ExpectTerminated(target);
        watcher.Tell("ping", TestActor);
        ExpectMsg("pong", hint: "no Terminated reached the watcher (it would have been forwarded first)");
    }

    [Fact]
    public void Unwatch_Should_DropATerminatedThatIsAlreadyQueued()
    {
        var actor = Sys.ActorOf(Props.Create(() => new UnwatchAfterDeath(TestActor)), "unwatcher");

        actor.Tell("go", TestActor);

        ExpectMsg("unwatched-after-death");
        actor.Tell("ping", TestActor);
        ExpectMsg("pong", hint: "the Terminated queued before Unwatch must be dropped, not delivered");
    }

    [Fact]
    public void UnhandledTerminated_Should_FailTheWatcherWithDeathPactException()
    {
        var target = Sys.ActorOf(Probed.Create("target", CreateTestProbe().Ref), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new NoTerminatedHandler(target)), "pact");
        watcher.Tell("ready?", TestActor);
        ExpectMsg("ready");
        Watch(watcher);

        EventFilter.Exception<DeathPactException>(contains: "Stop").ExpectOne(() => Sys.Stop(target));

        ExpectTerminated(watcher);
    }

    [Fact]
    public void Parent_Should_GetTerminatedForAWatchedChildOnly()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(TestActor)), "parent");
        parent.Tell("spawn");
        var (watched, unwatched) = ExpectMsg<(IActorRef, IActorRef)>();

        Sys.Stop(unwatched);
        Sys.Stop(watched);

        var terminated = ExpectMsg<SawTerminated>();
        Assert.Same(watched, terminated.ActorRef);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ChildName_Should_BeReusableOnceTheParentHasSeenTheChildDie()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(TestActor)), "parent");
        parent.Tell("spawn");
        var (watched, _) = ExpectMsg<(IActorRef, IActorRef)>();
        Sys.Stop(watched);
        ExpectMsg<SawTerminated>();

        parent.Tell("respawn-watched");

        var again = ExpectMsg<IActorRef>();
        Assert.Equal(watched.Path, again.Path);
        Assert.NotSame(watched, again);
    }

    private sealed record WatchIt(IActorRef Target);

    /// <summary>
    /// What watchers forward: a Terminated itself cannot be forwarded, since the kernel (as Akka)
    /// delivers a Terminated only to an actor that has it queued from its own watch.
    /// </summary>
    private sealed record SawTerminated(IActorRef ActorRef, bool ExistenceConfirmed);

    private sealed record UnwatchIt(IActorRef Target);

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<WatchIt>(w =>
            {
                Context.Watch(w.Target);
                probe.Tell("watching");
            });
            Receive<UnwatchIt>(w =>
            {
                Context.Unwatch(w.Target);
                probe.Tell("unwatched");
            });
            Receive<Terminated>(t => probe.Tell(new SawTerminated(t.ActorRef, t.ExistenceConfirmed)));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }
    }

    /// <summary>
    /// Watches its child, makes it stop itself, and (holding its mailbox with an async handler)
    /// waits until the death notification has been processed — the Terminated is then queued —
    /// before unwatching. A Terminated that still arrives is forwarded to the probe.
    /// </summary>
    private sealed class UnwatchAfterDeath : ReceiveActor
    {
        public UnwatchAfterDeath(IActorRef probe)
        {
            ReceiveAsync<string>(
                async _ =>
                {
                    var child = Context.ActorOf(Props.Create(() => new Watcher(probe)), "child");
                    Context.Watch(child);
                    child.Tell(PoisonPill.Instance);

                    // A child that stopped itself stays in Children until the parent has processed its
                    // death notification; each Yield is one trip through the actor's system queue.
                    for (var i = 0; Context.Child("child") is not null; i++)
                    {
                        Assert.True(i < 1_000_000, "the child's death notification never arrived");
                        await Task.Yield();
                    }

                    Context.Unwatch(child);
                    probe.Tell("unwatched-after-death");
                },
                s => s == "go");
            Receive<Terminated>(t => probe.Tell(new SawTerminated(t.ActorRef, t.ExistenceConfirmed)));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }
    }

    private sealed class NoTerminatedHandler : ReceiveActor
    {
        public NoTerminatedHandler(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender.Tell("ready"));
        }
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent(IActorRef probe)
        {
            Receive<string>(s => s == "spawn", _ =>
            {
                var watched = Context.Watch(Context.ActorOf(Props.Create(() => new Watcher(probe)), "watched"));
                var unwatched = Context.ActorOf(Props.Create(() => new Watcher(probe)), "unwatched");
                probe.Tell((watched, unwatched));
            });
            Receive<string>(s => s == "respawn-watched", _ => probe.Tell(Context.ActorOf(Props.Create(() => new Watcher(probe)), "watched")));
            Receive<Terminated>(t => probe.Tell(new SawTerminated(t.ActorRef, t.ExistenceConfirmed)));
        }
    }
}
