using System.Collections;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Logging;

/// <summary>
/// The logger an actor gets from <c>Context.GetLogger()</c>: every event carries the actor's path
/// as the structured property <c>ActorPath</c> and as a <c>[path]</c> prefix of the rendered text,
/// without the cost of a logging scope per message.
/// </summary>
internal sealed class ActorLogger(ILogger inner, string actorPath) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var withPath = new PathState<TState>(state, actorPath, formatter);
        inner.Log(logLevel, eventId, withPath, exception, static (s, e) => s.Render(e));
    }

    private readonly struct PathState<TState>(TState state, string path, Func<TState, Exception?, string> formatter) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private IReadOnlyList<KeyValuePair<string, object?>>? Inner => state as IReadOnlyList<KeyValuePair<string, object?>>;

        public int Count => (Inner?.Count ?? 0) + 1;

        public KeyValuePair<string, object?> this[int index]
        {
            get
            {
                var inner = Inner;
                var innerCount = inner?.Count ?? 0;

                // Keep the inner list's last element ({OriginalFormat}) last, as providers expect.
                if (innerCount == 0)
                {
                    return index == 0 ? new("ActorPath", path) : throw new ArgumentOutOfRangeException(nameof(index));
                }

                if (index < innerCount - 1)
                {
                    return inner![index];
                }

                if (index == innerCount - 1)
                {
                    return new("ActorPath", path);
                }

                return index == innerCount ? inner![innerCount - 1] : throw new ArgumentOutOfRangeException(nameof(index));
            }
        }

        public string Render(Exception? exception) => $"[{path}] {formatter(state, exception)}";

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Render(null);
    }
}
