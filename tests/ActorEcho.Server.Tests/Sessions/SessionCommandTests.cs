using ActorEcho.Server.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sessions;

public sealed class SessionCommandTests : ServerTestKit
{
    public SessionCommandTests(ITestOutputHelper output)
        : base(output)
    {
        StartServer(ServerSettings.Default with { Chat = new ChatSettings { MaxNameLength = 8 } });
    }

    [Theory]
    [InlineData("/time", "2026-11-21T10:15:30.123Z")]
    [InlineData("/Time", "2026-11-21T10:15:30.123Z")]
    [InlineData("/help", "HELP /time /nick NAME /join [ROOM] /leave /say TEXT /msg NICK TEXT /who [ROOM] /rooms /stats /help /quit")]
    [InlineData("/foo", "ERR unknown command '/foo'; try /help")]
    [InlineData("/", "ERR unknown command '/'; try /help")]
    [InlineData("/crash", "ERR unknown command '/crash'; try /help")]
    [InlineData("/time now", "ERR wrong arguments; usage: /time")]
    [InlineData("/help me", "ERR wrong arguments; usage: /help")]
    [InlineData("/nick", "ERR wrong arguments; usage: /nick NAME")]
    [InlineData("/nick a b", "ERR wrong arguments; usage: /nick NAME")]
    [InlineData("/nick 9lives", "ERR nick '9lives' must start with a letter; use 1-32 letters, digits, '_' or '-', starting with a letter")]
    [InlineData("/nick bad!", "ERR nick 'bad!' contains '!'; use 1-32 letters, digits, '_' or '-', starting with a letter")]
    [InlineData("/nick abcdefghij", "ERR nick 'abcdefghij' is too long (10 characters, max 8); use 1-8 letters, digits, '_' or '-', starting with a letter")]
    [InlineData("/nick guest-99", "ERR nick 'guest-99' is already in use; choose another NAME")]
    [InlineData("/join #dev", "ERR room name '#dev' must start with a letter; use 1-32 letters, digits, '_' or '-', starting with a letter")]
    [InlineData("/join abcdefghij", "ERR room name 'abcdefghij' is too long (10 characters, max 8); use 1-8 letters, digits, '_' or '-', starting with a letter")]
    [InlineData("/leave", "ERR not in a room; /join ROOM first")]
    [InlineData("/say hello", "ERR not in a room; /join ROOM first")]
    [InlineData("/say", "ERR nothing to say; usage: /say TEXT")]
    [InlineData("/msg bob hi", "ERR no such nick 'bob'")]
    [InlineData("/msg bob", "ERR wrong arguments; usage: /msg NICK TEXT")]
    [InlineData("/who", "WHO * 1: guest-1")]
    [InlineData("/rooms", "ROOMS 0:")]
    [InlineData("/nick alice", "OK nick alice")]
    [InlineData("/join", "OK joined lobby (1 members)")]
    [InlineData("/join dev", "OK joined dev (1 members)")]
    public void Command_Should_ReplyWithOneLine(string command, string reply)
    {
        var client = Connect();

        Assert.Equal(reply, Command(client, command));
        client.ExpectNothing();
    }

    [Fact]
    public void Stats_Should_ShowTheServerCounters()
    {
        var client = Connect();
        client.Send("x\n");
        client.ExpectText("x\n");

        Assert.Equal("STATS connections=1 sessions=1 messages_in=2 messages_out=1 restarts=0 drops=0 rooms=0", Command(client, "/stats"));
    }

    [Fact]
    public void Quit_Should_SayByeAndClose()
    {
        var client = Connect();
        Watch(client.Handler);

        Assert.Equal("BYE", Command(client, "/quit"));

        client.ExpectClose();
        ExpectTerminated(client.Handler);
    }

    [Fact]
    public void Quit_Should_IgnoreWhatFollowsInTheSameRead()
    {
        var client = Connect();

        client.Send("/quit\n/time\nmore");

        Assert.Equal("BYE", client.ExpectLine());
        client.ExpectClose();
    }

    [Fact]
    public void Nick_Should_ChangeWhatOthersSee()
    {
        var alice = Connect();
        var other = Connect();

        Assert.Equal("OK nick alice", Command(alice, "/nick alice"));

        Assert.Equal("WHO * 2: alice guest-2", Command(other, "/who"));
    }

    [Fact]
    public void Nick_Should_AllowTheOwnGuestNickAndACaseChange()
    {
        var client = Connect();

        Assert.Equal("OK nick alice", Command(client, "/nick alice"));
        Assert.Equal("OK nick Alice", Command(client, "/nick Alice"));
        Assert.Equal("OK nick guest-1", Command(client, "/nick guest-1"));
    }
}
