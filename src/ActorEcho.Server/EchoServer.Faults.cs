using ActorEcho.Server.Listeners;

namespace ActorEcho.Server;

public sealed partial class EchoServer
{
    /// <summary>
    /// Supervision demo hook, only with <c>actorecho.demo.allow-crash = on</c> (like <c>/crash</c>):
    /// makes the listener actor of TCP endpoint <paramref name="endpointName"/> (e.g. <c>session-tcp</c>)
    /// throw a <see cref="ListenerFaultException"/> while handling its next message. The failure goes to
    /// the listener's supervisor, the server root, whose default strategy restarts it. Returns at once;
    /// the failure happens on the listener's own thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">allow-crash is off.</exception>
    /// <exception cref="ArgumentException">No bound TCP endpoint has that name.</exception>
    public void InjectListenerFault(string endpointName)
    {
        ArgumentNullException.ThrowIfNull(endpointName);
        if (!Settings.AllowCrash)
        {
            throw new InvalidOperationException("injecting a listener fault needs actorecho.demo.allow-crash = on");
        }

        var started = _started.FirstOrDefault(s => s.Endpoint.Name == endpointName && s.Endpoint.Protocol == "tcp")
            ?? throw new ArgumentException(
                $"no bound TCP endpoint named '{endpointName}'; bound: {string.Join(", ", Endpoints.Where(e => e.Protocol == "tcp").Select(e => e.Name))}",
                nameof(endpointName));
        started.Actor.Tell(ListenerFault.Instance, null);
    }
}
