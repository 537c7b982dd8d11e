namespace ActorEcho.Load.Verification;

/// <summary>What <see cref="LineSplitter.Next"/> found.</summary>
internal enum LineStatus
{
    /// <summary>A complete line was returned.</summary>
    Line,

    /// <summary>The data ended inside a line; it is kept until the rest arrives.</summary>
    NeedMore,

    /// <summary>A line exceeded the maximum length and was discarded.</summary>
    TooLong,
}
