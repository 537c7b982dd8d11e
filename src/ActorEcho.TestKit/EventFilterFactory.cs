using ActorEcho.TestKit.Logging;
using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit;

/// <summary>
/// Builds event filters (reached as <c>EventFilter</c> on a test kit). A filter matches log
/// events written through the TestKit's logger factory, or dead letters on the event stream; see
/// <see cref="EventFilterApplier"/> for expecting and muting them. Text criteria (<c>message</c>:
/// exact, <c>start</c>: prefix, <c>contains</c>: substring) all must hold when given; <c>source</c>
/// must equal the event's <c>ActorPath</c> property or its logger category.
/// </summary>
public sealed class EventFilterFactory
{
    private readonly TestKitBase _kit;
    private readonly TestLogSink _sink;

    internal EventFilterFactory(TestKitBase kit, TestLogSink sink)
    {
        _kit = kit;
        _sink = sink;
    }

    /// <summary>
    /// Log events carrying an exception of type <typeparamref name="TException"/> (or a subtype),
    /// at any level; text criteria apply to the log message or the exception's message. The
    /// kernel's supervisor logs every actor failure this way.
    /// </summary>
    public EventFilterApplier Exception<TException>(string? message = null, string? start = null, string? contains = null, string? source = null)
        where TException : Exception =>
        Exception(typeof(TException), message, start, contains, source);

    /// <summary>Same as <see cref="Exception{TException}"/> with the type as a value.</summary>
    public EventFilterApplier Exception(Type exceptionType, string? message = null, string? start = null, string? contains = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        if (!typeof(Exception).IsAssignableFrom(exceptionType))
        {
            throw new ArgumentException($"{exceptionType} is not an exception type", nameof(exceptionType));
        }

        return Build(
            EventMatcher.Describe($"exception {exceptionType.Name}", message, start, contains, source),
            e => e.Exception is { } ex && exceptionType.IsInstanceOfType(ex)
                && EventMatcher.TextMatches(message, start, contains, e.Message, ex.Message)
                && SourceMatches(e, source));
    }

    /// <summary>Log events at Error or Critical level.</summary>
    public EventFilterApplier Error(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Level("error", l => l >= LogLevel.Error && l != LogLevel.None, message, start, contains, source);

    /// <summary>Log events at Warning level.</summary>
    public EventFilterApplier Warning(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Level("warning", l => l == LogLevel.Warning, message, start, contains, source);

    /// <summary>Log events at Information level.</summary>
    public EventFilterApplier Info(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Level("info", l => l == LogLevel.Information, message, start, contains, source);

    /// <summary>Log events at Debug or Trace level (the TestKit's log level must let them through; Debug by default).</summary>
    public EventFilterApplier Debug(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Level("debug", l => l is LogLevel.Debug or LogLevel.Trace, message, start, contains, source);

    /// <summary>
    /// Dead letters (published on the event stream) whose message is a <typeparamref name="TMessage"/>;
    /// text criteria apply to the message's <c>ToString()</c>, <c>source</c> to the recipient's path.
    /// </summary>
    public EventFilterApplier DeadLetter<TMessage>(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        DeadLetter<TMessage>(_ => true, message, start, contains, source);

    /// <summary>Dead letters whose message is a <typeparamref name="TMessage"/> satisfying <paramref name="isMatch"/>.</summary>
    public EventFilterApplier DeadLetter<TMessage>(Func<TMessage, bool> isMatch, string? message = null, string? start = null, string? contains = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(isMatch);
        var matcher = new EventMatcher(
            EventMatcher.Describe($"dead letter of {typeof(TMessage).Name}", message, start, contains, source),
            null,
            d => d.Message is TMessage m && isMatch(m)
                && EventMatcher.TextMatches(message, start, contains, d.Message.ToString())
                && (source is null || string.Equals(d.Recipient.Path.ToString(), source, StringComparison.Ordinal)));
        return new EventFilterApplier(_kit, _sink, matcher);
    }

    /// <summary>Dead letters of any message.</summary>
    public EventFilterApplier DeadLetter() => DeadLetter<object>();

    /// <summary>Log events for which <paramref name="isMatch"/> holds.</summary>
    public EventFilterApplier Custom(Predicate<LogEvent> isMatch)
    {
        ArgumentNullException.ThrowIfNull(isMatch);
        return Build("custom log event filter", e => isMatch(e));
    }

    private static bool SourceMatches(LogEvent e, string? source) =>
        source is null
        || string.Equals(e.ActorPath, source, StringComparison.Ordinal)
        || string.Equals(e.Category, source, StringComparison.Ordinal);

    private EventFilterApplier Level(string kind, Func<LogLevel, bool> level, string? message, string? start, string? contains, string? source) =>
        Build(
            EventMatcher.Describe(kind, message, start, contains, source),
            e => level(e.Level) && EventMatcher.TextMatches(message, start, contains, e.Message) && SourceMatches(e, source));

    private EventFilterApplier Build(string description, Func<LogEvent, bool> isMatch) =>
        new(_kit, _sink, new EventMatcher(description, isMatch, null));
}
