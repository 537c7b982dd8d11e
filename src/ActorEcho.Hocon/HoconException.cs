using ActorEcho.Hocon.Parsing;

namespace ActorEcho.Hocon;

/// <summary>
/// The one exception the configuration library throws for bad input: a syntax error, an
/// unresolvable substitution, a missing required include, a missing path or a value of the wrong
/// type. The message starts with <c>origin:line:column:</c> when the position is known.
/// </summary>
public sealed class HoconException : Exception
{
    /// <summary>Creates an exception without a position.</summary>
    public HoconException()
    {
    }

    /// <summary>Creates an exception without a position.</summary>
    public HoconException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception without a position, wrapping the error that caused it.</summary>
    public HoconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconException(string message, SourceText? source, int offset, Exception? innerException = null)
        : base(source is null ? message : source.Describe(offset) + ": " + message, innerException)
    {
        Reason = message;
        if (source is not null)
        {
            OriginDescription = source.Description;
            (Line, Column) = source.GetLineAndColumn(offset);
        }
    }

    /// <summary>The file name or origin description (e.g. <c>reference.conf of ActorEcho.IO</c>), when known.</summary>
    public string? OriginDescription { get; }

    /// <summary>The 1-based line of the error, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the error, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The message without the position prefix.</summary>
    public string? Reason { get; }
}
