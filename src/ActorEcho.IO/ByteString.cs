using System.Collections;
using System.Text;

namespace ActorEcho.IO;

/// <summary>
/// An immutable sequence of bytes for messages. Slicing and concatenation share the underlying
/// arrays instead of copying them; a value built by concatenation is a list of segments (a rope)
/// until <see cref="Compact"/> joins it.
/// <para>
/// Ownership: every array a <see cref="ByteString"/> references is owned by it (and by the slices and
/// concatenations made from it) for as long as any of them can be read. Factories that take an
/// array either copy it (<see cref="FromBytes(byte[])"/>, <see cref="CopyFrom(ReadOnlySpan{byte})"/>)
/// or, for <see cref="FromOwnedArray(byte[], int, int)"/>, take it over: the caller promises never to write to it again
/// and never to return it to a pool. The socket layer builds every received chunk in a fresh array
/// that it hands over this way, so no pooled buffer is ever visible through a message, with one
/// opt-in exception: a handler that registers with <see cref="Tcp.Register.LeaseReceiveBuffers"/>
/// gets pooled buffers on loan, and the layer reuses one only after that handler gave it back with
/// <see cref="Tcp.ReturnBuffer"/> (see there).
/// </para>
/// </summary>
public sealed partial class ByteString : IEquatable<ByteString>, IReadOnlyList<byte>
{
    private readonly ArraySegment<byte>[] _segments;

    private ByteString(ArraySegment<byte>[] segments, int count)
    {
        _segments = segments;
        Count = count;
    }

    /// <summary>The empty byte string.</summary>
    public static ByteString Empty { get; } = new([], 0);

    /// <summary>The number of bytes.</summary>
    public int Count { get; }

    /// <summary>True when there are no bytes.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>True when the bytes lie in one contiguous segment, so <see cref="Span"/> needs no copy.</summary>
    public bool IsCompact => _segments.Length <= 1;

    /// <summary>The bytes as the segments that hold them, in order (never copied; do not write to them).</summary>
    public IReadOnlyList<ArraySegment<byte>> Segments => _segments;

    /// <summary>
    /// The bytes as one span: free when <see cref="IsCompact"/>, otherwise a copy of all segments.
    /// </summary>
    public ReadOnlySpan<byte> Span => _segments.Length switch
    {
        0 => [],
        1 => _segments[0].AsSpan(),
        _ => ToArray(),
    };

