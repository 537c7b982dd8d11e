using ActorEcho.Load.Metrics;
using ActorEcho.Load.Verification;

namespace ActorEcho.Load.Clients;

/// <summary><c>/time</c> requests: each reply is one ISO-8601 UTC line near our own clock.</summary>
internal sealed class TimeProtocol : IReplyProtocol
{
    private static readonly byte[] Request = "/time\n"u8.ToArray();

    private readonly LineSplitter _lines = new(256);
    private long _replies;

    public int MaxRequestLength => Request.Length;

    public int WriteRequest(long seq, Span<byte> destination)
    {
        Request.CopyTo(destination);
        return Request.Length;
    }

    public ErrorKind? Consume(ReadOnlySpan<byte> data, long sentCount, out int completed)
    {
        completed = 0;
        while (!data.IsEmpty)
        {
            var status = _lines.Next(ref data, out var line);
            if (status == LineStatus.NeedMore)
            {
                break;
            }

            if (status == LineStatus.TooLong)
            {
                return ErrorKind.Parse;
            }

            if (_replies >= sentCount)
            {
                return ErrorKind.Unexpected;
            }

            if (!TimeFormats.TryParseIso(line, out var serverTime))
            {
                return line.StartsWith("ERR "u8) || line.StartsWith("NOTICE "u8) ? ErrorKind.Unexpected : ErrorKind.Parse;
            }

            if (!TimeFormats.WithinSkew(serverTime, DateTime.UtcNow))
            {
                return ErrorKind.Mismatch;
            }

            _replies++;
            completed++;
        }

        return null;
    }
}
