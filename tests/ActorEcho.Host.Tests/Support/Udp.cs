using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Host.Tests.Support;

/// <summary>One UDP request and its reply, retried a bounded number of times (datagrams may be lost).</summary>
internal static class Udp
{
    public static async Task<byte[]> RequestAsync(IPEndPoint server, byte[] request, CancellationToken ct)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        var buffer = new byte[65536];
        for (var attempt = 1; ; attempt++)
        {
            await socket.SendToAsync(request, SocketFlags.None, server, ct);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0), wait.Token);
                return buffer.AsSpan(0, result.ReceivedBytes).ToArray();
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && attempt < 5)
            {
                // Lost on loopback is rare but allowed for UDP; ask again.
            }
        }
    }
}
