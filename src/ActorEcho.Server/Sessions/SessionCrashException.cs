namespace ActorEcho.Server.Sessions;

/// <summary>Thrown by a session on <c>/crash</c> (only with <c>actorecho.demo.allow-crash = on</c>) to demonstrate supervision.</summary>
public sealed class SessionCrashException : Exception
{
    /// <summary>Creates the exception with the standard message.</summary>
    public SessionCrashException()
        : base("/crash: the client asked this session to fail (actorecho.demo.allow-crash = on)")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SessionCrashException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SessionCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
