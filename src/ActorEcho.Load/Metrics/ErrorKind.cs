namespace ActorEcho.Load.Metrics;

/// <summary>Why a reply, delivery or connection did not verify.</summary>
internal enum ErrorKind
{
    /// <summary>Bytes or text differ from what was sent.</summary>
    Mismatch,

    /// <summary>A reply did not arrive within the reply timeout.</summary>
    Timeout,

    /// <summary>A reply could not be parsed (bad time format, line too long, unknown shape).</summary>
    Parse,

    /// <summary>The server refused the connection (nothing listening).</summary>
    ConnectRefused,

    /// <summary>The connection could not be made for another reason (timeout, no ports left).</summary>
    ConnectFailed,

    /// <summary>The server closed or reset a connection that still had work.</summary>
    Disconnected,

    /// <summary>A chat line arrived twice.</summary>
    Duplicate,

    /// <summary>A chat line never arrived.</summary>
    Missing,

    /// <summary>Something arrived that nobody asked for (an ERR line, an echo of one's own chat line, extra bytes).</summary>
    Unexpected,

    /// <summary>A chat line arrived after a later line from the same sender.</summary>
    Reordered,
}
