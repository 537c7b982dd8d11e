using ActorEcho.Hocon;


namespace ActorEcho.Server.Configuration;

/// <summary>The server's embedded <c>reference.conf</c>, parsed once.</summary>
internal static class ReferenceConfig
{
    private static readonly Lazy<HoconConfig> Lazy = new(() => HoconReader.FromResource(typeof(ReferenceConfig).Assembly, "ActorEcho.Server.reference.conf"));

    /// <summary>The parsed reference config.</summary>
    public static HoconConfig Value => Lazy.Value;
}
