using ActorEcho.Server.Sessions;
using ActorEcho.Server.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sessions;

public sealed class SessionSupervisionTests : ServerTestKit
{
    public SessionSupervisionTests(ITestOutputHelper output)
        : base(output)
    {
    }

    private void StartWith(SupervisionStrategyKind strategy = SupervisionStrategyKind.OneForOne, int maxRestarts = 2, int maxInFlightBytes = 256 * 1024) =>
        StartServer(ServerSettings.Default with
        {
            AllowCrash = true,
            Supervision = new SupervisionSettings { Strategy = strategy, MaxRestarts = maxRestarts, Within = TimeSpan.FromMinutes(1) },
            Session = new SessionSettings { MaxInFlightBytes = maxInFlightBytes },
        });

    [Fact]
    public void Crash_Should_RestartTheSession_WhichStaysConnectedWithItsStateReset()
    {
        StartWith();
        var client = Connect();
        var peer = Connect();
        Command(client, "/nick alice");
        Command(client, "/join");
        Command(peer, "/join");
        Assert.Equal("[lobby] * guest-2 joined", client.ExpectLine());

        Assert.Equal("NOTICE session state was reset after an internal error", Command(client, "/crash"));

        Assert.Equal("[lobby] * alice left", peer.ExpectLine());
        Assert.Equal("WHO * 2: guest-1 guest-2", Command(client, "/who"));
        client.Send("plain lines echo again\n");
        Assert.Equal("plain lines echo again", client.ExpectLine());
        Assert.Equal("STATS connections=2 sessions=2 messages_in=7 messages_out=8 restarts=1 drops=0 rooms=1", Command(client, "/stats"));
    }

    [Fact]
    public void Crash_Should_KeepBytesAlreadyQueuedForTheClient()
    {
        StartWith();
        var client = Connect();
        client.AutoAck = false;
        client.Send("first\n");
        client.ExpectText("first\n");

        client.Send("/crash\n");
        Assert.Equal("NOTICE session state was reset after an internal error", client.ExpectLine());
        client.AckAll();

        Assert.Equal("2026-11-21T10:15:30.123Z", Command(client, "/time"));
    }

    [Fact]
    public void RepeatedCrashes_Should_StopTheSession_WithAFinalErrorThenClose()
    {
        StartWith(maxRestarts: 2);
        var client = Connect();
        Watch(client.Handler);

        Assert.Equal("NOTICE session state was reset after an internal error", Command(client, "/crash"));
        Assert.Equal("NOTICE session state was reset after an internal error", Command(client, "/crash"));
        Assert.Equal("ERR session stopped after repeated internal errors", Command(client, "/crash"));

        client.ExpectClose();
        ExpectTerminated(client.Handler);
    }

    [Fact]
    public void FinalError_Should_BeFlushedBeforeTheClose_EvenWhenTheClientReadsLate()
    {
        // One write in flight at a time: the final line must wait for the client to take the first.
        StartWith(maxRestarts: 0, maxInFlightBytes: 1);
        var client = Connect();
        client.AutoAck = false;
        client.Send("unread\n");
        client.ExpectText("unread\n");

        client.Send("/crash\n");
        client.ExpectNothing();

        // The session neither aborts nor closes while its last line waits, and it is still alive.
        Watch(client.Handler);
        client.AckAll();
        Assert.Equal("ERR session stopped after repeated internal errors", client.ExpectLine());
        client.ExpectClose();
        Assert.DoesNotContain(client.Log, m => m is Tcp.Abort);
        ExpectTerminated(client.Handler);
    }

    [Fact]
    public void OneForOne_Should_LeaveOtherSessionsAlone()
    {
        StartWith();
        var crasher = Connect();
        var bystander = Connect();
        Command(bystander, "/nick bob");

        Command(crasher, "/crash");

        Assert.Equal("OK nick bobby", Command(bystander, "/nick bobby"));
        bystander.ExpectNothing();
    }

    [Fact]
    public void AllForOne_Should_ResetEverySessionOfTheEndpoint()
    {
        StartWith(SupervisionStrategyKind.AllForOne);
        var crasher = Connect();
        var bystander = Connect();
        Command(bystander, "/nick bob");

        Command(crasher, "/crash");

        Assert.Equal("NOTICE session state was reset after an internal error", bystander.ExpectLine());
        Assert.Equal("WHO * 2: guest-1 guest-2", Command(bystander, "/who"));
    }

    [Fact]
    public void Crash_Should_BeAnUnknownCommand_WhenTheDemoSwitchIsOff()
    {
        StartServer();
        var client = Connect();

        Assert.Equal("ERR unknown command '/crash'; try /help", Command(client, "/crash"));
    }

    [Fact]
    public void SessionCrashException_Should_SayWhyItWasThrown()
    {
        Assert.Contains("allow-crash", new SessionCrashException().Message, StringComparison.Ordinal);
    }
}
