using ActorEcho.TestKit.Tests.Actors;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

public sealed class ExpectMsgTests(ITestOutputHelper output) : TestKit(output)
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void ExpectMsg_Should_ReturnTheMessage_When_ItHasTheType()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell("hello", TestActor);
        Assert.Equal("hello", ExpectMsg<string>());
        Assert.Same(echo, LastSender);
        Assert.Equal("hello", LastMessage);
    }

    [Fact]
    public void ExpectMsg_Should_FailNamingWhatArrived_When_TheTypeDiffers()
    {
        TestActor.Tell(42, null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(Short, "the answer"));
        Assert.Contains("a message of type String", e.Message, StringComparison.Ordinal);
        Assert.Contains("42 (Int32)", e.Message, StringComparison.Ordinal);
        Assert.Contains("Hint: the answer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_Should_FailSayingNothingArrivedAndTheWait_When_TimedOut()
    {
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(Short));
        Assert.Contains("no message arrived", e.Message, StringComparison.Ordinal);
        Assert.Contains($"Timeout ({Durations.Ms(Dilated(Short))})", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_Should_ExplainLostReplies_When_TheRequestHadNoSender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell("hello", ActorRefs.NoSender);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg("hello", TimeSpan.FromMilliseconds(300)));
        Assert.Contains("replies went to dead letters because their request had no sender", e.Message, StringComparison.Ordinal);
        Assert.Contains($"\"hello\" (String) from {echo}", e.Message, StringComparison.Ordinal);
        Assert.Contains("actor.Tell(msg, TestActor)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_Should_Fail_AsAnXunitAssertion()
    {
        var e = Assert.ThrowsAny<Exception>(() => ExpectMsg<string>(Short));
        Assert.IsAssignableFrom<Xunit.Sdk.XunitException>(e);
    }

    [Fact]
    public void ExpectMsgByValue_Should_Pass_When_Equal_And_Fail_When_Not()
    {
        TestActor.Tell("a", null);
        Assert.Equal("a", ExpectMsg("a"));

        TestActor.Tell("b", null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg("a", Short));
        Assert.Contains("Expected \"a\" (String), but received \"b\" (String)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsgByValue_Should_UseValueEquality_ForRecords()
    {
        TestActor.Tell(new Point(1, 2), null);
        ExpectMsg(new Point(1, 2));
    }

    [Fact]
    public void ExpectMsgByPredicate_Should_Pass_When_ItHolds_And_Fail_When_Not()
    {
        TestActor.Tell(new Point(1, 2), null);
        Assert.Equal(1, ExpectMsg<Point>(p => p.X == 1).X);

        TestActor.Tell(new Point(5, 2), null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<Point>(p => p.X == 1, Short));
        Assert.Contains("the predicate did not hold", e.Message, StringComparison.Ordinal);
        Assert.Contains("Point { X = 5, Y = 2 }", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsgByAssertion_Should_Pass_When_ItPasses_And_WrapTheFailure_When_Not()
    {
        TestActor.Tell(new Point(1, 2), null);
        ExpectMsg<Point>(p => Assert.Equal(2, p.Y));

        TestActor.Tell(new Point(1, 3), null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<Point>(p => Assert.Equal(2, p.Y), Short));
        Assert.IsAssignableFrom<Xunit.Sdk.XunitException>(e.InnerException);
        Assert.Contains("Point { X = 1, Y = 3 }", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsgWithSender_Should_SeeTheSender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell("x", TestActor);
        ExpectMsg<string>((m, sender) => m == "x" && Equals(sender, echo));
    }

    [Fact]
    public void ExpectMsgFrom_Should_Pass_ForTheRightSender_And_Fail_ForAnother()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var other = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell("x", TestActor);
        Assert.Equal("x", ExpectMsgFrom<string>(echo));
        echo.Tell("y", TestActor);
        ExpectMsgFrom(echo, "y");
        echo.Tell("z", TestActor);
        ExpectMsgFrom<string>(echo, s => s == "z");

        other.Tell("w", TestActor);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsgFrom<string>(echo, Short));
        Assert.Contains($"from {echo}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"from {other}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LastSender_Should_BeDeadLetters_When_TheMessageHadNoSender()
    {
        TestActor.Tell("anonymous", null);
        ExpectMsg("anonymous");
        Assert.Same(Sys.DeadLetters, LastSender);
    }

    [Fact]
    public void ExpectMsgAnyOf_Should_AcceptEitherValue_And_RejectOthers()
    {
        TestActor.Tell("b", null);
        Assert.Equal("b", ExpectMsgAnyOf("a", "b"));
        TestActor.Tell("c", null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsgAnyOf("a", "b"));
        Assert.Contains("it is none of them", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_Should_WakeOnArrival_And_FailOnTimeout()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var waiting = ExpectMsgAsync<string>();
        echo.Tell("later", TestActor);
        Assert.Equal("later", await waiting);

        echo.Tell(new Point(3, 4), TestActor);
        await ExpectMsgAsync(new Point(3, 4));
        echo.Tell(new Point(3, 4), TestActor);
        await ExpectMsgAsync<Point>(p => p.X == 3);
        echo.Tell(new Point(3, 4), TestActor);
        await ExpectMsgAsync<Point>(p => Assert.Equal(4, p.Y));
        echo.Tell("from", TestActor);
        await ExpectMsgFromAsync<string>(echo);

        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>(Short));
        Assert.Contains("no message arrived", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_Should_StopWaiting_When_Cancelled()
    {
        using var cts = new CancellationTokenSource();
        var waiting = ExpectMsgAsync<string>(TimeSpan.FromSeconds(10), cancellationToken: cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void ExpectMsg_Should_ReturnImmediately_When_TheMessageIsAlreadyQueued()
    {
        TestActor.Tell("queued", null);
        AwaitCondition(() => HasMessages, TimeSpan.FromSeconds(3));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ExpectMsg("queued", TimeSpan.FromSeconds(3));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task AsyncForms_Should_CheckSenderAndAlternatives()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell("s", TestActor);
        await ExpectMsgFromAsync<string>(echo, s => Assert.Equal("s", s));
        echo.Tell("t", TestActor);
        await ExpectMsgAsync<string>((m, sender) => m == "t" && Equals(sender, echo));
        echo.Tell("b", TestActor);
        Assert.Equal("b", await ExpectMsgAnyOfAsync(["a", "b"]));
        echo.Tell("c", TestActor);
        await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAnyOfAsync(["a", "b"]));
    }

    private sealed record Point(int X, int Y);
}
