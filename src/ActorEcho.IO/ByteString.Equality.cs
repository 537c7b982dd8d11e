namespace ActorEcho.IO;

/// <summary>Content equality, whatever the segmentation.</summary>
public sealed partial class ByteString
{
    /// <inheritdoc />
    public bool Equals(ByteString? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Count != other.Count)
        {
            return false;
        }

        if (IsCompact && other.IsCompact)
        {
            return Span.SequenceEqual(other.Span);
        }

        return SegmentsEqual(other);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ByteString other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // FNV-1a over the bytes in order, so equal contents hash alike however they are segmented.
        var hash = 2166136261u;
        foreach (var segment in _segments)
        {
            foreach (var b in segment.AsSpan())
            {
                hash = (hash ^ b) * 16777619u;
            }
        }

        return (int)hash;
    }

    private bool SegmentsEqual(ByteString other)
    {
        // Walk both segment lists in step; neither side is copied.
        int i = 0, j = 0, oi = 0, oj = 0;
        var remaining = Count;
        while (remaining > 0)
        {
            var a = _segments[i].AsSpan(oi);
            var b = other._segments[j].AsSpan(oj);
            var n = Math.Min(a.Length, b.Length);
            if (!a[..n].SequenceEqual(b[..n]))
            {
                return false;
            }

            remaining -= n;
            oi += n;
            oj += n;
            if (oi == _segments[i].Count)
            {
                i++;
                oi = 0;
            }

            if (oj == other._segments[j].Count)
            {
                j++;
                oj = 0;
            }
        }

        return true;
    }
}
