namespace ActorEcho.Host.Hosting;

/// <summary>The server could not start, e.g. an endpoint's port is in use; the message names the endpoint.</summary>
public sealed class HostStartupException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public HostStartupException()
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public HostStartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public HostStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
