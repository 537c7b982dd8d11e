using System.Runtime.InteropServices;
using ActorEcho.IO;

namespace ActorEcho.Server.Outbound;

/// <summary>Turns the protocol's encoded lines (and received slices) into <see cref="ByteString"/>s without copying.</summary>
internal static class Lines
{
    /// <summary>
    /// Wraps memory that nobody writes to again: the protocol helpers build each line in a fresh
    /// (or shared, read-only) array, and the socket layer never reuses a received array (a lent one
    /// only after the session gave it back, which it does once the echo of it is with the
    /// connection), so handing the array over is safe and saves a copy per line and per echoed chunk.
    /// </summary>
    public static ByteString From(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return ByteString.Empty;
        }

        return MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is { } array
            ? ByteString.FromOwnedArray(array, segment.Offset, segment.Count)
            : ByteString.CopyFrom(bytes.Span);
    }
}
