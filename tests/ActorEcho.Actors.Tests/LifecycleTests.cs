using System.Collections.Concurrent;
using ActorEcho.Actors.Tests.Support;
using Xunit.Abstractions;
using static ActorEcho.Actors.Tests.Support.Protocol;

namespace ActorEcho.Actors.Tests;

/// <summary>Hook order, restart effects on children and mailbox, PoisonPill, Kill, GracefulStop and system termination.</summary>
public sealed class LifecycleTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    // A fresh exception each time: a thrown exception records its stack trace, and tests run in parallel.
    private static Exception Boom => new InvalidOperationException("boom");

    [Fact]
    public void Restart_Should_RunHooksInAkkaOrder()
    {
        var hooks = CreateTestProbe();
        var actor = Sys.ActorOf(Probed.Create("x", hooks.Ref), "x");
        hooks.ExpectMsg(new Hook("x", "ctor"));
        hooks.ExpectMsg(new Hook("x", "preStart"));
        actor.Tell(new Fail(Boom));

        hooks.ExpectMsg(new Hook("x", "preRestart", "boom|Fail"), hint: "PreRestart of the old instance gets the cause and the failing message");
        hooks.ExpectMsg(new Hook("x", "postStop"), hint: "the default PreRestart calls PostStop");
        hooks.ExpectMsg(new Hook("x", "ctor"));
        hooks.ExpectMsg(new Hook("x", "postRestart", "boom"));
        hooks.ExpectMsg(new Hook("x", "preStart"), hint: "the default PostRestart calls PreStart");
        hooks.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Restart_Should_StopChildrenBeforeTheNewInstanceIsCreated()
    {
        var hooks = CreateTestProbe();
        var parent = Sys.ActorOf(Probed.Create("parent", hooks.Ref), "parent");
        parent.Tell(new Spawn(Probed.Create("child", hooks.Ref), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        hooks.ExpectMsgAllOf(new Hook("parent", "ctor"), new Hook("parent", "preStart"), new Hook("child", "ctor"), new Hook("child", "preStart"));
        Watch(child);

        parent.Tell(new Fail(Boom));

        ExpectTerminated(child);
        var order = hooks.ReceiveN(6).Cast<Hook>().Select(h => $"{h.Actor}.{h.Name}").ToList();
        Assert.Equal(["parent.preRestart", "parent.postStop", "child.postStop", "parent.ctor", "parent.postRestart", "parent.preStart"], order);
        parent.Tell("children", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void Restart_Should_KeepQueuedMessagesForTheNewInstance()
    {
        var hooks = CreateTestProbe();
        var instances = new InstanceCounter();
        var actor = Sys.ActorOf(Probed.Create("x", hooks.Ref, instances: instances), "x");

        // Sent in one burst: they queue behind the failing message and survive the restart.
        actor.Tell(new Fail(Boom));
        actor.Tell("m1");
        actor.Tell("m2");
        actor.Tell("m3");

        var seen = new[] { hooks.FishUntilMessage<Seen>(), hooks.FishUntilMessage<Seen>(), hooks.FishUntilMessage<Seen>() };

        Assert.Equal(["m1", "m2", "m3"], seen.Select(s => (string)s.Message));
        Assert.All(seen, s => Assert.Equal(2, s.Instance));
    }

    [Fact]
    public void Restart_Should_LetTheNewInstanceRecreateChildrenUnderTheSameNames()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentWithNamedChild(TestActor)), "parent");
        ExpectMsg<IActorRef>();

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => parent.Tell("crash"));

        var child = ExpectMsg<IActorRef>(hint: "the new instance's constructor created its child again, under the same name");
        Assert.Equal("worker", child.Path.Name);
        parent.Tell("ping", TestActor);
        ExpectMsg("pong");
    }

    [Fact]
    public void Forward_Should_KeepTheOriginalSender()
    {
        var target = Sys.ActorOf(Probed.Create("target", CreateTestProbe().Ref), "target");
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(target)), "forwarder");

        forwarder.Tell("get", TestActor);

        ExpectMsgFrom(target, 0);
    }

    [Fact]
    public void PoisonPill_Should_StopAfterEarlierMessagesAndDeadLetterLaterOnes()
    {
        var hooks = CreateTestProbe();
        var actor = Sys.ActorOf(Probed.Create("x", hooks.Ref), "x");
        hooks.ExpectMsg(new Hook("x", "ctor"));
        hooks.ExpectMsg(new Hook("x", "preStart"));
        Watch(actor);

        EventFilter.DeadLetter<string>(m => m == "after").ExpectOne(() =>
        {
            actor.Tell("before");
            actor.Tell(PoisonPill.Instance);
            actor.Tell("after");
            ExpectTerminated(actor);
        });

        hooks.ExpectMsg(new Seen("x", "before", 0));
        hooks.ExpectMsg(new Hook("x", "postStop"));
        hooks.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Kill_Should_FailTheActorWithActorKilledExceptionWhichStopsIt()
    {
        var hooks = CreateTestProbe();
        var actor = Sys.ActorOf(Probed.Create("x", hooks.Ref), "x");
        hooks.ExpectMsg(new Hook("x", "ctor"));
        hooks.ExpectMsg(new Hook("x", "preStart"));
        Watch(actor);

        EventFilter.Exception<ActorKilledException>(contains: "Stop").ExpectOne(() =>
        {
            actor.Tell("before");
            actor.Tell(Kill.Instance);
        });

        ExpectTerminated(actor);
        hooks.ExpectMsg(new Seen("x", "before", 0));
        hooks.ExpectMsg(new Hook("x", "postStop"));
    }

    [Fact]
    public void PoisonPill_Should_NotBeReportedAsAFailure()
    {
        var actor = Sys.ActorOf(Probed.Create("x", CreateTestProbe().Ref), "x");
        Watch(actor);

        EventFilter.Error().Expect(0, () =>
        {
            actor.Tell(PoisonPill.Instance);
            ExpectTerminated(actor);
        });
    }

    [Fact]
    public async Task GracefulStop_Should_ReturnTrueOnceTheActorHasStopped()
    {
        var hooks = CreateTestProbe();
        var actor = Sys.ActorOf(Probed.Create("x", hooks.Ref), "x");

        var stopped = await actor.GracefulStop(TimeSpan.FromSeconds(3));

        Assert.True(stopped);
        await hooks.FishForMessageAsync<Hook>(h => h.Name == "postStop");
    }

    [Fact]
    public async Task GracefulStop_Should_ReturnTrueForAnAlreadyStoppedActor()
    {
        var actor = Sys.ActorOf(Probed.Create("x", CreateTestProbe().Ref), "x");
        await WatchAsync(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task GracefulStop_Should_ReturnFalseWhenTheActorDoesNotStopInTime()
    {
        var hooks = CreateTestProbe();
        var actor = Sys.ActorOf(Probed.Create("x", hooks.Ref), "x");

        // The actor just reports the stop message instead of stopping.
        var stopped = await actor.GracefulStop(TimeSpan.FromMilliseconds(200), "please-stop");

        Assert.False(stopped);
        await hooks.FishUntilMessageAsync<Seen>(s => Equals(s.Message, "please-stop"));
        actor.Tell("still-alive");
        await hooks.ExpectMsgAsync(new Seen("x", "still-alive", 0));
    }

    [Fact]
    public void Stop_Should_StopChildrenBeforeTheParentsPostStop()
    {
        var hooks = CreateTestProbe();
        var parent = Sys.ActorOf(Probed.Create("parent", hooks.Ref), "parent");
        parent.Tell(new Spawn(Probed.Create("child", hooks.Ref), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        child.Tell(new Spawn(Probed.Create("grandchild", hooks.Ref), "grandchild"), TestActor);
        ExpectMsg<IActorRef>();
        hooks.ReceiveN(6);
        Watch(parent);

        Sys.Stop(parent);

        ExpectTerminated(parent);
        var order = hooks.ReceiveN(3).Cast<Hook>().Select(h => $"{h.Actor}.{h.Name}").ToList();
        Assert.Equal(["grandchild.postStop", "child.postStop", "parent.postStop"], order);
    }

    [Fact]
    public void Stop_Should_NotWaitForeverWhenTheActorIsStoppedDuringARestartThatWaitsForChildren()
    {
        using var release = new ManualResetEventSlim(false);
        var hooks = CreateTestProbe();
        var parent = Sys.ActorOf(Probed.Create("parent", hooks.Ref), "parent");
        parent.Tell(new Spawn(Props.Create(() => new SlowToStop(release, hooks.Ref)), "slow"), TestActor);
        ExpectMsg<IActorRef>();
        hooks.FishUntilMessage<string>(s => s == "slow-started");
        Watch(parent);

        // The restart stops the child, whose PostStop blocks until released; the parent is
        // stopped while its restart waits for that child.
        parent.Tell(new Fail(Boom));
        hooks.FishUntilMessage<string>(s => s == "slow-stopping");
        Sys.Stop(parent);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        release.Set();

        ExpectTerminated(parent);
    }

    [Fact]
    public async Task Terminate_Should_StopUserActorsBeforeSystemActorsAndCompleteWhenTerminated()
    {
        var events = new ConcurrentQueue<string>();
        var user = Sys.ActorOf(Props.Create(() => new Recorder("user", events, null)), "worker");
        var service = Sys.SystemActorOf(Props.Create(() => new Recorder("service", events, user)), "service");
        service.Tell("ready?", TestActor);
        await ExpectMsgAsync("ready");

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);

        // User actors stop before system actors. Whether the service also handles its Terminated
        // for the user actor is a race, as in Akka: the DeathWatchNotification and the service's
        // own stop are both system messages, and if the stop is already queued when the service
        // runs, it stops before the queued Terminated reaches its behaviour.
        var order = events.Where(e => e != "service.saw-user-terminated").ToList();
        Assert.Equal(["user.postStop", "service.postStop"], order);
        Assert.True(events.Count(e => e == "service.saw-user-terminated") <= 1);
    }

    private sealed class ParentWithNamedChild : ReceiveActor
    {
        public ParentWithNamedChild(IActorRef probe)
        {
            probe.Tell(Context.ActorOf(Probed.Create("worker", ActorRefs.Nobody), "worker"));
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }

    private sealed class SlowToStop : ReceiveActor
    {
        private readonly ManualResetEventSlim _release;
        private readonly IActorRef _probe;

        public SlowToStop(ManualResetEventSlim release, IActorRef probe)
        {
            _release = release;
            _probe = probe;
            ReceiveAny(_ => { });
        }

        protected override void PreStart() => _probe.Tell("slow-started");

        protected override void PostStop()
        {
            _probe.Tell("slow-stopping");

            // Blocks on an event the test sets (bounded), to hold the parent's restart open.
            _release.Wait(TimeSpan.FromSeconds(10));
        }
    }

    private sealed class Recorder : ReceiveActor
    {
        private readonly string _name;
        private readonly ConcurrentQueue<string> _events;

        public Recorder(string name, ConcurrentQueue<string> events, IActorRef? watch)
        {
            _name = name;
            _events = events;
            if (watch is not null)
            {
                Context.Watch(watch);
            }

            Receive<Terminated>(_ => _events.Enqueue($"{_name}.saw-user-terminated"));
            Receive<string>(_ => Sender.Tell("ready"));
        }

        protected override void PostStop() => _events.Enqueue($"{_name}.postStop");
    }
}
