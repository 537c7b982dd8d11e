using ActorEcho.Config;
using ConfigTree = ActorEcho.Config.Config;

namespace ActorEcho.Server.Configuration;

/// <summary>The server's embedded <c>reference.conf</c>, parsed once.</summary>
internal static class ReferenceConfig
{
    private static readonly Lazy<ConfigTree> Lazy = new(() => ConfigurationFactory.FromResource(typeof(ReferenceConfig).Assembly, "ActorEcho.Server.reference.conf"));

    /// <summary>The parsed reference config.</summary>
    public static ConfigTree Value => Lazy.Value;
}
