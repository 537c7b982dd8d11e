using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Host.Tests.Support;

/// <summary>A fact that is skipped, saying so, when the machine cannot bind the IPv6 loopback address ::1.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Ipv6FactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(Probe);

    public Ipv6FactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "IPv6 loopback (::1) is not available on this machine";
        }
    }

    private static bool Probe()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
