using ActorEcho.Hocon;
using Serilog.Events;


namespace ActorEcho.Host.Logging;

/// <summary>
/// The host's logging settings (HOCON <c>actorecho.logging.*</c>; hocon/actorecho.conf comments
/// each key). Defaults here equal that file's. Serilog writes them; Akka's events reach it through
/// Akka.Logger.Serilog, which names the logging actor's path in <c>LogSource</c> and its class in
/// <c>SourceContext</c> (the property <see cref="Overrides"/> match on).
/// </summary>
public sealed record LoggingSettings
{
    /// <summary>Default console template: time, level, where the event comes from (an actor path, or ActorEcho.Host), message.</summary>
    public const string DefaultTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {LogSource}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Default file template: as the console's, with the date, the offset and the logging class.</summary>
    public const string DefaultFileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {LogSource} ({SourceContext}): {Message:lj}{NewLine}{Exception}";

    /// <summary>Minimum level of every category without an override (default Information).</summary>
    public LogEventLevel Level { get; init; } = LogEventLevel.Information;

    /// <summary>Minimum level per class-name prefix (Serilog's <c>SourceContext</c>), e.g. <c>Akka.IO</c> (default none).</summary>
    public IReadOnlyDictionary<string, LogEventLevel> Overrides { get; init; } = new Dictionary<string, LogEventLevel>();

    /// <summary>Whether events go to the console (default on).</summary>
    public bool ConsoleEnabled { get; init; } = true;

    /// <summary>The console's output template (default <see cref="DefaultTemplate"/>).</summary>
    public string ConsoleTemplate { get; init; } = DefaultTemplate;

    /// <summary>Path of the rolling log file; null or empty writes no file (default none).</summary>
    public string? FilePath { get; init; }

    /// <summary>How often the file rolls over: infinite, year, month, day, hour or minute (default day).</summary>
    public Serilog.RollingInterval FileRollingInterval { get; init; } = Serilog.RollingInterval.Day;

    /// <summary>Rolled files kept; older ones are deleted (default 7).</summary>
    public int FileRetainedCount { get; init; } = 7;

    /// <summary>The file's output template (default <see cref="DefaultFileTemplate"/>).</summary>
    public string FileTemplate { get; init; } = DefaultFileTemplate;

    /// <summary>
    /// The most verbose level Serilog lets through for an event that comes from Akka: <see cref="Level"/>
    /// or any override, except overrides of the host's own category, whose lines never pass through Akka.
    /// </summary>
    public LogEventLevel MostVerboseFromAkka => Overrides
        .Where(o => !o.Key.StartsWith(Hosting.HostLog.Category, StringComparison.Ordinal))
        .Select(o => o.Value)
        .Append(Level)
        .Min();

    /// <summary>
    /// <see cref="MostVerboseFromAkka"/> in Akka's terms (<c>akka.loglevel</c>): DEBUG, INFO, WARNING or
    /// ERROR. Akka has no level below Debug or above Error, so Verbose maps to DEBUG and Fatal to ERROR.
    /// </summary>
    public string AkkaLogLevel => MostVerboseFromAkka switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => "DEBUG",
        LogEventLevel.Information => "INFO",
        LogEventLevel.Warning => "WARNING",
        _ => "ERROR",
    };

    /// <summary>
    /// Reads <c>actorecho.logging</c> from a merged configuration. A key that is missing keeps its
    /// default; a bad level or interval is a <see cref="HoconException"/> naming the key.
    /// </summary>
    public static LoggingSettings FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig("actorecho.logging");
        var defaults = new LoggingSettings();
        var overrides = new Dictionary<string, LogEventLevel>(StringComparer.Ordinal);
        var overridesConfig = c.GetConfig("overrides");
        foreach (var category in overridesConfig.Root.Keys)
        {
            // Category names hold dots, so the key is quoted when read back as a path.
            overrides[category] = ParseLevel(overridesConfig.GetString($"\"{category}\""), $"actorecho.logging.overrides.\"{category}\"");
        }

        var filePath = c.GetString("file.path", null);
        return new LoggingSettings
        {
            Level = ParseLevel(c.GetString("level", "Information") ?? "Information", "actorecho.logging.level"),
            Overrides = overrides,
            ConsoleEnabled = c.GetBoolean("console.enabled", defaults.ConsoleEnabled),
            ConsoleTemplate = c.GetString("console.template", defaults.ConsoleTemplate) ?? defaults.ConsoleTemplate,
            FilePath = string.IsNullOrWhiteSpace(filePath) ? null : filePath,
            FileRollingInterval = ParseInterval(c.GetString("file.rolling-interval", "day") ?? "day"),
            FileRetainedCount = Positive(c.GetInt("file.retained-file-count", defaults.FileRetainedCount), "actorecho.logging.file.retained-file-count"),
            FileTemplate = c.GetString("file.template", defaults.FileTemplate) ?? defaults.FileTemplate,
        };
    }

    /// <summary>Reads a level name in Serilog's or Microsoft.Extensions.Logging's spelling, any case.</summary>
    public static LogEventLevel ParseLevel(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant() switch
        {
            "VERBOSE" or "TRACE" => LogEventLevel.Verbose,
            "DEBUG" => LogEventLevel.Debug,
            "INFORMATION" or "INFO" => LogEventLevel.Information,
            "WARNING" or "WARN" => LogEventLevel.Warning,
            "ERROR" => LogEventLevel.Error,
            "FATAL" or "CRITICAL" => LogEventLevel.Fatal,
            _ => throw new HoconException(
                $"path {path}: unknown log level '{text}'; expected Verbose, Debug, Information, Warning, Error or Fatal"),
        };
    }

    private static Serilog.RollingInterval ParseInterval(string text) => text.Trim().ToUpperInvariant() switch
    {
        "INFINITE" or "NEVER" => Serilog.RollingInterval.Infinite,
        "YEAR" => Serilog.RollingInterval.Year,
        "MONTH" => Serilog.RollingInterval.Month,
        "DAY" => Serilog.RollingInterval.Day,
        "HOUR" => Serilog.RollingInterval.Hour,
        "MINUTE" => Serilog.RollingInterval.Minute,
        _ => throw new HoconException(
            $"path actorecho.logging.file.rolling-interval: unknown interval '{text}'; expected infinite, year, month, day, hour or minute"),
    };

    private static int Positive(int value, string path) => value > 0
        ? value
        : throw new HoconException($"path {path}: expected a number greater than 0, got {value}");
}
