using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Publish/subscribe by type hierarchy, and automatic unsubscription of stopped actors.</summary>
public sealed class EventStreamTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void Subscriber_Should_ReceiveSubtypesOfItsChannel()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));

        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish(new Cat("tom"));
        Sys.EventStream.Publish("not an animal");

        ExpectMsg(new Dog("rex"));
        ExpectMsg(new Cat("tom"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Subscriber_Should_GetAnEventOnceEvenWhenTwoChannelsMatch()
    {
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(Animal)));
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(Dog)));
        Assert.False(Sys.EventStream.Subscribe(TestActor, typeof(Dog)), "already subscribed to exactly that channel");

        Sys.EventStream.Publish(new Dog("rex"));

        ExpectMsg(new Dog("rex"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Unsubscribe_Should_StopDelivery()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));
        Sys.EventStream.Subscribe(TestActor, typeof(string));

        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Animal)));
        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish("still subscribed");

        ExpectMsg("still subscribed");
        Assert.True(Sys.EventStream.Unsubscribe(TestActor));
        Assert.False(Sys.EventStream.Unsubscribe(TestActor));
    }

    [Fact]
    public void StoppedSubscriber_Should_BeUnsubscribedAutomatically()
    {
        var subscriber = Sys.ActorOf(Props.Create(() => new Subscriber(TestActor)), "subscriber");
        ExpectMsg("subscribed");
        Assert.True(Sys.EventStream.HasSubscribers(typeof(Dog)));
        Watch(subscriber);

        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);

        Assert.False(Sys.EventStream.HasSubscribers(typeof(Dog)), "a watcher that saw the death sees the subscription gone");
        EventFilter.DeadLetter().Expect(0, () => Sys.EventStream.Publish(new Dog("rex")));
    }

    private abstract record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    private sealed record Cat(string Name) : Animal(Name);

    private sealed class Subscriber : ReceiveActor
    {
        public Subscriber(IActorRef probe)
        {
            Context.System.EventStream.Subscribe(Self, typeof(Animal));
            ReceiveAny(m => probe.Tell(m));
            probe.Tell("subscribed");
        }
    }
}
