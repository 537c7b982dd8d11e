using System.Globalization;
using System.Net;
using System.Reflection;
using Akka.Actor;
using Akka.Configuration;
using ActorEcho.Hocon;
using ActorEcho.Host.CommandLine;
using ActorEcho.Host.Logging;
using ActorEcho.Server;

namespace ActorEcho.Host.Configuration;

/// <summary>
/// Builds the one configuration the host runs with, from these layers, lowest first: Akka's own
/// defaults (the <c>akka.conf</c> embedded in the Akka assembly), each of our libraries' embedded
/// <c>reference.conf</c>, the application's <c>hocon/actorecho.conf</c> (embedded in the host),
/// <c>--config FILE</c>, then every <c>-Dpath=value</c> in command-line order, and finally
/// <c>--bind</c>, <c>--cluster-port</c> and <c>--seed</c>. Substitutions resolve after the merge, so a higher layer changes every value that
/// refers to a key it sets. The result is handed to Akka whole (<see cref="ToAkkaConfig"/>), so
/// what <c>--print-config</c> prints is what the actor system runs with.
/// </summary>
public static class HostConfiguration
{
    /// <summary>The key <c>--bind</c> sets: the server's listen address, shared by every endpoint.</summary>
    public const string BindKey = "actorecho.server.address";

    /// <summary>The key <c>--cluster-port</c> sets.</summary>
    public const string ClusterPortKey = "actorecho.cluster.port";

    /// <summary>The key <c>--seed</c> sets (every <c>--seed</c> together, as a list).</summary>
    public const string SeedsKey = "actorecho.cluster.seeds";

    /// <summary>Manifest name of the embedded application config (<c>hocon/actorecho.conf</c>).</summary>
    public const string ApplicationConfigResource = "ActorEcho.Host.actorecho.conf";

    /// <summary>
    /// Manifest name of Akka's defaults in the Akka assembly: the text
    /// <see cref="ConfigurationFactory.Default"/> parses. Our reader parses that text itself,
    /// because Akka's rendering of a parsed config is not HOCON that other readers accept.
    /// </summary>
    public const string AkkaDefaultsResource = "Akka.Configuration.akka.conf";

    // The libraries whose reference.conf sits between Akka's defaults and the application config.
    private static readonly Assembly[] Libraries =
    [
        typeof(EchoServer).Assembly,
    ];

    private static readonly Lazy<HoconConfig> Application =
        new(() => HoconReader.FromResource(typeof(HostConfiguration).Assembly, ApplicationConfigResource));

    private static readonly Lazy<HoconConfig> References = new(LoadReferences);

    private static readonly Lazy<HoconConfig> Akka =
        new(() => HoconReader.FromResource(typeof(ActorSystem).Assembly, AkkaDefaultsResource));

    /// <summary>The embedded <c>hocon/actorecho.conf</c>, unmerged and unresolved.</summary>
    public static HoconConfig ApplicationConfig => Application.Value;

    /// <summary>Every library's <c>reference.conf</c> merged (today the server's).</summary>
    public static HoconConfig ReferenceConfig => References.Value;

    /// <summary>Akka's defaults, as Akka itself ships them, read with our reader.</summary>
    public static HoconConfig AkkaDefaults => Akka.Value;

    /// <summary>
    /// Builds the merged, resolved configuration for <paramref name="options"/>. Throws
    /// <see cref="HoconException"/> (with origin:line:column when known) for a file or value
    /// that does not parse or resolve, or a bad <c>actorecho.logging</c> value, and
    /// <see cref="HostOptionsException"/> for a malformed <c>-D</c>.
    /// </summary>
    public static HoconConfig Load(HostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ours = ClusterOverride(options);
        if (options.BindAddress is { } address)
        {
            ours = ours.WithFallback(BindOverride(address));
        }

        // Later -D options win, so they are stacked from the last one down.
        for (var i = options.Overrides.Count - 1; i >= 0; i--)
        {
            ours = ours.WithFallback(ParseOverride(options.Overrides[i]));
        }

        if (options.ConfigFile is { } file)
        {
            ours = ours.WithFallback(HoconReader.FromFile(file));
        }

        ours = ours.WithFallback(ApplicationConfig).WithFallback(ReferenceConfig);

        // Akka drops every event below akka.loglevel before Serilog sees it, so unless a layer sets
        // akka.loglevel itself it follows actorecho.logging: the most verbose level any category
        // asks for. That layer sits right above Akka's defaults, so any explicit setting wins.
        var logging = LoggingSettings.FromConfig(ours.WithFallback(AkkaDefaults).Resolve());
        return ours.WithFallback(AkkaLogLevelLayer(logging)).WithFallback(AkkaDefaults).Resolve();
    }

    /// <summary>
    /// Hands a resolved configuration to Akka: rendered as JSON (which both readers agree on) and
    /// parsed by <see cref="ConfigurationFactory.ParseString(string)"/>, for
    /// <c>BootstrapSetup.Create().WithConfig(...)</c> or a TestKit.
    /// </summary>
    public static Config ToAkkaConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ConfigurationFactory.ParseString(config.ToJson(indented: false));
    }

    /// <summary>
    /// Parses one <c>-D</c> entry (the text after <c>-D</c>, <c>path=value</c>) as the HOCON line
    /// <c>path = value</c>: <c>-Dx.port=9000</c> is a number, <c>-Dx.timeout=5s</c> a duration string.
    /// </summary>
    public static HoconConfig ParseOverride(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new HostOptionsException($"-D{entry}: expected -Dpath=value, e.g. -Dactorecho.server.endpoints.session-tcp.port=9000");
        }

        var path = entry[..equals].Trim();
        var value = entry[(equals + 1)..];
        if (path.Length == 0)
        {
            throw new HostOptionsException($"-D{entry}: the path before '=' is empty; expected -Dpath=value");
        }

        // An empty value means the empty string, not a syntax error.
        var text = string.IsNullOrWhiteSpace(value) ? $"{path} = \"\"" : $"{path} = {value}";
        return HoconReader.ParseString(text, $"-D{entry}");
    }

    private static HoconConfig BindOverride(IPAddress address)
    {
        // Quoted: an IPv6 address holds ':' characters, which HOCON only accepts inside quotes.
        var text = string.Format(CultureInfo.InvariantCulture, "{0} = \"{1}\"", BindKey, address);
        return HoconReader.ParseString(text, "--bind " + address);
    }

    private static HoconConfig ClusterOverride(HostOptions options)
    {
        var lines = new List<string>();
        if (options.ClusterPort is { } port)
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, "{0} = {1}", ClusterPortKey, port));
        }

        if (options.Seeds.Count > 0)
        {
            // Quoted: HOST:PORT holds a ':'.
            lines.Add($"{SeedsKey} = [{string.Join(", ", options.Seeds.Select(s => "\"" + s.Replace("\"", "", StringComparison.Ordinal) + "\""))}]");
        }

        return lines.Count == 0 ? HoconReader.Empty : HoconReader.ParseString(string.Join("\n", lines), "--cluster-port/--seed");
    }

    private static HoconConfig AkkaLogLevelLayer(LoggingSettings logging) =>
        HoconReader.ParseString($"akka.loglevel = \"{logging.AkkaLogLevel}\"", "akka.loglevel derived from actorecho.logging");

    private static HoconConfig LoadReferences()
    {
        var merged = HoconReader.Empty;
        foreach (var assembly in Libraries)
        {
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith("reference.conf", StringComparison.Ordinal)))
            {
                merged = merged.WithFallback(HoconReader.FromResource(assembly, name));
            }
        }

        return merged;
    }
}
