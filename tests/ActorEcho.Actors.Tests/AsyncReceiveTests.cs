using ActorEcho.Actors.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>ReceiveAsync: the mailbox is held until the task completes, and continuations run inside the actor.</summary>
public sealed class AsyncReceiveTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void ReceiveAsync_Should_HoldTheMailboxUntilTheTaskCompletes()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(TestActor)), "worker");
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var gate = new TaskCompletionSource();

        actor.Tell(new Work(1, gate.Task), first.Ref);
        actor.Tell(new Work(2, null), second.Ref);

        ExpectMsg("start 1");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200), "the second message waits for the first task");
        gate.SetResult();

        // Replied from the continuation: Sender is still the first message's sender, and the
        // implicit sender is the actor, i.e. the continuation ran inside it.
        first.ExpectMsgFrom(actor, "done 1");
        ExpectMsg("start 2");
        second.ExpectMsgFrom(actor, "done 2");
        actor.Tell("overlaps?", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void ReceiveAsync_Should_RunEveryContinuationInsideTheActorWithTheRightSender()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(TestActor)), "worker");
        var senders = Enumerable.Range(0, 4).Select(_ => CreateTestProbe()).ToList();

        for (var i = 0; i < senders.Count; i++)
        {
            actor.Tell(new Hops(i, 20), senders[i].Ref);
        }

        for (var i = 0; i < senders.Count; i++)
        {
            senders[i].ExpectMsgFrom(actor, $"hopped {i}", TimeSpan.FromSeconds(5));
        }

        actor.Tell("overlaps?", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void ReceiveAsync_Should_FailTheActorWhenTheTaskFaultsAndBeRestarted()
    {
        var instances = new InstanceCounter();
        var actor = Sys.ActorOf(Props.Create(() => new Faulty(instances)), "faulty");

        EventFilter.Exception<InvalidOperationException>(contains: "Restart").ExpectOne(() => actor.Tell("fail-after-await"));

        actor.Tell("instance?", TestActor);
        ExpectMsg(2);
    }

    [Fact]
    public void ReceiveAsync_Should_FailTheActorWhenTheHandlerThrowsBeforeAwaiting()
    {
        var instances = new InstanceCounter();
        var actor = Sys.ActorOf(Props.Create(() => new Faulty(instances)), "faulty");

        EventFilter.Exception<InvalidOperationException>(contains: "Restart").ExpectOne(() => actor.Tell("fail-at-once"));

        actor.Tell("instance?", TestActor);
        ExpectMsg(2);
    }

    [Fact]
    public void ReceiveAsync_Should_KeepTheMessageThatFailedOutOfTheNewInstance()
    {
        var instances = new InstanceCounter();
        var actor = Sys.ActorOf(Props.Create(() => new Faulty(instances)), "faulty");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() =>
        {
            actor.Tell("fail-after-await");
            actor.Tell("instance?", TestActor);
        });

        ExpectMsg(2, hint: "the message queued behind the failing task is processed by the new instance");
    }

    [Fact]
    public void ReceiveAsync_Should_AwaitAnAskAndReplyToTheOriginalSender()
    {
        var backend = Sys.ActorOf(Props.Create(() => new Doubler()), "backend");
        var frontend = Sys.ActorOf(Props.Create(() => new AskingFrontend(backend)), "frontend");
        var clients = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();

        for (var i = 0; i < clients.Count; i++)
        {
            frontend.Tell(i, clients[i].Ref);
        }

        for (var i = 0; i < clients.Count; i++)
        {
            clients[i].ExpectMsgFrom(frontend, i * 2);
        }
    }

    [Fact]
    public void Stop_Should_StopAnActorWhoseAsyncHandlerIsPending()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(TestActor)), "worker");
        var gate = new TaskCompletionSource();
        Watch(actor);
        actor.Tell(new Work(1, gate.Task), TestActor);
        ExpectMsg("start 1");

        Sys.Stop(actor);

        ExpectTerminated(actor);
        gate.SetResult();
        ExpectNoMsg(TimeSpan.FromMilliseconds(200), "the continuation of a stopped actor does not run");
    }

    private sealed record Work(int Id, Task? Gate);

    private sealed record Hops(int Id, int Count);

    private sealed class AsyncWorker : ReceiveActor
    {
        private int _inside;
        private int _overlaps;

        public AsyncWorker(IActorRef probe)
        {
            ReceiveAsync<Work>(async w =>
            {
                Enter();
                probe.Tell($"start {w.Id}");
                if (w.Gate is not null)
                {
                    Exit();
                    await w.Gate;
                    Enter();
                }

                Sender.Tell($"done {w.Id}");
                Exit();
            });
            ReceiveAsync<Hops>(async h =>
            {
                var sender = Sender;
                for (var i = 0; i < h.Count; i++)
                {
                    // Alternate a hop through the thread pool with a plain yield.
                    var value = i % 2 == 0 ? await Task.Run(() => i) : i;
                    await Task.Yield();
                    Enter();
                    if (!ReferenceEquals(Sender, sender) || value != i)
                    {
                        _overlaps += 1000;
                    }

                    Exit();
                }

                Sender.Tell($"hopped {h.Id}");
            });
            Receive<string>(s => s == "overlaps?", _ => Sender.Tell(_overlaps));
        }

        private void Enter()
        {
            if (Interlocked.Increment(ref _inside) != 1)
            {
                _overlaps++;
            }
        }

        private void Exit() => Interlocked.Decrement(ref _inside);
    }

    private sealed class Doubler : ReceiveActor
    {
        public Doubler() => Receive<int>(i => Sender.Tell(i * 2));
    }

    private sealed class AskingFrontend : ReceiveActor
    {
        public AskingFrontend(IActorRef backend)
        {
            ReceiveAsync<int>(async i =>
            {
                var doubled = await backend.Ask<int>(i, TimeSpan.FromSeconds(5));
                Sender.Tell(doubled);
            });
        }
    }

    private sealed class Faulty : ReceiveActor
    {
        public Faulty(InstanceCounter instances)
        {
            var instance = instances.Next();
            ReceiveAsync<string>(
                async _ =>
                {
                    await Task.Yield();
                    throw new InvalidOperationException("async failure");
                },
                s => s == "fail-after-await");
            ReceiveAsync<string>(_ => throw new InvalidOperationException("sync failure in async handler"), s => s == "fail-at-once");
            Receive<string>(s => s == "instance?", _ => Sender.Tell(instance));
        }
    }
}
