using System.Runtime.InteropServices;
using Akka.IO;

namespace ActorEcho.Server.Outbound;

/// <summary>Turns the protocol's encoded lines into <see cref="ByteString"/>s without copying.</summary>
internal static class Lines
{
    /// <summary>
    /// Wraps memory that nobody writes to again: the protocol helpers build each line in a fresh
    /// (or shared, read-only) array, and a received chunk is a fresh array Akka.IO copied the bytes
    /// into, so handing the array over (<see cref="ByteString.FromBytes(byte[], int, int)"/>) is
    /// safe and saves a copy per line and per echoed slice.
    /// </summary>
    public static ByteString From(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return ByteString.Empty;
        }

        return MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is { } array
            ? ByteString.FromBytes(array, segment.Offset, segment.Count)
            : ByteString.CopyFrom(bytes.ToArray());
    }
}
