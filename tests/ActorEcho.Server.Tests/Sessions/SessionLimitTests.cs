using ActorEcho.Server.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sessions;

public sealed class SessionLimitTests : ServerTestKit
{
    public SessionLimitTests(ITestOutputHelper output)
        : base(output)
    {
        StartServer(ServerSettings.Default with
        {
            MaxConnections = 2,
            Session = new SessionSettings { MaxLineLength = 16, IdleTimeout = TimeSpan.FromSeconds(300) },
        });
    }

    [Fact]
    public void OverlongCommand_Should_BeDiscardedWithAnError_AndTheSessionLivesOn()
    {
        var client = Connect();

        client.Send("/nick aaaaaaaaaaaaaaaaaaaa");
        Assert.Equal("ERR line too long (max 16 bytes); line discarded", client.ExpectLine());
        client.Send("bbbbbbbbbbbbbb\n/time\n");

        Assert.Equal("2026-11-21T10:15:30.123Z", client.ExpectLine());
        client.ExpectNothing();
    }

    [Fact]
    public void CommandAtTheLimit_Should_BeAccepted()
    {
        var client = Connect();

        Assert.Equal("OK nick abcdefghij", Command(client, "/nick abcdefghij"));
    }

    [Fact]
    public void PlainLinesOutsideARoom_Should_HaveNoLengthLimit()
    {
        var client = Connect();
        var line = new string('z', 100) + "\n";

        client.Send(line);

        client.ExpectText(line);
    }

    [Fact]
    public void InvalidUtf8InACommand_Should_BeAnsweredWithAnError()
    {
        var client = Connect();

        client.Send([(byte)'/', (byte)'n', 0xc3, 0x28, (byte)'\n']);

        Assert.Equal("ERR invalid UTF-8 in line; send UTF-8 text", client.ExpectLine());
        Assert.Equal("2026-11-21T10:15:30.123Z", Command(client, "/time"));
    }

    [Fact]
    public void IdleSession_Should_BeToldAndClosed_AfterTheIdleTimeout()
    {
        var client = Connect();
        Assert.Equal("2026-11-21T10:15:30.123Z", Command(client, "/time"));
        Watch(client.Handler);

        Scheduler.Advance(TimeSpan.FromSeconds(299));
        client.ExpectNothing();
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("NOTICE idle timeout after 300s; closing", client.ExpectLine());
        client.ExpectClose();
        ExpectTerminated(client.Handler);
    }

    [Fact]
    public void ClientInput_Should_ResetTheIdleClock_ButChatFromOthersShouldNot()
    {
        var idle = Connect();
        var talker = Connect();
        Command(idle, "/join");
        Command(talker, "/join");
        Assert.Equal("[lobby] * guest-2 joined", idle.ExpectLine());

        Scheduler.Advance(TimeSpan.FromSeconds(200));
        talker.Send("anyone?\n");
        Assert.Equal("[lobby] guest-2: anyone?", idle.ExpectLine());
        Scheduler.Advance(TimeSpan.FromSeconds(100));

        Assert.Equal("NOTICE idle timeout after 300s; closing", idle.ExpectLine());
        idle.ExpectClose();
        Assert.Equal("[lobby] * guest-1 left", talker.ExpectLine());
        talker.ExpectNothing();
    }

    [Fact]
    public void ConnectionOverTheLimit_Should_GetAOneLineRefusal_ThenClose()
    {
        Connect();
        Connect();

        var refused = Connect();

        Assert.Equal("ERR server full (max 2 connections); try again later", refused.ExpectLine());
        refused.ExpectClose();
    }

    [Fact]
    public void FreedSlot_Should_AcceptTheNextConnection()
    {
        var first = Connect();
        Connect();
        Watch(first.Handler);
        Command(first, "/quit");
        first.ExpectClose();
        ExpectTerminated(first.Handler);

        var next = Connect();

        Assert.Equal("2026-11-21T10:15:30.123Z", Command(next, "/time"));
    }

    [Fact]
    public void ShuttingDown_Should_TellEverySession_FlushAndClose()
    {
        var a = Connect();
        var b = Connect();
        a.AutoAck = false;
        a.Send("pending\n");
        a.ExpectText("pending\n");

        Listener.Tell(new Runtime.EndpointProtocol.CloseConnections(TimeSpan.FromSeconds(5)), TestActor);

        Assert.Equal("NOTICE server shutting down", b.ExpectLine());
        b.ExpectClose();
        Assert.Equal("NOTICE server shutting down", a.ExpectLine());
        a.AckAll();
        a.ExpectClose();
        ExpectMsg<Runtime.EndpointProtocol.ConnectionsClosed>();
    }

    [Fact]
    public void ShuttingDown_Should_StopSessionsThatDoNotCloseInTime()
    {
        var stuck = Connect();
        Watch(stuck.Handler);

        Listener.Tell(new Runtime.EndpointProtocol.CloseConnections(TimeSpan.FromSeconds(2)), TestActor);
        Assert.Equal("NOTICE server shutting down", stuck.ExpectLine());
        stuck.PumpUntil<Tcp.ConfirmedClose>();
        Scheduler.Advance(TimeSpan.FromSeconds(2));

        // Both go to the test actor from different actors, so in either order.
        var replies = ReceiveN(2);
        Assert.Contains(replies, m => m is Terminated t && t.ActorRef.Equals(stuck.Handler));
        Assert.Contains(replies, m => m is Runtime.EndpointProtocol.ConnectionsClosed);
    }
}
