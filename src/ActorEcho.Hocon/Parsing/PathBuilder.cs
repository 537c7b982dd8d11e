using System.Text;

namespace ActorEcho.Hocon.Parsing;

/// <summary>
/// Builds a path expression (a key, a substitution or a getter's path) from its pieces: unquoted
/// text splits on '.', quoted text never does, and whitespace between pieces is part of the key
/// except at the ends. Throws <see cref="FormatException"/> for empty elements; callers turn that
/// into a positioned <see cref="HoconException"/>.
/// </summary>
internal sealed class PathBuilder
{
    private readonly List<string> _segments = [];
    private readonly StringBuilder _current = new();
    private bool _currentQuoted;
    private bool _any;
    private string? _pendingWhitespace;

    public void AddUnquoted(string text)
    {
        FlushWhitespace();
        _any = true;
        var from = 0;
        while (true)
        {
            var dot = text.IndexOf('.', from);
            if (dot < 0)
            {
                _current.Append(text, from, text.Length - from);
                return;
            }

            _current.Append(text, from, dot - from);
            FinishSegment(text);
            from = dot + 1;
        }
    }

    public void AddQuoted(string text)
    {
        FlushWhitespace();
        _any = true;
        _currentQuoted = true;
        _current.Append(text);
    }

    public void AddWhitespace(string text)
    {
        // Leading whitespace is dropped; inner whitespace (even right after a '.') is kept only if
        // more key text follows, so "a. b" has the element " b" as in the reference implementation.
        if (_any)
        {
            _pendingWhitespace = text;
        }
    }

    public string[] Build()
    {
        if (!_any)
        {
            throw new FormatException("the path is empty");
        }

        FinishSegment(null);
        return [.. _segments];
    }

    /// <summary>Fast path for the common key written as one unquoted word such as <c>a.b.c</c>.</summary>
    public static string[] SplitUnquoted(string text)
    {
        if (text.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return [text];
        }

        var parts = text.Split('.');
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                throw new FormatException($"'{text}' has an empty path element; quote keys that contain '.'");
            }
        }

        return parts;
    }

    private void FlushWhitespace()
    {
        if (_pendingWhitespace is not null)
        {
            _current.Append(_pendingWhitespace);
            _pendingWhitespace = null;
        }
    }

    private void FinishSegment(string? context)
    {
        _pendingWhitespace = null;
        if (_current.Length == 0 && !_currentQuoted)
        {
            throw new FormatException(context is null
                ? "the path ends with '.' or has an empty element"
                : $"'{context}' has an empty path element; quote keys that contain '.'");
        }

        _segments.Add(_current.ToString());
        _current.Clear();
        _currentQuoted = false;
    }
}
