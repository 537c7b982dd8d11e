using ActorEcho.Load.Metrics;

namespace ActorEcho.Load.Verification;

/// <summary>
/// Exactly-once, in-order bookkeeping for what one chat member receives from each other member.
/// A line ahead of the expected one leaves a gap; a gap filled later is a reordering, a line at
/// or below the expected one that fills no gap is a duplicate, and gaps left at the end are missing.
/// </summary>
internal sealed class ChatVerifier
{
    /// <summary>Gap bookkeeping is bounded; beyond this many open gaps per sender they count as missing at once.</summary>
    private const int MaxGapsPerSender = 100_000;

    private readonly long[] _next;
    private readonly HashSet<long>?[] _gaps;
    private readonly int _self;
    private long _overflowMissing;

    public ChatVerifier(int members, int self)
    {
        _next = new long[members];
        _gaps = new HashSet<long>?[members];
        _self = self;
    }

    /// <summary>Distinct lines accepted so far (in order or late).</summary>
    public long Delivered { get; private set; }

    /// <summary>Records line <paramref name="seq"/> from member <paramref name="sender"/>; null when it is fine.</summary>
    public ErrorKind? Accept(int sender, long seq)
    {
        if (sender < 0 || sender >= _next.Length || sender == _self || seq < 0)
        {
            return ErrorKind.Unexpected;
        }

        var next = _next[sender];
        if (seq == next)
        {
            _next[sender] = next + 1;
            Delivered++;
            return null;
        }

        if (seq > next)
        {
            var gaps = _gaps[sender] ??= [];
            for (var s = next; s < seq; s++)
            {
                if (gaps.Count >= MaxGapsPerSender)
                {
                    _overflowMissing += seq - s;
                    break;
                }

                gaps.Add(s);
            }

            _next[sender] = seq + 1;
            Delivered++;
            return null;
        }

        if (_gaps[sender]?.Remove(seq) == true)
        {
            Delivered++;
            return ErrorKind.Reordered;
        }

        return ErrorKind.Duplicate;
    }

    /// <summary>
    /// Lines that never arrived, given how many each member sent (<paramref name="sentBySender"/>,
    /// indexed by member; the entry for this member is ignored).
    /// </summary>
    public long Missing(ReadOnlySpan<long> sentBySender)
    {
        var missing = _overflowMissing;
        for (var i = 0; i < _next.Length && i < sentBySender.Length; i++)
        {
            if (i == _self)
            {
                continue;
            }

            missing += Math.Max(0, sentBySender[i] - _next[i]) + (_gaps[i]?.Count ?? 0);
        }

        return missing;
    }
}
