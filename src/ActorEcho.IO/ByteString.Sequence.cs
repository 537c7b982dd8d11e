using System.Buffers;

namespace ActorEcho.IO;

/// <summary>The bytes as a <see cref="ReadOnlySequence{T}"/> over the same arrays.</summary>
public sealed partial class ByteString
{
    /// <summary>The bytes as a <see cref="ReadOnlySequence{T}"/> over the same arrays, for parsers.</summary>
    public ReadOnlySequence<byte> ToReadOnlySequence() => _segments.Length switch
    {
        0 => ReadOnlySequence<byte>.Empty,
        1 => new ReadOnlySequence<byte>(_segments[0].AsMemory()),
        _ => SequenceSegment.Build(_segments),
    };

    private sealed class SequenceSegment : ReadOnlySequenceSegment<byte>
    {
        private SequenceSegment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Build(ArraySegment<byte>[] segments)
        {
            var first = new SequenceSegment(segments[0], 0);
            var last = first;
            for (var i = 1; i < segments.Length; i++)
            {
                var next = new SequenceSegment(segments[i], last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
