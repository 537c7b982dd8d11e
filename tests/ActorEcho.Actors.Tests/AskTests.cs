using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Ask: replies, failures, timeouts (on virtual time) and cancellation.</summary>
public sealed class AskTests(ITestOutputHelper output) : TestKit.TestKit(new TestKitOptions { UseTestScheduler = true }, output)
{
    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task Ask_Should_ReturnTheReply()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        var reply = await actor.Ask<string>("hello", TimeSpan.FromSeconds(5));

        Assert.Equal("hello back", reply);
    }

    [Fact]
    public async Task Ask_Should_ThrowTheCauseOfAStatusFailureReply()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<string>("fail", TimeSpan.FromSeconds(5)));

        Assert.Equal("nope", e.Message);
    }

    [Fact]
    public async Task Ask_Should_TimeOutNamingTheTargetAndTheMessageType()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        var ask = actor.Ask<string>(new Ignored(), TimeSpan.FromSeconds(5));
        Scheduler.Advance(TimeSpan.FromSeconds(4));
        Assert.False(ask.IsCompleted);
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains(actor.Path.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Ignored), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Should_UseTheConfiguredDefaultTimeout()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        var ask = actor.Ask<string>(new Ignored());
        Scheduler.Advance(Sys.Settings.AskTimeout);

        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }

    [Fact]
    public async Task Ask_Should_FailWithInvalidCastForAReplyOfTheWrongType()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        await Assert.ThrowsAsync<InvalidCastException>(() => actor.Ask<int>("hello", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_Should_BeCancelledByItsToken()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");
        using var cts = new CancellationTokenSource();

        var ask = actor.Ask<string>(new Ignored(), TimeSpan.FromSeconds(5), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task Ask_Should_RejectANonPositiveTimeout()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => actor.Ask<string>("hello", TimeSpan.Zero));
    }

    private sealed record Ignored;

    private sealed class Responder : ReceiveActor
    {
        public Responder()
        {
            Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("nope"))));
            Receive<string>(s => Sender.Tell(s + " back"));
            Receive<Ignored>(_ => { });
        }
    }
}
