using System.Net.Sockets;
using ActorEcho.Actors;

namespace ActorEcho.IO.TcpTransport;

/// <summary>How a connection actor came to be: an accepted socket, or a <see cref="Tcp.Connect"/> to carry out.</summary>
internal sealed record ConnectionOrigin
{
    private ConnectionOrigin()
    {
    }

    /// <summary>The accepted socket; null for an outgoing connection until it connects.</summary>
    public Socket? AcceptedSocket { get; private init; }

    /// <summary>The bind handler (incoming) or the connect sender (outgoing): who gets <see cref="Tcp.Connected"/>.</summary>
    public required IActorRef NotifyConnected { get; init; }

    public Tcp.Connect? Connect { get; private init; }

    public bool PullMode { get; private init; }

    public ConnectionCounter? Counter { get; private init; }

    public bool OverLimit { get; private init; }

    public static ConnectionOrigin Incoming(IncomingConnection incoming) => new()
    {
        AcceptedSocket = incoming.Socket,
        NotifyConnected = incoming.BindHandler,
        PullMode = incoming.PullMode,
        Counter = incoming.Counter,
        OverLimit = incoming.OverLimit,
    };

    public static ConnectionOrigin Outgoing(Tcp.Connect connect, IActorRef commander) => new()
    {
        Connect = connect,
        NotifyConnected = commander,
        PullMode = connect.PullMode,
    };
}
