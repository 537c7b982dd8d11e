using ActorEcho.TestKit.Tests.Actors;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

public sealed class ReceiveTests(ITestOutputHelper output) : TestKit(output)
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void ExpectNoMsg_Should_Pass_When_Silent_And_FailNamingTheMessage_When_NotSilent()
    {
        ExpectNoMsg(Short);
        TestActor.Tell("noise", null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectNoMsg(Short));
        Assert.Contains($"Expected no message for {Durations.Ms(Dilated(Short))}, but received \"noise\" (String)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_Should_WaitTheConfiguredDefault_When_GivenNoDuration()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ExpectNoMsg();
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ExpectNoMsgAsync_Should_Pass_When_Silent_And_Fail_When_Not()
    {
        await ExpectNoMsgAsync(Short);
        TestActor.Tell("noise", null);
        await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectNoMsgAsync(Short));
    }

    [Fact]
    public void ReceiveN_Should_ReturnMessagesInOrder_And_FailSayingHowManyCame()
    {
        for (var i = 0; i < 3; i++)
        {
            TestActor.Tell(i, null);
        }

        Assert.Equal([0, 1, 2], ReceiveN(3).Cast<int>());

        TestActor.Tell("only", null);
        var e = Assert.Throws<TestKitAssertionException>(() => ReceiveN(2, Short));
        Assert.Contains("expecting 2 messages: received 1 [\"only\" (String)]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveNAsync_Should_ReturnTheMessages()
    {
        TestActor.Tell("a", null);
        TestActor.Tell("b", null);
        Assert.Equal(["a", "b"], (await ReceiveNAsync(2)).Cast<string>());
    }

    [Fact]
    public void ReceiveWhile_Should_StopAtTheFirstRejectedMessage_And_LeaveItQueued()
    {
        TestActor.Tell("a", null);
        TestActor.Tell("b", null);
        TestActor.Tell(3, null);
        TestActor.Tell("c", null);

        var strings = ReceiveWhile(m => m as string, TimeSpan.FromSeconds(3));
        Assert.Equal(["a", "b"], strings);
        ExpectMsg(3);
        ExpectMsg("c");
    }

    [Fact]
    public void ReceiveWhile_Should_StopAfterMsgsMessages()
    {
        for (var i = 0; i < 5; i++)
        {
            TestActor.Tell("m" + i, null);
        }

        Assert.Equal(["m0", "m1"], ReceiveWhile(m => m as string, msgs: 2));
        ExpectMsg("m2");
    }

    [Fact]
    public void ReceiveWhile_Should_StopAfterIdle_WithoutFailing()
    {
        TestActor.Tell("a", null);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var got = ReceiveWhile(m => m as string, max: TimeSpan.FromSeconds(5), idle: TimeSpan.FromMilliseconds(150));
        Assert.Equal(["a"], got);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"idle limit ignored: {watch.Elapsed}");
    }

    [Fact]
    public void ReceiveWhileWithPredicate_Should_CollectMatchingMessagesOfTheType()
    {
        TestActor.Tell(1, null);
        TestActor.Tell(2, null);
        TestActor.Tell(10, null);
        var small = ReceiveWhile<object>(o => o is int i && i < 5, Short);
        Assert.Equal([1, 2], small.Cast<int>());
        ExpectMsg(10);
    }

    [Fact]
    public async Task ReceiveWhileAsync_Should_CollectUntilRejected()
    {
        TestActor.Tell("a", null);
        TestActor.Tell(1, null);
        Assert.Equal(["a"], await ReceiveWhileAsync(m => m as string, Short));
        ExpectMsg(1);
    }

    [Fact]
    public void FishForMessage_Should_SkipUntilAMatch_And_FailListingSkipped_When_NoneCame()
    {
        TestActor.Tell("skip", null);
        TestActor.Tell(1, null);
        TestActor.Tell("target", null);
        Assert.Equal("target", FishForMessage(m => m is "target"));

        TestActor.Tell("nope", null);
        var e = Assert.Throws<TestKitAssertionException>(() => FishForMessage(m => m is "target", Short, "fishing"));
        Assert.Contains("skipped 1 that did not match [\"nope\" (String)]", e.Message, StringComparison.Ordinal);
        Assert.Contains("Hint: fishing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FishForMessageGeneric_Should_FailOnAnotherType_ButFishUntilMessageSkipsIt()
    {
        TestActor.Tell("a", null);
        TestActor.Tell(7, null);
        var e = Assert.Throws<TestKitAssertionException>(() => FishForMessage<int>(i => i == 7, Short));
        Assert.Contains("received \"a\" (String)", e.Message, StringComparison.Ordinal);
        Assert.Equal(7, FishForMessage<int>(i => i == 7));

        TestActor.Tell("b", null);
        TestActor.Tell(8, null);
        Assert.Equal(8, FishUntilMessage<int>());
    }

    [Fact]
    public async Task FishForMessageAsync_Should_FindTheMatch()
    {
        TestActor.Tell(1, null);
        TestActor.Tell(2, null);
        Assert.Equal(2, await FishForMessageAsync<int>(i => i == 2));
    }

    [Fact]
    public void ExpectMsgAllOf_Should_AcceptAnyOrder()
    {
        TestActor.Tell("b", null);
        TestActor.Tell("a", null);
        TestActor.Tell("c", null);
        var got = ExpectMsgAllOf("a", "b", "c");
        Assert.Equal(["b", "a", "c"], got);
    }

    [Fact]
    public void ExpectMsgAllOf_Should_FailNamingMissingAndUnexpected()
    {
        TestActor.Tell("a", null);
        TestActor.Tell("x", null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsgAllOf(Short, "a", "b"));
        Assert.Contains("missing [\"b\" (String)]", e.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected [\"x\" (String)]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsgAllOf_Should_FailNamingMissing_When_TooFewArrive()
    {
        TestActor.Tell("a", null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsgAllOf(Short, "a", "b"));
        Assert.Contains("still missing [\"b\" (String)]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAllOfAsync_Should_AcceptAnyOrder()
    {
        TestActor.Tell(2, null);
        TestActor.Tell(1, null);
        await ExpectMsgAllOfAsync([1, 2]);
    }

    [Fact]
    public void ExpectTerminated_Should_Pass_When_AWatchedActorStops()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Sys.Stop(echo);
        var terminated = ExpectTerminated(echo);
        Assert.Same(echo, terminated.ActorRef);
    }

    [Fact]
    public void ExpectTerminated_Should_Fail_When_TheActorIsNotWatched()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Sys.Stop(echo);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectTerminated(echo, Short));
        Assert.Contains("is the test actor watching it?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectTerminated_Should_Fail_When_AnotherActorTerminated()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>());
        var b = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(a);
        Sys.Stop(a);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectTerminated(b));
        Assert.Contains($"it is for {a}, not {b}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_Should_Pass_When_AWatchedActorStops()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        await WatchAsync(echo);
        echo.Tell(PoisonPill.Instance, null);
        await ExpectTerminatedAsync(echo);
    }

    [Fact]
    public void Unwatch_Should_StopTerminatedMessages()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Unwatch(echo);
        Sys.Stop(echo);
        ExpectNoMsg(Short);
    }

    [Fact]
    public void IgnoreMessages_Should_DropMatchingMessages_UntilIgnoreNoMessages()
    {
        IgnoreMessages<int>();
        TestActor.Tell(1, null);
        TestActor.Tell("kept", null);
        ExpectMsg("kept");
        IgnoreNoMessages();
        TestActor.Tell(2, null);
        ExpectMsg(2);
    }

    [Fact]
    public void TryReceiveOne_Should_ReportWhetherAMessageCame()
    {
        Assert.False(TryReceiveOne(out var none, TimeSpan.FromMilliseconds(50)));
        Assert.Null(none);
        TestActor.Tell("x", null);
        Assert.True(TryReceiveOne(out var message));
        Assert.Equal("x", message);
        TestActor.Tell("y", null);
        Assert.Equal("y", ReceiveOne());
    }
}
