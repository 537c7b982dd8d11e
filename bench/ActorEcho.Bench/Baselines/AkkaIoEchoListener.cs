using System.Net;
using Akka.Actor;
using Akka.IO;

namespace ActorEcho.Bench.Baselines;

/// <summary>
/// The stock Akka.IO echo server's listening half, written the way the Akka.NET documentation
/// teaches it and left untuned, so bench/compare.sh can show what ActorEcho's own handling costs
/// or saves on top of the same Akka.IO.
/// </summary>
internal sealed class AkkaIoEchoListener : ReceiveActor
{
    /// <param name="endpoint">Where to bind; port 0 picks a free port.</param>
    /// <param name="bound">Completed with the bound address, or failed when the bind is refused, so the caller prints LISTENING only once connections are accepted.</param>
    public AkkaIoEchoListener(EndPoint endpoint, TaskCompletionSource<EndPoint> bound)
    {
        Context.System.Tcp().Tell(new Tcp.Bind(Self, endpoint));

        Receive<Tcp.Bound>(b => bound.TrySetResult(b.LocalAddress));
        Receive<Tcp.CommandFailed>(failed =>
        {
            bound.TrySetException(new InvalidOperationException($"Akka.IO could not bind {endpoint}: {failed.CauseString.Trim()}"));
            Context.Stop(Self);
        });
        Receive<Tcp.Connected>(_ =>
        {
            // A child per connection: when the listener stops, every connection handler stops with it.
            var handler = Context.ActorOf(Props.Create(() => new AkkaIoEchoConnection()));
            Sender.Tell(new Tcp.Register(handler));
        });
    }
}
