using System.Diagnostics;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

public sealed class WithinTests(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void Within_Should_Pass_When_TheBlockIsFastEnough()
    {
        Within(TimeSpan.FromSeconds(2), () =>
        {
            TestActor.Tell("x", null);
            ExpectMsg("x");
        });
    }

    [Fact]
    public void Within_Should_Fail_When_TheBlockTakesLongerThanMax()
    {
        var e = Assert.Throws<TestKitAssertionException>(() =>
            Within(TimeSpan.FromMilliseconds(50), () => Assert.False(TryReceiveOne(out _, TimeSpan.FromMilliseconds(200)))));
        Assert.Contains($"exceeding the maximum {Durations.Ms(Dilated(TimeSpan.FromMilliseconds(50)))}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_Should_Fail_When_TheBlockIsFasterThanMin()
    {
        var e = Assert.Throws<TestKitAssertionException>(() =>
            Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => { }, "too quick"));
        Assert.Contains("less than the minimum 1000 ms", e.Message, StringComparison.Ordinal);
        Assert.Contains("Hint: too quick", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_Should_Pass_When_TheBlockTakesBetweenMinAndMax()
    {
        Within(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), () => ExpectNoMsg(TimeSpan.FromMilliseconds(150)));
    }

    [Fact]
    public void Within_Should_BoundExpectationsToWhatIsLeft()
    {
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<TestKitAssertionException>(() =>
            Within(TimeSpan.FromMilliseconds(200), () => ExpectMsg<string>()));
        Assert.Contains("no message arrived", e.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"the 3 s default was used instead of the Within bound: {watch.Elapsed}");
    }

    [Fact]
    public void NestedWithin_Should_NeverGetMoreThanTheOuterBlockHasLeft()
    {
        Within(TimeSpan.FromMilliseconds(500), () =>
        {
            Within(TimeSpan.FromSeconds(10), () =>
            {
                Assert.InRange(Remaining, TimeSpan.Zero, Dilated(TimeSpan.FromMilliseconds(500)));
            });
            Assert.InRange(Remaining, TimeSpan.Zero, Dilated(TimeSpan.FromMilliseconds(500)));
        });
    }

    [Fact]
    public void NestedWithin_Should_RestoreTheOuterBound_AfterTheInnerBlock()
    {
        Within(TimeSpan.FromSeconds(5), () =>
        {
            Within(TimeSpan.FromMilliseconds(100), () => Assert.InRange(Remaining, TimeSpan.Zero, Dilated(TimeSpan.FromMilliseconds(100))));
            Assert.InRange(Remaining, TimeSpan.FromSeconds(1), Dilated(TimeSpan.FromSeconds(5)));
        });
    }

    [Fact]
    public void Remaining_Should_Throw_OutsideWithin_And_RemainingOrDefault_ShouldBeTheDefault()
    {
        Assert.Throws<InvalidOperationException>(() => Remaining);
        Assert.Equal(Dilated(TestKitSettings.SingleExpectDefault), RemainingOrDefault);
    }

    [Fact]
    public void WithinFunction_Should_ReturnTheValue()
    {
        Assert.Equal(42, Within(TimeSpan.FromSeconds(1), () => 42));
    }

    [Fact]
    public void Within_Should_Allow_ATrailingExpectNoMsgThatUsesTheRemainder()
    {
        Within(TimeSpan.FromMilliseconds(200), () => ExpectNoMsg(Remaining));
    }

    [Fact]
    public async Task WithinAsync_Should_Pass_And_Fail_LikeWithin()
    {
        await WithinAsync(TimeSpan.FromSeconds(2), async () =>
        {
            TestActor.Tell("x", null);
            await ExpectMsgAsync("x");
        });
        Assert.Equal(7, await WithinAsync(TimeSpan.FromSeconds(1), () => Task.FromResult(7)));

        await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            WithinAsync(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), () => Task.CompletedTask));
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            WithinAsync(TimeSpan.FromMilliseconds(150), () => ExpectMsgAsync<string>()));
        Assert.Contains("no message arrived", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_Should_RejectAMaxBelowMin()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Within(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), () => { }));
    }
}
