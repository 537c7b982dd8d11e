using System.Text;
using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Tests.Protocol;

public sealed class ServerRepliesTests
{
    public static TheoryData<string, string> Lines => new()
    {
        { Text(ServerReplies.Help), "HELP /time /nick NAME /join [ROOM] /leave /say TEXT /msg NICK TEXT /who [ROOM] /rooms /stats /help /quit\n" },
        { Text(ServerReplies.Bye), "BYE\n" },
        { Text(ServerReplies.InvalidUtf8), "ERR invalid UTF-8 in line; send UTF-8 text\n" },
        { Text(ServerReplies.NotInRoom), "ERR not in a room; /join ROOM first\n" },
        { Text(ServerReplies.SessionReset), "NOTICE session state was reset after an internal error\n" },
        { Text(ServerReplies.ShuttingDown), "NOTICE server shutting down\n" },
        { Text(ServerReplies.SessionStopped), "ERR session stopped after repeated internal errors\n" },
        { Text(ServerReplies.Error("something broke")), "ERR something broke\n" },
        { Text(ServerReplies.Notice("hello")), "NOTICE hello\n" },
        { Text(ServerReplies.Time(new DateTimeOffset(2026, 11, 21, 10, 15, 30, 123, TimeSpan.Zero))), "2026-11-21T10:15:30.123Z\n" },
        { Text(ServerReplies.NickChanged("bob")), "OK nick bob\n" },
        { Text(ServerReplies.Joined("lobby", 3)), "OK joined lobby (3 members)\n" },
        { Text(ServerReplies.Joined("dev", 1)), "OK joined dev (1 members)\n" },
        { Text(ServerReplies.Left("dev")), "OK left dev\n" },
        { Text(ServerReplies.RoomLine("lobby", "bob", "hi all")), "[lobby] bob: hi all\n" },
        { Text(ServerReplies.MemberJoined("lobby", "bob")), "[lobby] * bob joined\n" },
        { Text(ServerReplies.MemberLeft("lobby", "bob")), "[lobby] * bob left\n" },
        { Text(ServerReplies.MemberRenamed("lobby", "guest-1", "bob")), "[lobby] * guest-1 is now known as bob\n" },
        { Text(ServerReplies.RoomSystem("lobby", "topic changed")), "[lobby] * topic changed\n" },
        { Text(ServerReplies.PrivateMessage("alice", "psst")), "[PM] alice: psst\n" },
        { Text(ServerReplies.LineTooLong(4096)), "ERR line too long (max 4096 bytes); line discarded\n" },
        { Text(ServerReplies.RateLimited(20)), "ERR rate limit: max 20 chat lines per second\n" },
        { Text(ServerReplies.UnknownCommand("/foo")), "ERR unknown command '/foo'; try /help\n" },
        { Text(ServerReplies.NoSuchNick("carol")), "ERR no such nick 'carol'\n" },
        { Text(ServerReplies.NickInUse("bob")), "ERR nick 'bob' is already in use; choose another NAME\n" },
        { Text(ServerReplies.ServerFull(1000)), "ERR server full (max 1000 connections); try again later\n" },
        { Text(ServerReplies.IdleTimeout(TimeSpan.FromMinutes(5))), "NOTICE idle timeout after 300s; closing\n" },
        { Text(ServerReplies.IdleTimeout(TimeSpan.FromMilliseconds(1500))), "NOTICE idle timeout after 1.5s; closing\n" },
        { Text(ServerReplies.Dropped(17)), "NOTICE dropped 17 messages; you are reading too slowly\n" },
        { Text(ServerReplies.Stats(new ServerStats(12, 12, 345, 346, 0, 0, 2))), "STATS connections=12 sessions=12 messages_in=345 messages_out=346 restarts=0 drops=0 rooms=2\n" },
        { Text(ServerReplies.Who("lobby", ["carol", "alice", "Bob"])), "WHO lobby 3: alice Bob carol\n" },
        { Text(ServerReplies.Who(null, ["guest-2", "guest-10", "alice"])), "WHO * 3: alice guest-10 guest-2\n" },
        { Text(ServerReplies.Who(null, [])), "WHO * 0:\n" },
        { Text(ServerReplies.Rooms([new("lobby", 3), new("dev", 1)])), "ROOMS 2: dev(1) lobby(3)\n" },
        { Text(ServerReplies.Rooms([])), "ROOMS 0:\n" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Reply_Should_be_the_exact_spec_line(string actual, string expected) => Assert.Equal(expected, actual);

    [Fact]
    public void Room_line_Should_be_utf8_encoded()
    {
        var bytes = ServerReplies.RoomLine("lobby", "zoe", "héllo 🎉").ToArray();

        Assert.Equal(Encoding.UTF8.GetBytes("[lobby] zoe: héllo 🎉\n"), bytes);
    }

    [Fact]
    public void Constant_replies_Should_be_cached()
    {
        Assert.True(ServerReplies.Bye.Equals(ServerReplies.Bye));
        Assert.True(ServerReplies.Help.Equals(ServerReplies.Help));
    }

    [Fact]
    public void Who_Should_sort_case_insensitively_with_a_stable_tie_break()
    {
        Assert.Equal("WHO * 3: abc Abd abe\n", Text(ServerReplies.Who(null, ["abe", "Abd", "abc"])));
        Assert.Equal(Text(ServerReplies.Who(null, ["bob", "Bob"])), Text(ServerReplies.Who(null, ["Bob", "bob"])));
    }

    [Fact]
    public void Every_reply_Should_be_one_line()
    {
        foreach (var row in Lines)
        {
            var line = (string)row[0];
            Assert.EndsWith("\n", line, StringComparison.Ordinal);
            Assert.Equal(line.Length - 1, line.IndexOf('\n', StringComparison.Ordinal));
        }
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
