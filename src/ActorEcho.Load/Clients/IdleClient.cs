using System.Net.Sockets;
using ActorEcho.Load.Metrics;
using ActorEcho.Load.Runner;

namespace ActorEcho.Load.Clients;

/// <summary>Holds one connection open and silent until the duration ends; any traffic or a close by the server is an error.</summary>
internal sealed class IdleClient : LoadClient
{
    public IdleClient(int id, RunContext context)
        : base(id, context)
    {
    }

    public override async Task RunAsync()
    {
        var socket = await ConnectTcpAsync();
        if (socket is null)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Context.StopSending, AbortToken);
        var buffer = new byte[64];
        try
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
            Abort(received == 0 ? ErrorKind.Disconnected : ErrorKind.Unexpected);
        }
        catch (OperationCanceledException)
        {
            // The duration is over: the connection was held as intended.
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            OnSocketFailure();
        }
        finally
        {
            Close();
        }
    }
}
