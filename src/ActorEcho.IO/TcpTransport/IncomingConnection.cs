using System.Net.Sockets;
using ActorEcho.Actors;

namespace ActorEcho.IO.TcpTransport;

/// <summary>
/// From a listener to the manager: make a connection actor for an accepted socket. The manager owns
/// connection actors so that unbinding a listener leaves its connections running.
/// <paramref name="Counter"/> is null for an over-limit connection, which does not count.
/// </summary>
internal sealed record IncomingConnection(Socket Socket, IActorRef BindHandler, bool PullMode, ConnectionCounter? Counter, bool OverLimit);
