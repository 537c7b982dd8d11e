using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>The dead-letter log's rate limit (log-dead-letters, log-dead-letters-suspend-duration).</summary>
public sealed class DeadLetterLogTests(ITestOutputHelper output)
    : TestKit.TestKit(ActorSystemSettings.Default with { LogDeadLetters = 3, LogDeadLettersSuspendDuration = TimeSpan.FromMinutes(5) }, output)
{
    [Fact]
    public void DeadLetterLog_Should_StopLoggingAfterTheLimitAndSaySo()
    {
        EventFilter.Custom(e => e.EventId.Id == 1003).Expect(3, () =>
            EventFilter.Custom(e => e.EventId.Id == 1004).ExpectOne(() =>
            {
                for (var i = 0; i < 10; i++)
                {
                    Sys.DeadLetters.Tell(i, null);
                }
            }));
    }
}