    /// <summary>The byte at <paramref name="index"/>.</summary>
    public byte this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count})");
            }

            foreach (var segment in _segments)
            {
                if (index < segment.Count)
                {
                    return segment[index];
                }

                index -= segment.Count;
            }

            throw new InvalidOperationException("unreachable: segment lengths disagree with Count");
        }
    }

    /// <summary>Concatenates without copying bytes.</summary>
    public static ByteString operator +(ByteString left, ByteString right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Concat(right);
    }

    /// <summary>Compares contents.</summary>
    public static bool operator ==(ByteString? left, ByteString? right) => Equals(left, right);

    /// <summary>Compares contents.</summary>
    public static bool operator !=(ByteString? left, ByteString? right) => !Equals(left, right);

    /// <summary>A byte string holding a copy of <paramref name="bytes"/>.</summary>
    public static ByteString FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return CopyFrom(bytes);
    }

    /// <summary>A byte string holding a copy of <paramref name="count"/> bytes of <paramref name="bytes"/> from <paramref name="offset"/>.</summary>
    public static ByteString FromBytes(byte[] bytes, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return CopyFrom(bytes.AsSpan(offset, count));
    }

    /// <summary>A byte string holding a copy of <paramref name="bytes"/>.</summary>
    public static ByteString CopyFrom(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? Empty : new([new ArraySegment<byte>(bytes.ToArray())], bytes.Length);

    /// <summary>
    /// Wraps <paramref name="array"/> without copying. The caller hands the array over: it must not
    /// write to it or return it to a pool afterwards, because messages may read it at any time later.
    /// </summary>
    public static ByteString FromOwnedArray(byte[] array, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, array.Length - count);
        return count == 0 ? Empty : new([new ArraySegment<byte>(array, offset, count)], count);
    }

    /// <summary>Wraps the whole of <paramref name="array"/> without copying (see <see cref="FromOwnedArray(byte[], int, int)"/>).</summary>
    public static ByteString FromOwnedArray(byte[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return FromOwnedArray(array, 0, array.Length);
    }

    /// <summary>The UTF-8 encoding of <paramref name="text"/>.</summary>
    public static ByteString FromString(string text) => FromString(text, Encoding.UTF8);

    /// <summary>The encoding of <paramref name="text"/> in <paramref name="encoding"/>.</summary>
    public static ByteString FromString(string text, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(encoding);
        return text.Length == 0 ? Empty : FromOwnedArray(encoding.GetBytes(text));
    }

    /// <summary>Joins several byte strings without copying bytes.</summary>
    public static ByteString Concat(IEnumerable<ByteString> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var segments = new List<ArraySegment<byte>>();
        var count = 0;
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
            segments.AddRange(part._segments);
            count = checked(count + part.Count);
        }

        return count == 0 ? Empty : new([.. segments], count);
    }

    /// <summary>This followed by <paramref name="other"/>, sharing both sets of arrays.</summary>
    public ByteString Concat(ByteString other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        return new([.. _segments, .. other._segments], checked(Count + other.Count));
    }

    /// <summary>The bytes from <paramref name="start"/> to the end, shared with this one.</summary>
    public ByteString Slice(int start) => Slice(start, Count - start);

    /// <summary><paramref name="length"/> bytes from <paramref name="start"/>, shared with this one (no copy).</summary>
    public ByteString Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, Count - length);
        if (length == 0)
        {
            return Empty;
        }

        if (start == 0 && length == Count)
        {
            return this;
        }

        var result = new List<ArraySegment<byte>>(_segments.Length);
        var skip = start;
        var remaining = length;
        foreach (var segment in _segments)
        {
            if (skip >= segment.Count)
            {
                skip -= segment.Count;
                continue;
            }

            var take = Math.Min(segment.Count - skip, remaining);
            result.Add(segment.Slice(skip, take));
            remaining -= take;
            skip = 0;
            if (remaining == 0)
            {
                break;
            }
        }

        return new([.. result], length);
    }

    /// <summary>The first <paramref name="count"/> bytes (all of them when there are fewer).</summary>
    public ByteString Take(int count) => Slice(0, Math.Clamp(count, 0, Count));

    /// <summary>All but the first <paramref name="count"/> bytes (none when there are fewer).</summary>
    public ByteString Drop(int count)
    {
        var n = Math.Clamp(count, 0, Count);
        return Slice(n, Count - n);
    }

    /// <summary>The same bytes in one segment: this instance when already compact, otherwise a copy.</summary>
    public ByteString Compact() => IsCompact ? this : FromOwnedArray(ToArray());

    /// <summary>A fresh array with a copy of the bytes.</summary>
    public byte[] ToArray()
    {
        if (Count == 0)
        {
            return [];
        }

        var array = new byte[Count];
        CopyTo(array);
        return array;
    }

    /// <summary>Copies every byte into <paramref name="destination"/>, which must be at least <see cref="Count"/> long.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Count)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; {Count} needed", nameof(destination));
        }

        foreach (var segment in _segments)
        {
            segment.AsSpan().CopyTo(destination);
            destination = destination[segment.Count..];
        }
    }

    /// <summary>The position of the first <paramref name="value"/>, or -1.</summary>
    public int IndexOf(byte value) => IndexOf(value, 0);

    /// <summary>The position of the first <paramref name="value"/> at or after <paramref name="startIndex"/>, or -1.</summary>
    public int IndexOf(byte value, int startIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startIndex);
        var offset = 0;
        foreach (var segment in _segments)
        {
            if (startIndex < offset + segment.Count)
            {
                var from = Math.Max(0, startIndex - offset);
                var found = segment.AsSpan(from).IndexOf(value);
                if (found >= 0)
                {
                    return offset + from + found;
                }
            }

            offset += segment.Count;
        }

        return -1;
    }

    /// <summary>True when the bytes begin with <paramref name="prefix"/>.</summary>
    public bool StartsWith(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length > Count)
        {
            return false;
        }

        foreach (var segment in _segments)
        {
            if (prefix.IsEmpty)
            {
                break;
            }

            var n = Math.Min(segment.Count, prefix.Length);
            if (!segment.AsSpan(0, n).SequenceEqual(prefix[..n]))
            {
                return false;
            }

            prefix = prefix[n..];
        }

        return true;
    }

    /// <summary>The bytes decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public string DecodeString() => DecodeString(Encoding.UTF8);

    /// <summary>The bytes decoded with <paramref name="encoding"/>.</summary>
    public string DecodeString(Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return IsCompact ? encoding.GetString(Span) : encoding.GetString(ToArray());
    }

    /// <summary>The bytes decoded as UTF-8, as Akka's ByteString does.</summary>
    public override string ToString() => DecodeString();

    /// <inheritdoc />
    public IEnumerator<byte> GetEnumerator()
    {
        foreach (var segment in _segments)
        {
            for (var i = 0; i < segment.Count; i++)
            {
                yield return segment[i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
