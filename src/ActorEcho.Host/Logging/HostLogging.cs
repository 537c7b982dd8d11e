using System.Globalization;
using Serilog;
using Serilog.Core;

namespace ActorEcho.Host.Logging;

/// <summary>
/// Builds the Serilog pipeline of <c>actorecho.logging</c>. The host installs it as Serilog's static
/// <see cref="Log.Logger"/>, because that is where Akka.Logger.Serilog's <c>SerilogLogger</c> (the
/// logger <c>akka.loggers</c> names) writes every Akka log event.
/// </summary>
public static class HostLogging
{
    /// <summary>
    /// A logger writing to the console and, when <see cref="LoggingSettings.FilePath"/> is set, a
    /// rolling file. Disposing it flushes and closes both.
    /// </summary>
    public static Logger CreateLogger(LoggingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = new LoggerConfiguration().MinimumLevel.Is(settings.Level);
        foreach (var (category, level) in settings.Overrides)
        {
            configuration = configuration.MinimumLevel.Override(category, level);
        }

        if (settings.ConsoleEnabled)
        {
            configuration = configuration.WriteTo.Console(outputTemplate: settings.ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
        }

        if (settings.FilePath is { } path)
        {
            configuration = configuration.WriteTo.File(
                path,
                outputTemplate: settings.FileTemplate,
                formatProvider: CultureInfo.InvariantCulture,
                rollingInterval: settings.FileRollingInterval,
                retainedFileCountLimit: settings.FileRetainedCount);
        }

        return configuration.CreateLogger();
    }
}
