using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Tests.Protocol;

public sealed class ProtocolErrorsTests
{
    [Fact]
    public void Messages_Should_match_the_protocol_spec()
    {
        Assert.Equal("unknown command '/foo'; try /help", ProtocolErrors.UnknownCommand("/foo"));
        Assert.Equal("line too long (max 4096 bytes); line discarded", ProtocolErrors.LineTooLong(4096));
        Assert.Equal("invalid UTF-8 in line; send UTF-8 text", ProtocolErrors.InvalidUtf8);
        Assert.Equal("rate limit: max 20 chat lines per second", ProtocolErrors.RateLimited(20));
        Assert.Equal("rate limit: max 2.5 chat lines per second", ProtocolErrors.RateLimited(2.5));
        Assert.Equal("not in a room; /join ROOM first", ProtocolErrors.NotInRoom);
        Assert.Equal("nothing to say; usage: /say TEXT", ProtocolErrors.NothingToSay);
        Assert.Equal("no such nick 'carol'", ProtocolErrors.NoSuchNick("carol"));
        Assert.Equal("nick 'bob' is already in use; choose another NAME", ProtocolErrors.NickInUse("bob"));
        Assert.Equal("wrong arguments; usage: /msg NICK TEXT", ProtocolErrors.Usage("/msg NICK TEXT"));
        Assert.Equal("session stopped after repeated internal errors", ProtocolErrors.SessionStopped);
        Assert.Equal("server full (max 1000 connections); try again later", ProtocolErrors.ServerFull(1000));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("tab\there", "tab?here")]
    [InlineData("cr\rlf\n", "cr?lf?")]
    [InlineData("", "")]
    public void Quote_Should_replace_control_characters(string input, string expected) =>
        Assert.Equal(expected, ProtocolErrors.Quote(input));

    [Fact]
    public void Quote_Should_cut_long_input()
    {
        Assert.Equal(new string('a', 40), ProtocolErrors.Quote(new string('a', 40)));
        Assert.Equal(new string('a', 40) + "...", ProtocolErrors.Quote(new string('a', 41)));
    }

    [Fact]
    public void Quote_Should_not_split_a_surrogate_pair()
    {
        var input = new string('a', 39) + "🎉🎉";

        Assert.Equal(new string('a', 39) + "...", ProtocolErrors.Quote(input));
    }
}
