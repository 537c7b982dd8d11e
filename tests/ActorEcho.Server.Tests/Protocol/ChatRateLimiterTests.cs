using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Tests.Protocol;

public sealed class ChatRateLimiterTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void New_limiter_Should_allow_a_full_burst_then_refuse()
    {
        var limiter = new ChatRateLimiter(20, 40, _clock);

        for (var i = 0; i < 40; i++)
        {
            Assert.True(limiter.TryAcquire(), $"line {i} of the burst");
        }

        Assert.False(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());
    }

    [Fact]
    public void Refill_Should_give_one_line_per_interval()
    {
        var limiter = new ChatRateLimiter(20, 40, _clock);
        Exhaust(limiter);

        _clock.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(limiter.TryAcquire());

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.TryAcquire(), $"refilled line {i}");
        }

        Assert.False(limiter.TryAcquire());
    }

    [Fact]
    public void Sustained_rate_Should_be_allowed_indefinitely()
    {
        var limiter = new ChatRateLimiter(20, 40, _clock);
        Exhaust(limiter);

        for (var i = 0; i < 1_000; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(50));
            Assert.True(limiter.TryAcquire(), $"line {i} at the sustained rate");
        }
    }

    [Fact]
    public void Quiet_time_Should_refill_no_more_than_the_burst()
    {
        var limiter = new ChatRateLimiter(20, 40, _clock);
        Exhaust(limiter);

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(40, limiter.AvailableTokens, 6);
        Assert.Equal(40, Exhaust(limiter));
    }

    [Fact]
    public void Available_tokens_Should_count_down_and_refill_fractionally()
    {
        var limiter = new ChatRateLimiter(10, 5, _clock);
        Assert.Equal(5, limiter.AvailableTokens, 6);

        limiter.TryAcquire();
        limiter.TryAcquire();
        Assert.Equal(3, limiter.AvailableTokens, 6);

        _clock.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(4.5, limiter.AvailableTokens, 6);
    }

    [Fact]
    public void Fractional_rate_Should_work()
    {
        var limiter = new ChatRateLimiter(0.5, 1, _clock);
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());

        _clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(limiter.TryAcquire());

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(limiter.TryAcquire());
    }

    [Fact]
    public void Refused_lines_Should_not_use_up_tokens()
    {
        var limiter = new ChatRateLimiter(20, 40, _clock);
        Exhaust(limiter);
        for (var i = 0; i < 100; i++)
        {
            Assert.False(limiter.TryAcquire());
        }

        _clock.Advance(TimeSpan.FromMilliseconds(50));

        Assert.True(limiter.TryAcquire());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(double.PositiveInfinity, 1)]
    [InlineData(20, 0)]
    public void Constructor_Should_reject_bad_settings(double rate, int burst) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatRateLimiter(rate, burst, _clock));

    [Fact]
    public void Defaults_Should_match_the_spec()
    {
        Assert.Equal(20, ChatRateLimiter.DefaultLinesPerSecond);
        Assert.Equal(40, ChatRateLimiter.DefaultBurst);
        Assert.Equal("rate limit: max 20 chat lines per second", ProtocolErrors.RateLimited(ChatRateLimiter.DefaultLinesPerSecond));
    }

    private static int Exhaust(ChatRateLimiter limiter)
    {
        var taken = 0;
        while (taken <= limiter.Burst && limiter.TryAcquire())
        {
            taken++;
        }

        return taken;
    }
}
