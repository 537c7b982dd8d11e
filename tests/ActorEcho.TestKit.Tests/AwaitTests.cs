using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

public sealed class AwaitTests(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void AwaitAssert_Should_Pass_Once_TheAssertionHolds()
    {
        var calls = 0;
        AwaitAssert(() => Assert.True(++calls >= 3), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));
        Assert.Equal(3, calls);
    }

    [Fact]
    public void AwaitAssert_Should_FailWithTheLastAssertion_When_ItNeverHolds()
    {
        var e = Assert.Throws<TestKitAssertionException>(() =>
            AwaitAssert(() => Assert.Equal(1, 2), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20)));
        Assert.Contains($"still failed after {Durations.Ms(Dilated(TimeSpan.FromMilliseconds(100)))}", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Xunit.Sdk.XunitException>(e.InnerException);
    }

    [Fact]
    public async Task AwaitAssertAsync_Should_Pass_And_Fail()
    {
        var calls = 0;
        await AwaitAssertAsync(() => Assert.True(++calls >= 2), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));
        await AwaitAssertAsync(async () =>
        {
            await Task.Yield();
            Assert.True(calls >= 2);
        });
        await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            AwaitAssertAsync(() => throw new InvalidOperationException("never"), TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void AwaitCondition_Should_Pass_Once_True_And_FailWithTheMessage_When_NeverTrue()
    {
        var calls = 0;
        AwaitCondition(() => ++calls >= 3, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));

        var e = Assert.Throws<TestKitAssertionException>(() =>
            AwaitCondition(() => false, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20), "the light never turned green"));
        Assert.Contains($"Timeout ({Durations.Ms(Dilated(TimeSpan.FromMilliseconds(100)))}) while awaiting a condition: the light never turned green", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitConditionAsync_Should_Pass_And_Fail()
    {
        var calls = 0;
        await AwaitConditionAsync(() => ++calls >= 2, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));
        await AwaitConditionAsync(() => Task.FromResult(true));
        await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            AwaitConditionAsync(() => false, TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void AwaitCondition_Should_RejectANonPositiveInterval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AwaitCondition(() => true, null, TimeSpan.Zero));
    }
}
