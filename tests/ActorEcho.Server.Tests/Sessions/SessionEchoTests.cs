using ActorEcho.Server.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sessions;

public sealed class SessionEchoTests : ServerTestKit
{
    public SessionEchoTests(ITestOutputHelper output)
        : base(output)
    {
        StartServer();
    }

    [Fact]
    public void Session_Should_RegisterItselfWithTheConnection_AndStaySilentUntilTheClientSpeaks()
    {
        var client = Connect();

        client.ExpectNothing();
    }

    [Fact]
    public void Session_Should_EchoPartialDataAtOnce_WithoutANewline()
    {
        var client = Connect();

        client.Send("Hello Server!");

        client.ExpectText("Hello Server!");
        client.ExpectNothing();
    }

    [Fact]
    public void Session_Should_EchoTheReceivedBuffer_WithoutCopyingIt()
    {
        var client = Connect();
        var received = ByteString.FromBytes("abc\n"u8.ToArray());

        client.Handler.Tell(new Tcp.Received(received), client.Connection.Ref);

        var write = client.PumpUntil<Tcp.Write>();
        Assert.Equal(received, write.Data);
        Assert.Same(received, write.Data);
    }

    [Fact]
    public void Session_Should_EchoNonUtf8BytesUnchanged()
    {
        var client = Connect();
        byte[] binary = [0x00, 0xff, 0x80, 0xc3, (byte)'\n', 0xfe];

        client.Send(binary);

        Assert.Equal(binary, client.ExpectBytes(binary.Length));
    }

    [Fact]
    public void Session_Should_HandleALineSplitAcrossReads()
    {
        var client = Connect();

        client.Send("hel");
        client.ExpectText("hel");
        client.Send("lo\n/ti");
        client.ExpectText("lo\n");
        client.Send("me");
        client.ExpectNothing();
        client.Send("\n");

        Assert.Equal("2026-11-21T10:15:30.123Z", client.ExpectLine());
    }

    [Fact]
    public void Session_Should_HandleSeveralLinesInOneRead_InOrder()
    {
        var client = Connect();

        client.Send("first\n/time\nsecond\n/help\nthird");

        Assert.Equal("first", client.ExpectLine());
        Assert.Equal("2026-11-21T10:15:30.123Z", client.ExpectLine());
        Assert.Equal("second", client.ExpectLine());
        Assert.StartsWith("HELP /time", client.ExpectLine());
        client.ExpectText("third");
    }

    [Fact]
    public void Session_Should_EchoTheRestOfARead_OnceTheHubHasAnsweredTheCommandBeforeIt()
    {
        // The session stops parsing at /nick until the hub answers; the rest of the same chunk waits
        // in the session, unparsed, and is echoed after the reply.
        var client = Connect();

        client.Send("/nick bob\nhello\n/who\nagain");

        Assert.Equal("OK nick bob", client.ExpectLine());
        Assert.Equal("hello", client.ExpectLine());
        Assert.StartsWith("WHO", client.ExpectLine());
        client.ExpectText("again");
    }

    [Fact]
    public void Session_Should_AcceptCrlfCommands_AndTreatSlashInsideALineAsText()
    {
        var client = Connect();

        client.Send("/TIME\r\na/time is text\r\n");

        Assert.Equal("2026-11-21T10:15:30.123Z", client.ExpectLine());
        Assert.Equal("a/time is text\r", client.ExpectLine());
    }

    [Fact]
    public void Session_Should_FlushItsOutputAndClose_WhenTheClientHalfCloses()
    {
        var client = Connect();
        client.AutoAck = false;
        client.Send("bye");
        client.ExpectText("bye");

        client.Handler.Tell(Tcp.PeerClosed.Instance, client.Connection.Ref);
        client.AckAll();

        Watch(client.Handler);
        client.ExpectClose();
        ExpectTerminated(client.Handler);
    }

    [Fact]
    public void Session_Should_AnswerEverythingSentBeforeTheClientsFin()
    {
        var client = Connect();

        client.Send("/who\n/rooms\ntail");
        client.Handler.Tell(Tcp.PeerClosed.Instance, client.Connection.Ref);

        Assert.Equal("WHO * 1: guest-1", client.ExpectLine());
        Assert.Equal("ROOMS 0:", client.ExpectLine());
        client.ExpectText("tail");
        client.ExpectClose();
    }

    [Fact]
    public void Session_Should_Stop_WhenTheConnectionFails()
    {
        var client = Connect();
        Watch(client.Handler);

        client.Handler.Tell(new Tcp.ErrorClosed("connection reset by peer"), client.Connection.Ref);

        ExpectTerminated(client.Handler);
    }
}
