namespace ActorEcho.Host.CommandLine;

/// <summary>The command line is malformed: an unknown option, a bad <c>-D</c> or a bad <c>--bind</c> address.</summary>
public sealed class HostOptionsException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public HostOptionsException()
    {
    }

    /// <summary>Creates the exception with a one-line message that says what was wrong.</summary>
    public HostOptionsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public HostOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
