using System.Buffers;
using System.Text;

namespace ActorEcho.IO.Tests.Bytes;

public sealed class ByteStringTests
{
    private static ByteString Rope(params string[] parts) => ByteString.Concat(parts.Select(ByteString.FromString));

    [Fact]
    public void Concat_Should_ShareArrays_And_Slice_Should_NotCopy()
    {
        var owned = "hello world"u8.ToArray();
        var bytes = ByteString.FromOwnedArray(owned);
        var slice = bytes.Slice(6, 5);
        Assert.Equal("world", slice.DecodeString());

        // Proof of sharing: the slice sees the owner's array (which callers must never do in real code).
        owned[6] = (byte)'W';
        Assert.Equal("World", slice.DecodeString());
    }

    [Fact]
    public void CopyFrom_Should_Copy()
    {
        var source = "abc"u8.ToArray();
        var copy = ByteString.FromBytes(source);
        source[0] = (byte)'x';
        Assert.Equal("abc", copy.DecodeString());
    }

    [Fact]
    public void Equality_Should_IgnoreSegmentation()
    {
        var rope = Rope("he", "llo", " ", "wor", "ld");
        var flat = ByteString.FromString("hello world");
        Assert.False(rope.IsCompact);
        Assert.True(flat.IsCompact);
        Assert.Equal(flat, rope);
        Assert.True(flat == rope);
        Assert.Equal(flat.GetHashCode(), rope.GetHashCode());
        Assert.NotEqual(flat, ByteString.FromString("hello worle"));
        Assert.Equal(ByteString.Empty, ByteString.FromString(""));
    }

    [Fact]
    public void SliceAcrossSegments_Should_ReturnTheRightBytes()
    {
        var rope = Rope("abc", "def", "ghi");
        Assert.Equal("cdefg", rope.Slice(2, 5).DecodeString());
        Assert.Equal("ghi", rope.Drop(6).DecodeString());
        Assert.Equal("ab", rope.Take(2).DecodeString());
        Assert.Equal(rope, rope.Take(100));
        Assert.True(rope.Drop(100).IsEmpty);
        Assert.Equal((byte)'e', rope[4]);
        Assert.Equal(7, rope.IndexOf((byte)'h'));
        Assert.Equal(-1, rope.IndexOf((byte)'z'));
        Assert.Equal(4, rope.IndexOf((byte)'e', 2));
        Assert.True(rope.StartsWith("abcd"u8));
        Assert.False(rope.StartsWith("abd"u8));
    }

    [Fact]
    public void BadArguments_Should_ThrowClearErrors()
    {
        var bytes = ByteString.FromString("abc");
        Assert.Throws<ArgumentOutOfRangeException>(() => bytes.Slice(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => bytes.Slice(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => bytes[3]);
        Assert.Throws<ArgumentException>(() => bytes.CopyTo(new byte[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteString.FromOwnedArray(new byte[2], 1, 2));
    }

    [Fact]
    public void Utf8Helpers_Should_RoundTrip()
    {
        const string text = "héllo wörld ✓";
        var bytes = ByteString.FromString(text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), bytes.Count);
        Assert.Equal(text, bytes.DecodeString());
        Assert.Equal(text, bytes.ToString());

        // A multi-byte character split across segments still decodes.
        var split = bytes.Slice(0, 2) + bytes.Slice(2);
        Assert.Equal(text, split.DecodeString());
    }

    [Fact]
    public void ToReadOnlySequence_Should_ExposeEverySegment()
    {
        var rope = Rope("ab", "cd", "ef");
        var sequence = rope.ToReadOnlySequence();
        Assert.Equal(6, sequence.Length);
        Assert.False(sequence.IsSingleSegment);
        Assert.Equal("abcdef", Encoding.UTF8.GetString(sequence.ToArray()));
        Assert.True(ByteString.FromString("x").ToReadOnlySequence().IsSingleSegment);
        Assert.True(ByteString.Empty.ToReadOnlySequence().IsEmpty);
        Assert.Equal(rope, ByteString.CopyFrom(rope.Compact().Span));
    }
}
