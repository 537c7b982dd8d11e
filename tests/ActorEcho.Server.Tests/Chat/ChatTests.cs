using ActorEcho.Server.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Chat;

public sealed class ChatTests : ServerTestKit
{
    public ChatTests(ITestOutputHelper output)
        : base(output)
    {
        StartServer(ServerSettings.Default with { Chat = new ChatSettings { RateLimit = 1, RateBurst = 3 } });
    }

    private FakeClient Member(string nick, string room = "lobby")
    {
        var client = Connect();
        Assert.Equal($"OK nick {nick}", Command(client, $"/nick {nick}"));
        Assert.StartsWith($"OK joined {room} (", Command(client, $"/join {room}"), StringComparison.Ordinal);
        return client;
    }

    [Fact]
    public void Join_Should_CountMembers_AndTellTheOthers()
    {
        var alice = Member("alice");
        var bob = Connect();
        Command(bob, "/nick bob");

        Assert.Equal("OK joined lobby (2 members)", Command(bob, "/join"));

        Assert.Equal("[lobby] * bob joined", alice.ExpectLine());
        bob.ExpectNothing();
    }

    [Fact]
    public void RoomLine_Should_ReachEveryOtherMember_InOrder_AndNotTheSender()
    {
        var alice = Member("alice");
        var bob = Member("bob");
        var carol = Member("carol");
        alice.ExpectLine();
        alice.ExpectLine();
        bob.ExpectLine();

        bob.Send("one\ntwo\nthr");
        bob.Send("ee\n");

        foreach (var listener in new[] { alice, carol })
        {
            Assert.Equal("[lobby] bob: one", listener.ExpectLine());
            Assert.Equal("[lobby] bob: two", listener.ExpectLine());
            Assert.Equal("[lobby] bob: three", listener.ExpectLine());
        }

        bob.ExpectNothing();
    }

    [Fact]
    public void JoinAndALineInOneRead_Should_SendTheLineToTheRoom()
    {
        var alice = Member("alice");
        var bob = Connect();
        Command(bob, "/nick bob");

        bob.Send("/join\nhello\n");

        Assert.Equal("OK joined lobby (2 members)", bob.ExpectLine());
        Assert.Equal("[lobby] * bob joined", alice.ExpectLine());
        Assert.Equal("[lobby] bob: hello", alice.ExpectLine());
        bob.ExpectNothing();
    }

    [Fact]
    public void Say_Should_SendTextThatLooksLikeACommand()
    {
        var alice = Member("alice");
        var bob = Member("bob");
        alice.ExpectLine();

        bob.Send("/say /help is a command, this is not \n");

        Assert.Equal("[lobby] bob: /help is a command, this is not ", alice.ExpectLine());
    }

    [Fact]
    public void Leave_Should_TellTheOthers_AndEchoPlainLinesAgain()
    {
        var alice = Member("alice");
        var bob = Member("bob");
        alice.ExpectLine();

        Assert.Equal("OK left lobby", Command(bob, "/leave"));
        Assert.Equal("[lobby] * bob left", alice.ExpectLine());

        bob.Send("echo again\n");
        Assert.Equal("echo again", bob.ExpectLine());
        alice.ExpectNothing();
    }

    [Fact]
    public void JoiningAnotherRoom_Should_LeaveTheFirst()
    {
        var alice = Member("alice");
        var bob = Member("bob");
        alice.ExpectLine();

        Assert.Equal("OK joined dev (1 members)", Command(bob, "/join dev"));

        Assert.Equal("[lobby] * bob left", alice.ExpectLine());
        Assert.Equal("ROOMS 2: dev(1) lobby(1)", Command(alice, "/rooms"));
    }

    [Fact]
    public void RoomNames_Should_BeCaseInsensitive_KeepingTheFirstSpelling()
    {
        var alice = Member("alice", "Dev");
        var bob = Connect();

        Assert.Equal("OK joined Dev (2 members)", Command(bob, "/join DEV"));
        Assert.Equal("[Dev] * guest-2 joined", alice.ExpectLine());
    }

