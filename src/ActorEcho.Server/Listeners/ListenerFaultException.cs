namespace ActorEcho.Server.Listeners;

/// <summary>Thrown by a TCP listener told to fail by <see cref="EchoServer.InjectListenerFault"/> (supervision demo only).</summary>
public sealed class ListenerFaultException : Exception
{
    /// <summary>Creates the exception with the standard message.</summary>
    public ListenerFaultException()
        : base("injected listener fault (actorecho.demo.allow-crash = on)")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ListenerFaultException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ListenerFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
