using ActorEcho.IO;
using ActorEcho.Server.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sessions;

/// <summary>Sessions that borrow their receive buffers give each one back only once nothing of theirs still needs it.</summary>
public sealed class SessionLeaseTests : ServerTestKit
{
    public SessionLeaseTests(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public void LeasingSession_Should_RegisterForLeases_AndReturnAChunk_RightAfterItsEchoWrite()
    {
        StartServer(leaseReceiveBuffers: true);
        var connection = CreateTestProbe("leased-connection");
        Listener.Tell(new Tcp.Connected(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 40999), new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 8888), false), connection.Ref);
        var register = connection.ExpectMsg<Tcp.Register>();
        Assert.True(register.LeaseReceiveBuffers);
        var received = ByteString.FromBytes("abc\n"u8.ToArray());

        register.Handler.Tell(new Tcp.Received(received), connection.Ref);

        var write = connection.ExpectMsg<Tcp.Write>();
        Assert.Same(received.Segments[0].Array, write.Data.Segments[0].Array);
        var returned = connection.ExpectMsg<Tcp.ReturnBuffer>();
        Assert.Same(received, returned.Data);
    }

    [Fact]
    public void LeasingSession_Should_KeepAChunk_While_ItsEchoWaitsForTheWindow()
    {
        StartServer(ServerSettings.Default with { Session = new SessionSettings { MaxInFlightBytes = 4 } }, leaseReceiveBuffers: true);
        var client = Connect();
        var first = ByteString.FromBytes("aaaa"u8.ToArray());
        var second = ByteString.FromBytes("bbbb"u8.ToArray());

        client.Handler.Tell(new Tcp.Received(first), client.Connection.Ref);
        var firstWrite = client.Connection.ExpectMsg<Tcp.Write>();
        Assert.Same(first, client.Connection.ExpectMsg<Tcp.ReturnBuffer>().Data);

        // The window is full: the second echo waits in the session, and so must its buffer.
        client.Handler.Tell(new Tcp.Received(second), client.Connection.Ref);
        client.Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        client.Handler.Tell(firstWrite.Ack, client.Connection.Ref);
        Assert.Equal(second, client.Connection.ExpectMsg<Tcp.Write>().Data);
        Assert.Same(second, client.Connection.ExpectMsg<Tcp.ReturnBuffer>().Data);
    }

    [Fact]
    public void NonLeasingSession_Should_NeverSendReturnBuffer()
    {
        StartServer();
        var client = Connect();

        client.Handler.Tell(new Tcp.Received(ByteString.FromBytes("abc\n"u8.ToArray())), client.Connection.Ref);

        client.Connection.ExpectMsg<Tcp.Write>();
        client.Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
