using System.Net.Sockets;
using ActorEcho.IO.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Connections;

public sealed class TcpLoadTests(ITestOutputHelper output) : IOTestBase(output)
{
    [Fact]
    public async Task ThousandConcurrentClients_Should_EachGetTheirOwnEcho()
    {
        const int clients = 1000;
        var echo = Sys.ActorOf(Props.Create<EchoBindHandler>());
        var (listener, endPoint) = Bind(echo, backlog: 2048);

        var sockets = new Socket[clients];
        try
        {
            for (var i = 0; i < clients; i++)
            {
                sockets[i] = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            }

            await Task.WhenAll(sockets.Select(s => s.ConnectAsync(endPoint))).WaitAsync(Patience);
            await Task.WhenAll(sockets.Select((s, i) => EchoOnceAsync(s, i))).WaitAsync(Patience * 3);
            Assert.Equal(clients + 1, OpenSockets);
        }
        finally
        {
            foreach (var s in sockets)
            {
                s?.Dispose();
            }
        }

        AwaitOpenSockets(1);
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    private static async Task EchoOnceAsync(Socket socket, int index)
    {
        var message = System.Text.Encoding.ASCII.GetBytes($"client {index:D4} says hello");
        await socket.SendAsync(message, SocketFlags.None);
        var buffer = new byte[message.Length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            Assert.True(n > 0, $"client {index} was disconnected");
            read += n;
        }

        Assert.Equal(message, buffer);
    }

    /// <summary>Registers itself for every connection and writes every chunk back to its sender.</summary>
    private sealed class EchoBindHandler : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Tcp.Connected:
                    Sender.Tell(new Tcp.Register(Self), Self);
                    break;
                case Tcp.Received received:
                    Sender.Tell(Tcp.Write.Create(received.Data), Self);
                    break;
                case Tcp.ConnectionClosed:
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }
}
