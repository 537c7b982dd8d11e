using ActorEcho.Actors.Events;

namespace ActorEcho.TestKit.Logging;

/// <summary>What one event filter matches: log events, dead letters, or neither; and how it describes itself in failures.</summary>
internal sealed class EventMatcher(string description, Func<LogEvent, bool>? logEvents, Func<DeadLetter, bool>? deadLetters)
{
    public string Description => description;

    public bool IsMatch(LogEvent logEvent) => logEvents?.Invoke(logEvent) == true;

    public bool IsMatch(DeadLetter letter) => deadLetters?.Invoke(letter) == true;

    /// <summary>
    /// The text test shared by every filter: each criterion given must hold (exact message, prefix,
    /// substring), on any of the candidate texts.
    /// </summary>
    public static bool TextMatches(string? message, string? start, string? contains, params string?[] candidates)
    {
        if (message is null && start is null && contains is null)
        {
            return true;
        }

        foreach (var text in candidates)
        {
            if (text is null)
            {
                continue;
            }

            if ((message is null || string.Equals(text, message, StringComparison.Ordinal))
                && (start is null || text.StartsWith(start, StringComparison.Ordinal))
                && (contains is null || text.Contains(contains, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    public static string Describe(string kind, string? message, string? start, string? contains, string? source)
    {
        var parts = new List<string>();
        if (message is not null)
        {
            parts.Add($"message == \"{message}\"");
        }

        if (start is not null)
        {
            parts.Add($"message starts with \"{start}\"");
        }

        if (contains is not null)
        {
            parts.Add($"message contains \"{contains}\"");
        }

        if (source is not null)
        {
            parts.Add($"source == \"{source}\"");
        }

        return parts.Count == 0 ? kind : $"{kind} ({string.Join(", ", parts)})";
    }
}
