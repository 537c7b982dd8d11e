using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace ActorEcho.Host.Logging;

/// <summary>Builds the Serilog pipeline the host hands to the kernel as its <see cref="ILoggerFactory"/>.</summary>
public static class HostLogging
{
    /// <summary>
    /// A logger factory writing to the console and, when <see cref="LoggingSettings.FilePath"/> is
    /// set, a rolling file. Disposing the factory flushes and closes both.
    /// </summary>
    public static ILoggerFactory CreateLoggerFactory(LoggingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = new LoggerConfiguration().MinimumLevel.Is(settings.Level);
        foreach (var (category, level) in settings.Overrides)
        {
            configuration = configuration.MinimumLevel.Override(category, level);
        }

        if (settings.ConsoleEnabled)
        {
            configuration = configuration.WriteTo.Console(outputTemplate: settings.ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        if (settings.FilePath is { } path)
        {
            configuration = configuration.WriteTo.File(
                path,
                outputTemplate: settings.FileTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                rollingInterval: settings.FileRollingInterval,
                retainedFileCountLimit: settings.FileRetainedCount);
        }

        return new SerilogLoggerFactory(configuration.CreateLogger(), dispose: true);
    }
}
