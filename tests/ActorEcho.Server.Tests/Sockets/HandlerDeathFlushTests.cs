using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sockets;

/// <summary>
/// Pins an Akka.IO 1.5.75 behaviour: a handler that has asked for a graceful close (Write, then
/// Close) and then stops does not lose the queued bytes, because the connection stops watching its
/// handler once a close with pending writes begins. Sessions do not rely on it (they stay alive
/// until the connection reports it closed); the test documents the library.
/// </summary>
public sealed class HandlerDeathFlushTests : Akka.TestKit.Xunit2.TestKit
{
    private const int Payload = 8 * 1024 * 1024;

    public HandlerDeathFlushTests(ITestOutputHelper output)
        : base(output: output)
    {
    }

    [Fact]
    public async Task QueuedWrites_Should_BeFlushed_WhenTheHandlerStopsAfterClose()
    {
        // The test actor is the bind commander: it must outlive the handler, because Akka.IO's
        // listener stops (and with it every connection it accepted) when its commander dies.
        Sys.Tcp().Tell(new Tcp.Bind(TestActor, new IPEndPoint(IPAddress.Loopback, 0)), TestActor);
        var bound = ExpectMsg<Tcp.Bound>();
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync((IPEndPoint)bound.LocalAddress);
        ExpectMsg<Tcp.Connected>();
        var connection = LastSender;
        var handler = Sys.ActorOf(Props.Create(() => new WriteCloseAndStop(connection, new byte[Payload])));
        Watch(handler);

        // Read nothing until the handler is gone, so the connection still holds most of the payload.
        ExpectTerminated(handler, TimeSpan.FromSeconds(10));
        using var all = new MemoryStream();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await client.GetStream().CopyToAsync(all, cts.Token);

        Assert.Equal(Payload, all.Length);
    }

    private sealed class WriteCloseAndStop : UntypedActor
    {
        private readonly IActorRef _connection;
        private readonly byte[] _payload;

        public WriteCloseAndStop(IActorRef connection, byte[] payload)
        {
            _connection = connection;
            _payload = payload;
        }

        protected override void PreStart()
        {
            _connection.Tell(new Tcp.Register(Self), Self);
            _connection.Tell(Tcp.Write.Create(ByteString.FromBytes(_payload)), Self);
            _connection.Tell(Tcp.Close.Instance, Self);
            Context.Stop(Self);
        }

        protected override void OnReceive(object message)
        {
        }
    }
}
