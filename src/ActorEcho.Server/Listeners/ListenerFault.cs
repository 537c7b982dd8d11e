namespace ActorEcho.Server.Listeners;

/// <summary>
/// From <see cref="EchoServer.InjectListenerFault"/> to a TCP listener (only with allow-crash on):
/// throw, so the listener's supervisor has a failure to handle (the supervision demo).
/// </summary>
internal sealed record ListenerFault
{
    public static ListenerFault Instance { get; } = new();
}
