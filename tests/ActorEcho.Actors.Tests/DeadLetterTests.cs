using ActorEcho.Actors.Events;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Undeliverable messages become DeadLetter events, and are logged.</summary>
public sealed class DeadLetterTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void MessageToAStoppedActor_Should_BePublishedAsADeadLetter()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Silent()), "gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        var sender = CreateTestProbe();

        actor.Tell("hello?", sender.Ref);

        var letter = ExpectMsg<DeadLetter>();
        Assert.Equal("hello?", letter.Message);
        Assert.Same(sender.Ref, letter.Sender);
        Assert.Same(actor, letter.Recipient);
    }

    [Fact]
    public void MessageToDeadLetters_Should_BePublished()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));

        Sys.DeadLetters.Tell("direct", TestActor);

        var letter = ExpectMsg<DeadLetter>();
        Assert.Equal("direct", letter.Message);
        Assert.Same(Sys.DeadLetters, letter.Recipient);
    }

    [Fact]
    public void DeadLetter_Should_BeLoggedWithTypeAndRecipient()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Silent()), "gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        EventFilter.Custom(e => e.EventId.Id == 1003 && e.Message.Contains("String", StringComparison.Ordinal)
                && e.Message.Contains(actor.Path.ToString(), StringComparison.Ordinal))
            .ExpectOne(() => actor.Tell("lost"));
    }

    [Fact]
    public void ReplyToNoSender_Should_GoToDeadLetters()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Replier()), "replier");

        EventFilter.DeadLetter<string>(m => m == "reply").ExpectOne(() => actor.Tell("ask", ActorRefs.NoSender));
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class Replier : ReceiveActor
    {
        public Replier() => Receive<string>(_ => Sender.Tell("reply"));
    }
}
