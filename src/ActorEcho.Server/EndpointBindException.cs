using System.Net;

namespace ActorEcho.Server;

/// <summary>Thrown by <see cref="EchoServer.StartAsync"/> when an endpoint could not be bound (the others are unbound again).</summary>
public sealed class EndpointBindException : Exception
{
    /// <summary>Creates the exception for <paramref name="endpointName"/> at <paramref name="localEndPoint"/>.</summary>
    public EndpointBindException(string endpointName, EndPoint localEndPoint, Exception? cause)
        : base($"could not bind endpoint '{endpointName}' to {localEndPoint}: {cause?.Message ?? "Akka.IO refused the bind"}", cause)
    {
        EndpointName = endpointName;
        LocalEndPoint = localEndPoint;
    }

    /// <summary>Creates the exception with a message.</summary>
    public EndpointBindException()
        : this("unknown", new IPEndPoint(IPAddress.None, 0), null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EndpointBindException(string message)
        : base(message)
    {
        EndpointName = "unknown";
        LocalEndPoint = new IPEndPoint(IPAddress.None, 0);
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public EndpointBindException(string message, Exception innerException)
        : base(message, innerException)
    {
        EndpointName = "unknown";
        LocalEndPoint = new IPEndPoint(IPAddress.None, 0);
    }

    /// <summary>The endpoint's config name, e.g. <c>session-tcp</c>.</summary>
    public string EndpointName { get; }

    /// <summary>The address and port the bind asked for.</summary>
    public EndPoint LocalEndPoint { get; }
}
