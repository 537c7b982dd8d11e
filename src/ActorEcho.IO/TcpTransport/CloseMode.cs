namespace ActorEcho.IO.TcpTransport;

/// <summary>Why a connection is closing, which decides how it ends and which event it reports.</summary>
internal enum CloseMode
{
    /// <summary>Not closing.</summary>
    None,

    /// <summary><see cref="Tcp.Close"/>: flush, FIN, done.</summary>
    Close,

    /// <summary><see cref="Tcp.ConfirmedClose"/>: flush, FIN, then wait for the peer's FIN.</summary>
    ConfirmedClose,

    /// <summary>The peer sent FIN and the handler did not ask to keep the connection open: flush, then close.</summary>
    PeerClosed,
}