    [Fact]
    public void Who_Should_ListTheRoom_OrEveryone()
    {
        var alice = Member("alice");
        var bob = Member("bob");
        var carol = Connect();
        Command(carol, "/nick carol");
        alice.ExpectLine();

        Assert.Equal("WHO lobby 2: alice bob", Command(alice, "/who"));
        Assert.Equal("WHO * 3: alice bob carol", Command(carol, "/who"));
        Assert.Equal("ROOMS 1: lobby(2)", Command(carol, "/rooms"));
    }

    [Fact]
    public void WhoRoom_Should_ListAnyRoom_WithoutJoiningIt()
    {
        Member("alice");
        Member("bob");
        var carol = Connect();

        Assert.Equal("WHO lobby 2: alice bob", Command(carol, "/who LOBBY"));
        Assert.Equal("WHO empty 0:", Command(carol, "/who empty"));
        Assert.Equal("WHO * 3: alice bob guest-3", Command(carol, "/who"));
    }

    [Fact]
    public void Nick_Should_BeUniqueIgnoringCase()
    {
        Member("alice");
        var other = Connect();

        Assert.Equal("ERR nick 'ALICE' is already in use; choose another NAME", Command(other, "/nick ALICE"));
        Assert.Equal("WHO * 2: alice guest-2", Command(other, "/who"));
    }

    [Fact]
    public void Nick_Should_BeFreedWhenItsSessionEnds()
    {
        var alice = Member("alice");
        Command(alice, "/quit");
        alice.ExpectClose();
        var other = Connect();

        // The closing session left the hub before it said BYE, so the nick is already free.
        Assert.Equal("OK nick alice", Command(other, "/nick alice"));
    }

    [Fact]
    public void NickChange_Should_BeAnnouncedInTheRoom()
    {
        var alice = Member("alice");
        var bob = Member("bob");
        alice.ExpectLine();

        Assert.Equal("OK nick robert", Command(bob, "/nick robert"));

        Assert.Equal("[lobby] * bob is now known as robert", alice.ExpectLine());
    }

    [Fact]
    public void Msg_Should_ReachOnlyTheRecipient_MatchedIgnoringCase()
    {
        var alice = Connect();
        Command(alice, "/nick alice");
        var bob = Connect();
        Command(bob, "/nick bob");
        var carol = Connect();

        bob.Send("/msg ALICE are you there?\n/time\n");

        Assert.Equal("[PM] bob: are you there?", alice.ExpectLine());
        Assert.Equal("2026-11-21T10:15:30.123Z", bob.ExpectLine());
        carol.ExpectNothing();
    }

    [Fact]
    public void ChatRateLimit_Should_DropLinesOverTheBurst_UntilTokensRefill()
    {
        var alice = Member("alice");
        var bob = Member("bob");
        alice.ExpectLine();

        bob.Send("1\n2\n3\n4\n");

        Assert.Equal("ERR rate limit: max 1 chat lines per second", bob.ExpectLine());
        Assert.Equal("[lobby] bob: 1", alice.ExpectLine());
        Assert.Equal("[lobby] bob: 2", alice.ExpectLine());
        Assert.Equal("[lobby] bob: 3", alice.ExpectLine());
        alice.ExpectNothing();

        Clock.Advance(TimeSpan.FromSeconds(1));
        bob.Send("/msg alice 5\n/say 6\n");

        Assert.Equal("[PM] bob: 5", alice.ExpectLine());
        Assert.Equal("ERR rate limit: max 1 chat lines per second", bob.ExpectLine());
    }

    [Fact]
    public void RoomLines_Should_ObeyTheLineLimitAndUtf8Rules()
    {
        var alice = Member("alice");
        var bob = Member("bob");
        alice.ExpectLine();

        bob.Send([0xff, 0xfe, (byte)'\n']);
        Assert.Equal("ERR invalid UTF-8 in line; send UTF-8 text", bob.ExpectLine());
        bob.Send(new string('x', 5000) + "\nok\n");
        Assert.Equal("ERR line too long (max 4096 bytes); line discarded", bob.ExpectLine());

        Assert.Equal("[lobby] bob: ok", alice.ExpectLine());
    }

    [Fact]
    public void DisconnectedMember_Should_LeaveItsRoom()
    {
        var alice = Member("alice");
        var bob = Member("bob");
        alice.ExpectLine();

        bob.Handler.Tell(new Tcp.ErrorClosed("reset"), bob.Connection.Ref);

        Assert.Equal("[lobby] * bob left", alice.ExpectLine());
    }
}
