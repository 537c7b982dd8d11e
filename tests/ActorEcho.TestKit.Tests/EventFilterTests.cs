using ActorEcho.TestKit.Tests.Actors;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

public sealed class EventFilterTests(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void ExceptionFilter_Should_CountTheFailuresOfAChild()
    {
        var child = Sys.ActorOf(Props.Create<ThrowingActor>());
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => child.Tell("fail", TestActor));

        EventFilter.Exception<InvalidOperationException>(message: "boom").Expect(2, () =>
        {
            child.Tell("fail", TestActor);
            child.Tell("fail", TestActor);
        });

        // Restarted under the default strategy, it still answers.
        child.Tell("alive?", TestActor);
        ExpectMsg("alive?");
    }

    [Fact]
    public void ExceptionFilter_Should_MatchOnTheSourcePath()
    {
        var child = Sys.ActorOf(Props.Create<ThrowingActor>(), "failing");
        EventFilter.Exception<InvalidOperationException>(source: child.Path.ToString()).ExpectOne(() => child.Tell("fail", TestActor));
    }

    [Fact]
    public void ExceptionFilter_Should_FailSayingHowManyWereSeen_When_TooFew()
    {
        var child = Sys.ActorOf(Props.Create<ThrowingActor>());
        var fast = new TestKit(new TestKitOptions { TestKitSettings = new TestKitSettings { DefaultTimeout = TimeSpan.FromMilliseconds(300) } });
        try
        {
            var e = Assert.Throws<TestKitAssertionException>(() =>
                EventFilter.Exception<InvalidOperationException>().Expect(2, () => child.Tell("fail", TestActor)));
            Assert.Contains("Expected 2 events matching exception InvalidOperationException, but saw 1", e.Message, StringComparison.Ordinal);

            var other = fast.Sys.ActorOf(Props.Create<ThrowingActor>());
            var none = Assert.Throws<TestKitAssertionException>(() =>
                fast.EventFilter.Exception<ArgumentException>().ExpectOne(() => other.Tell("fail", fast.TestActor)));
            Assert.Contains("but saw 0 within 300 ms", none.Message, StringComparison.Ordinal);
        }
        finally
        {
            // Its short DefaultTimeout is for the filter; termination gets a generous bound.
            fast.Shutdown(duration: TimeSpan.FromSeconds(10));
            fast.Dispose();
        }
    }

    [Fact]
    public void ExceptionFilter_Should_Fail_When_TooMany()
    {
        var child = Sys.ActorOf(Props.Create<ThrowingActor>());
        var e = Assert.Throws<TestKitAssertionException>(() =>
            EventFilter.Exception<InvalidOperationException>().ExpectOne(() =>
            {
                child.Tell("fail", TestActor);
                child.Tell("fail", TestActor);

                // Both failures are logged before the echo that follows them is answered.
                child.Tell("sync", TestActor);
                ExpectMsg("sync");
            }));
        Assert.Contains("but saw 2 (too many)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningFilter_Should_MatchByText()
    {
        var logger = Sys.ActorOf(Props.Create<LoggingActor>());
        EventFilter.Warning(start: "disk").ExpectOne(() =>
        {
            logger.Tell(new LogRequest(LogLevel.Warning, "disk almost full"), TestActor);
            logger.Tell(new LogRequest(LogLevel.Warning, "cpu hot"), TestActor);
        });
        EventFilter.Warning(contains: "almost").ExpectOne(() => logger.Tell(new LogRequest(LogLevel.Warning, "disk almost full"), TestActor));
        EventFilter.Warning(message: "exact text").ExpectOne(() => logger.Tell(new LogRequest(LogLevel.Warning, "exact text"), TestActor));
        ReceiveN(4);
    }

    [Fact]
    public void LevelFilters_Should_MatchOnlyTheirLevel()
    {
        var logger = Sys.ActorOf(Props.Create<LoggingActor>());
        EventFilter.Info(contains: "level").ExpectOne(() =>
        {
            logger.Tell(new LogRequest(LogLevel.Debug, "level debug"), TestActor);
            logger.Tell(new LogRequest(LogLevel.Information, "level info"), TestActor);
            logger.Tell(new LogRequest(LogLevel.Error, "level error"), TestActor);
            ReceiveN(3);
        });
        EventFilter.Debug(contains: "level").ExpectOne(() => logger.Tell(new LogRequest(LogLevel.Debug, "level debug"), TestActor));
        EventFilter.Error(contains: "level").ExpectOne(() => logger.Tell(new LogRequest(LogLevel.Error, "level error"), TestActor));
        ReceiveN(2);
    }

    [Fact]
    public void DeadLetterFilter_Should_CountUndeliveredMessagesOfTheType()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        EventFilter.DeadLetter<string>().Expect(2, () =>
        {
            echo.Tell("lost 1", TestActor);
            echo.Tell(42, TestActor);
            echo.Tell("lost 2", TestActor);
        });
        EventFilter.DeadLetter<int>(i => i == 7).ExpectOne(() => echo.Tell(7, TestActor));
        EventFilter.DeadLetter<string>(source: echo.Path.ToString(), contains: "lost").ExpectOne(() => echo.Tell("lost 3", TestActor));
    }

    [Fact]
    public void DeadLetterFilter_Should_Fail_When_NoneArrive()
    {
        using var fast = new TestKit(new TestKitOptions { TestKitSettings = new TestKitSettings { DefaultTimeout = TimeSpan.FromMilliseconds(200) } });
        var e = Assert.Throws<TestKitAssertionException>(() => fast.EventFilter.DeadLetter<string>().ExpectOne(() => { }));
        Assert.Contains("dead letter of String", e.Message, StringComparison.Ordinal);
        fast.Shutdown(duration: TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Mute_Should_SuppressMatchingEventsFromTheOutput()
    {
        var output = new RecordingOutput();
        using var kit = new TestKit(output);
        var logger = kit.Sys.ActorOf(Props.Create<LoggingActor>());
        using (kit.EventFilter.Warning(contains: "secret").Mute())
        {
            logger.Tell(new LogRequest(LogLevel.Warning, "secret stuff"), kit.TestActor);
            logger.Tell(new LogRequest(LogLevel.Warning, "public stuff"), kit.TestActor);
            kit.ReceiveN(2);
        }

        logger.Tell(new LogRequest(LogLevel.Warning, "secret again"), kit.TestActor);
        kit.ExpectMsg("logged");
        var lines = output.Lines.ToArray();
        Assert.DoesNotContain(lines, l => l.Contains("secret stuff", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("public stuff", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("secret again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpectAsync_Should_CountEventsOfAnAsyncAction()
    {
        var child = Sys.ActorOf(Props.Create<ThrowingActor>());
        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(async () =>
        {
            await Task.Yield();
            child.Tell("fail", TestActor);
        });
        await EventFilter.Exception<InvalidOperationException>().ExpectAsync(2, async () =>
        {
            child.Tell("fail", TestActor);
            child.Tell("fail", TestActor);
            child.Tell("sync", TestActor);
            await ExpectMsgAsync("sync");
        });
    }

    [Fact]
    public void CustomFilter_Should_SeeTheEventFields()
    {
        var child = Sys.ActorOf(Props.Create<ThrowingActor>(), "custom");
        EventFilter.Custom(e => e.EventId.Id == 1000 && e.ActorPath == child.Path.ToString() && e.Category == "ActorEcho.Actors")
            .ExpectOne(() => child.Tell("fail", TestActor));
    }

    [Fact]
    public void Expect_Should_PropagateTheActionsException_And_RemoveTheFilter()
    {
        Assert.Throws<InvalidOperationException>(() =>
            EventFilter.Warning().ExpectOne(() => throw new InvalidOperationException("from the action")));
    }
}
