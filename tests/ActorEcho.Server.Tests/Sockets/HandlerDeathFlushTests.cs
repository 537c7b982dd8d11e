using System.Net;
using System.Net.Sockets;
using ActorEcho.IO;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sockets;

/// <summary>
/// Pins a socket-layer behaviour the server depends on: a handler that has asked for a graceful
/// close (Write, then Close) and then stops must not lose the queued bytes. Sessions work around it
/// (they stay alive until <c>Tcp.Closed</c>), so this test documents the layer, not the server.
/// </summary>
public sealed class HandlerDeathFlushTests : TestKit.TestKit
{
    private const int Payload = 8 * 1024 * 1024;

    public HandlerDeathFlushTests(ITestOutputHelper output)
        : base(output)
    {
    }

    // Fails today with "Connection reset by peer": TcpConnection.HandleCommon handles
    // Terminated(handler) by aborting the socket in every state, Closing included.
    [Fact]
    public async Task QueuedWrites_Should_BeFlushed_WhenTheHandlerStopsAfterClose()
    {
        var handler = Sys.ActorOf(Props.Create(() => new WriteCloseAndStop(new byte[Payload])));
        Watch(handler);
        Sys.Tcp().Tell(new Tcp.Bind(handler, new IPEndPoint(IPAddress.Loopback, 0)), TestActor);
        var bound = ExpectMsg<Tcp.Bound>();
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync((IPEndPoint)bound.LocalAddress);

        // Read nothing until the handler is gone, so the connection still holds most of the payload.
        ExpectTerminated(handler, TimeSpan.FromSeconds(10));
        using var all = new MemoryStream();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await client.GetStream().CopyToAsync(all, cts.Token);

        Assert.Equal(Payload, all.Length);
    }

    private sealed class WriteCloseAndStop : UntypedActor
    {
        private readonly byte[] _payload;

        public WriteCloseAndStop(byte[] payload)
        {
            _payload = payload;
        }

        protected override void OnReceive(object message)
        {
            if (message is Tcp.Connected)
            {
                Sender.Tell(new Tcp.Register(Self), Self);
                Sender.Tell(Tcp.Write.Create(ByteString.FromOwnedArray(_payload)), Self);
                Sender.Tell(Tcp.Close.Instance, Self);

                Context.Stop(Self);
            }
        }
    }
}
