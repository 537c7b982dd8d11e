using System.Globalization;
using System.Net;
using System.Reflection;
using ActorEcho.Actors;
using ActorEcho.Hocon;
using ActorEcho.Host.CommandLine;
using ActorEcho.IO;
using ActorEcho.Server;


namespace ActorEcho.Host.Configuration;

/// <summary>
/// Stacks the host's configuration layers, lowest first: each library's embedded
/// <c>reference.conf</c>, the application's <c>hocon/actorecho.conf</c> (embedded in the host),
/// <c>--config FILE</c>, then every <c>-Dpath=value</c> in command-line order, and finally
/// <c>--bind</c>. Substitutions resolve after the merge, so a higher layer changes every value
/// that refers to a key it sets.
/// </summary>
public static class HostConfiguration
{
    /// <summary>The key <c>--bind</c> sets: the server's listen address, shared by every endpoint.</summary>
    public const string BindKey = "actorecho.server.address";

    /// <summary>Manifest name of the embedded application config (<c>hocon/actorecho.conf</c>).</summary>
    public const string ApplicationConfigResource = "ActorEcho.Host.actorecho.conf";

    // Anchors for the libraries whose reference.conf sits below the application config; the
    // kernel first so that a later library could refer to kernel keys (resolution is global anyway).
    private static readonly Assembly[] Libraries =
    [
        typeof(ActorSystem).Assembly,
        typeof(TcpSettings).Assembly,
        typeof(EchoServer).Assembly,
    ];

    private static readonly Lazy<HoconConfig> Application =
        new(() => HoconReader.FromResource(typeof(HostConfiguration).Assembly, ApplicationConfigResource));

    private static readonly Lazy<HoconConfig> References = new(LoadReferences);

    /// <summary>The embedded <c>hocon/actorecho.conf</c>, unmerged and unresolved.</summary>
    public static HoconConfig ApplicationConfig => Application.Value;

    /// <summary>Every library's <c>reference.conf</c> merged (kernel, socket layer, server).</summary>
    public static HoconConfig ReferenceConfig => References.Value;

    /// <summary>
    /// Builds the merged, resolved configuration for <paramref name="options"/>. Throws
    /// <see cref="HoconException"/> (with origin:line:column when known) for a file or
    /// value that does not parse or resolve, and <see cref="HostOptionsException"/> for a
    /// malformed <c>-D</c>.
    /// </summary>
    public static HoconConfig Load(HostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = HoconReader.Empty;
        if (options.BindAddress is { } address)
        {
            config = BindOverride(address);
        }

        // Later -D options win, so they are stacked from the last one down.
        for (var i = options.Overrides.Count - 1; i >= 0; i--)
        {
            config = config.WithFallback(ParseOverride(options.Overrides[i]));
        }

        if (options.ConfigFile is { } file)
        {
            config = config.WithFallback(HoconReader.FromFile(file));
        }

        return config.WithFallback(ApplicationConfig).WithFallback(ReferenceConfig).Resolve();
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
