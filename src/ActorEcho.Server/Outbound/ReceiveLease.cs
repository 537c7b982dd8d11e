using ActorEcho.IO;

namespace ActorEcho.Server.Outbound;

/// <summary>
/// A received chunk the connection lent to its session (<c>Tcp.Register.LeaseReceiveBuffers</c>).
/// It goes back with <c>Tcp.ReturnBuffer</c> once the parser is done with it and every echo write
/// of it has been handed to the connection: the connection keeps a buffer until the writes of it
/// that came before the return are sent, so no copy is needed. Only the owning session touches it.
/// </summary>
internal sealed class ReceiveLease
{
    public ReceiveLease(ByteString data)
    {
        Data = data;
    }

    /// <summary>The data as received (what the connection lent).</summary>
    public ByteString Data { get; }

    /// <summary>Users not done yet: the parser, plus each echo item of it not yet handed to the connection.</summary>
    public int Users { get; set; } = 1;
}
