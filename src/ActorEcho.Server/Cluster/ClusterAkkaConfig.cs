using System.Globalization;
using System.Net;
using Akka.Configuration;

namespace ActorEcho.Server.Cluster;

/// <summary>
/// The Akka configuration of a node in cluster mode: what cluster mode cannot do without
/// (<c>akka.actor.provider = cluster</c>, Akka.Remote's DotNetty transport bound to the server's
/// address and the cluster port) over the application's own configuration, over the defaults of
/// the embedded <c>Cluster/cluster.conf</c> (split-brain resolver, serializer, ...). The host
/// creates its actor system from it when <c>actorecho.cluster.port</c> is set; the tests do too.
/// </summary>
public static class ClusterAkkaConfig
{
    private static readonly Lazy<Config> Defaults = new(() =>
    {
        using var stream = typeof(ClusterAkkaConfig).Assembly.GetManifestResourceStream("ActorEcho.Server.cluster.conf")
            ?? throw new InvalidOperationException("the embedded cluster.conf is missing from ActorEcho.Server");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    });

    /// <summary>The defaults cluster mode runs with (the embedded <c>Cluster/cluster.conf</c>).</summary>
    public static Config ClusterDefaults => Defaults.Value;

    /// <summary>
    /// <paramref name="application"/> turned into the configuration of a cluster node listening on
    /// <paramref name="address"/> at <paramref name="cluster"/>'s port. Remoting binds only that
    /// address, so a node accepts no connection from outside it (loopback by default).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="cluster"/> is not enabled.</exception>
    public static Config For(ClusterSettings cluster, IPAddress address, Config application)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(application);
        if (cluster.Port is not { } port)
        {
            throw new ArgumentException("cluster mode is off (actorecho.cluster.port = off); there is no cluster configuration to build", nameof(cluster));
        }

        var host = address.ToString();
        var required = ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp {
              hostname = "{{host}}"
              public-hostname = "{{host}}"
              port = {{port}}
            }
            """));
        return required.WithFallback(application).WithFallback(ClusterDefaults);
    }
}
