using System.Text;
using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Tests.Protocol;

public sealed class SessionInputParserTests
{
    private const string LineTooLong = "err:line too long (max 8 bytes); line discarded";
    private const int SplitMax = 24;
    private const string SplitTooLong = "err:line too long (max 24 bytes); line discarded";
    private const string InvalidUtf8 = "err:invalid UTF-8 in line; send UTF-8 text";

    [Fact]
    public void Partial_data_without_newline_Should_echo_at_once()
    {
        var events = ParserRun.Events(new SessionInputParser(), "Hello Server!");

        Assert.Equal(["echo:Hello Server!"], events);
    }

    [Fact]
    public void Plain_lines_Should_echo_exactly_including_line_endings()
    {
        var events = ParserRun.Events(new SessionInputParser(), "one\r\ntwo\n\nthree");

        Assert.Equal(["echo:one\\r\\ntwo\\n\\nthree"], events);
    }

    [Fact]
    public void Command_line_Should_not_be_echoed_and_loses_its_line_ending()
    {
        Assert.Equal(["cmd:/time"], ParserRun.Events(new SessionInputParser(), "/time\n"));
        Assert.Equal(["cmd:/time"], ParserRun.Events(new SessionInputParser(), "/time\r\n"));
    }

    [Fact]
    public void Command_without_newline_Should_wait_for_it()
    {
        var parser = new SessionInputParser();

        Assert.Empty(ParserRun.Events(parser, "/ti"));
        Assert.Empty(ParserRun.Events(parser, "me\r"));
        Assert.Equal(["cmd:/time"], ParserRun.Events(parser, "\n"));
    }

    [Fact]
    public void Slash_inside_a_line_Should_not_start_a_command()
    {
        var events = ParserRun.Events(new SessionInputParser(), "a/time\n /time\n");

        Assert.Equal(["echo:a/time\\n /time\\n"], events);
    }

    [Fact]
    public void Several_lines_in_one_chunk_Should_come_out_in_order()
    {
        var events = ParserRun.Events(new SessionInputParser(), "hi\nthere\n/who\n/rooms\r\nbye\n/quit\n");

        Assert.Equal(["echo:hi\\nthere\\n", "cmd:/who", "cmd:/rooms", "echo:bye\\n", "cmd:/quit"], events);
    }

    [Fact]
    public void Slash_inside_an_echo_line_Should_echo_and_only_a_slash_after_newline_is_a_command()
    {
        var events = ParserRun.Events(new SessionInputParser(), "a/b//c\nx/\n\n/who\nd/\n/");

        Assert.Equal(["echo:a/b//c\\nx/\\n\\n", "cmd:/who", "echo:d/\\n"], events);
    }

    [Fact]
    public void Slash_at_the_start_of_a_chunk_mid_line_Should_echo()
    {
        var events = ParserRun.Events(new SessionInputParser(), "path", "/to/file\n", "/who\n");

        Assert.Equal(["echo:path", "echo:/to/file\\n", "cmd:/who"], events);
    }

    [Fact]
    public void Join_mid_chunk_Should_make_the_following_lines_room_lines()
    {
        var events = ParserRun.Events(new SessionInputParser(), "/join\nhello\r\nworld\n/leave\nback\n");

        Assert.Equal(["cmd:/join", "room:hello", "room:world", "cmd:/leave", "echo:back\\n"], events);
    }

    [Fact]
    public void Room_line_Should_wait_for_its_newline_across_chunks()
    {
        var parser = new SessionInputParser();

        var events = ParserRun.Events(parser, true, "hel"u8.ToArray(), "lo wor"u8.ToArray(), "ld\r"u8.ToArray(), "\n"u8.ToArray());

        Assert.Equal(["room:hello world"], events);
    }

    [Fact]
    public void Empty_room_lines_Should_be_skipped()
    {
        var events = ParserRun.Events(new SessionInputParser(), true, "\n\r\nhi\n\n"u8.ToArray());

        Assert.Equal(["room:hi"], events);
    }

    [Fact]
    public void Command_in_a_room_Should_still_be_a_command()
    {
        var events = ParserRun.Events(new SessionInputParser(), true, "/who\nx\n"u8.ToArray());

        Assert.Equal(["cmd:/who", "room:x"], events);
    }

    [Fact]
    public void Line_kind_Should_be_fixed_by_its_first_byte()
    {
        var parser = new SessionInputParser();
        var seen = new List<string>();

        // The flag flips to "in a room" while a plain line is half echoed: the line stays an echo line,
        // and only the next line becomes a room line.
        var position = 0;
        var chunk = "abc"u8.ToArray();
        Assert.True(parser.TryRead(chunk, ref position, false, out var first));
        seen.Add(ParserRun.Render(chunk, first));
        position = 0;
        chunk = "def\nghi\n"u8.ToArray();
        while (parser.TryRead(chunk, ref position, true, out var next))
        {
            seen.Add(ParserRun.Render(chunk, next));
        }

        Assert.Equal(["echo:abc", "echo:def\\n", "room:ghi"], seen);
    }

    [Fact]
    public void Utf8_lines_Should_decode()
    {
        var events = ParserRun.Events(new SessionInputParser(), "/nick héllo\n/say 日本語 🎉\n");

        Assert.Equal(["cmd:/nick héllo", "cmd:/say 日本語 🎉"], events);
    }

    [Fact]
    public void Invalid_utf8_in_a_command_Should_report_and_continue()
    {
        var bytes = new byte[] { (byte)'/', (byte)'s', (byte)'a', (byte)'y', (byte)' ', 0xC3, 0x28, (byte)'\n', (byte)'/', (byte)'w', (byte)'h', (byte)'o', (byte)'\n' };

        var events = ParserRun.Events(new SessionInputParser(), false, bytes);

        Assert.Equal([InvalidUtf8, "cmd:/who"], events);
    }

    [Fact]
    public void Invalid_utf8_in_a_room_line_Should_report_and_continue()
    {
        var bytes = new byte[] { 0xFF, 0xFE, (byte)'\n', (byte)'o', (byte)'k', (byte)'\n' };

        var events = ParserRun.Events(new SessionInputParser(), true, bytes);

        Assert.Equal([InvalidUtf8, "room:ok"], events);
    }

    [Fact]
    public void Invalid_utf8_in_an_echo_line_Should_echo_unchanged()
    {
        var bytes = new byte[] { 0xFF, 0x00, 0xC3, (byte)'\n' };

        var events = ParserRun.Events(new SessionInputParser(), false, bytes);

        Assert.Equal(["echo:\\xFF\\x00\\xC3\\n"], events);
    }

    [Fact]
    public void Utf8_character_split_across_chunks_Should_decode()
    {
        var bytes = Encoding.UTF8.GetBytes("/say é\n");
        var cut = bytes.Length - 2;

        var events = ParserRun.Events(new SessionInputParser(), false, bytes[..cut], bytes[cut..]);

        Assert.Equal(["cmd:/say é"], events);
    }

    [Theory]
    [InlineData("/2345678\n", "cmd:/2345678")]
    [InlineData("/2345678\r\n", "cmd:/2345678")]
    [InlineData("/23456789\n", LineTooLong)]
    [InlineData("/23456789\r\n", LineTooLong)]
    [InlineData("/2345678\r\r\n", LineTooLong)]
    public void Max_line_length_Should_count_bytes_without_the_line_ending(string input, string expected)
    {
        var oneChunk = ParserRun.Events(new SessionInputParser(8), input);
        var byteByByte = ParserRun.Events(new SessionInputParser(8), input.Select(c => c.ToString()).ToArray());

        Assert.Equal([expected], oneChunk);
        Assert.Equal([expected], byteByByte);
    }

    [Fact]
    public void Too_long_command_Should_be_discarded_up_to_its_newline_and_the_session_recovers()
    {
        var parser = new SessionInputParser(8);

        var events = ParserRun.Events(parser, "/abcdefghijkl", "mnopqrstuvwxyz", "/still the same line\n/who\n");

        Assert.Equal([LineTooLong, "cmd:/who"], events);
    }

    [Fact]
    public void Too_long_line_Should_be_reported_before_its_newline_arrives()
    {
        var parser = new SessionInputParser(8);

        Assert.Equal([LineTooLong], ParserRun.Events(parser, "/0123456789"));
        Assert.Empty(ParserRun.Events(parser, "more junk"));
        Assert.Equal(["echo:after\\n"], ParserRun.Events(parser, "\nafter\n"));
    }

    [Fact]
    public void Too_long_room_line_Should_be_discarded_like_a_command()
    {
        var events = ParserRun.Events(new SessionInputParser(8), true, "0123456789abcdef\nshort\n"u8.ToArray());

        Assert.Equal([LineTooLong, "room:short"], events);
    }

    [Fact]
    public void Echo_lines_Should_have_no_length_limit()
    {
        var line = new string('x', 100_000) + "\n";

        var events = ParserRun.Events(new SessionInputParser(8), line);

        Assert.Equal(["echo:" + line.Replace("\n", "\\n", StringComparison.Ordinal)], events);
    }

    [Fact]
    public void Long_command_built_from_many_chunks_Should_be_accepted_up_to_the_limit()
    {
        var text = "/say " + new string('y', 4091);
        var chunks = text.Chunk(7).Select(c => new string(c)).Append("\r\n").ToArray();

        var events = ParserRun.Events(new SessionInputParser(), chunks);

        Assert.Equal(["cmd:" + text], events);
    }

    [Fact]
    public void Echo_event_Should_be_the_range_of_the_chunk_it_covers()
    {
        var chunk = "hello\nworld"u8;
        var parser = new SessionInputParser();
        var position = 0;

        Assert.True(parser.TryRead(chunk, ref position, false, out var input));

        Assert.Equal(SessionInputKind.Echo, input.Kind);
        Assert.Equal((0, 11), input.Echo.GetOffsetAndLength(chunk.Length));
        Assert.Equal(11, position);
        Assert.False(parser.TryRead(chunk, ref position, false, out _));
    }

    [Fact]
    public void Echo_around_a_command_Should_give_the_ranges_around_it()
    {
        var chunk = "ab\n/who\ncd"u8;
        var parser = new SessionInputParser();
        var position = 0;

        Assert.True(parser.TryRead(chunk, ref position, false, out var before));
        Assert.True(parser.TryRead(chunk, ref position, false, out var command));
        Assert.True(parser.TryRead(chunk, ref position, false, out var after));

        Assert.Equal((0, 3), before.Echo.GetOffsetAndLength(chunk.Length));
        Assert.Equal("/who", command.Line);
        Assert.Equal((8, 2), after.Echo.GetOffsetAndLength(chunk.Length));
    }

    [Fact]
    public void Reading_can_stop_between_events_and_go_on_from_the_position()
    {
        // A session waiting for a hub answer stops after the command and reads the rest later.
        var chunk = "/nick bob\nhi\n/who\n"u8.ToArray();
        var parser = new SessionInputParser();
        var position = 0;

        Assert.True(parser.TryRead(chunk, ref position, false, out var nick));
        var paused = position;
        var rest = new List<string>();
        while (parser.TryRead(chunk, ref position, false, out var next))
        {
            rest.Add(ParserRun.Render(chunk, next));
        }

        Assert.Equal("/nick bob", nick.Line);
        Assert.Equal(10, paused);
        Assert.Equal(["echo:hi\\n", "cmd:/who"], rest);
    }

    [Fact]
    public void Echo_chunks_Should_not_allocate()
    {
        var parser = new SessionInputParser();
        var chunk = "some text\nmore text\npartial"u8.ToArray();
        var total = 0;

        // Warm up so JIT and static initialisation are out of the measurement.
        for (var i = 0; i < 10; i++)
        {
            total += Drain(parser, chunk);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            total += Drain(parser, chunk);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1_010 * chunk.Length, total);

        static int Drain(SessionInputParser parser, byte[] chunk)
        {
            var echoed = 0;
            var position = 0;
            while (parser.TryRead(chunk, ref position, false, out var input))
            {
                echoed += input.Echo.GetOffsetAndLength(chunk.Length).Length;
            }

            return echoed;
        }
    }

    [Fact]
    public void Empty_chunk_Should_yield_nothing_and_keep_state()
    {
        var parser = new SessionInputParser();

        var events = ParserRun.Events(parser, "/ti", string.Empty, "me\n");

        Assert.Equal(["cmd:/time"], events);
    }

    [Fact]
    public void Reset_Should_drop_a_partial_line()
    {
        var parser = new SessionInputParser();
        Assert.Empty(ParserRun.Events(parser, "/nick half"));
        Assert.False(parser.IsAtLineStart);

        parser.Reset();

        Assert.True(parser.IsAtLineStart);
        Assert.Equal(["cmd:/who"], ParserRun.Events(parser, "/who\n"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_Should_reject_a_nonpositive_limit(int limit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SessionInputParser(limit));

    public static TheoryData<string, bool, string[]> SplitCases => new()
    {
        { "Hello Server!", false, ["echo:Hello Server!"] },
        { "hi\r\n/nick bob\r\nplain\n/join dev\nhello room\r\n\r\n/leave\nbye\n", false,
            ["echo:hi\\r\\n", "cmd:/nick bob", "echo:plain\\n", "cmd:/join dev", "room:hello room", "cmd:/leave", "echo:bye\\n"] },
        { "/JOIN\nx\n/say /not a command\n/LEAVE\r\n/time\n", false,
            ["cmd:/JOIN", "room:x", "cmd:/say /not a command", "cmd:/LEAVE", "cmd:/time"] },
        { "/this-command-is-much-too-long\r\n/who\nok\n", false, [SplitTooLong, "cmd:/who", "echo:ok\\n"] },
        { "é\n/say é\n", false, ["echo:\\xC3\\xA9\\n", "cmd:/say é"] },
        { "in room\n\n/who\n", true, ["room:in room", "cmd:/who"] },
    };

    [Theory]
    [MemberData(nameof(SplitCases))]
    public void Input_split_at_every_position_Should_give_the_same_events(string text, bool inRoom, string[] expected)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(expected, ParserRun.Normalized(ParserRun.Events(new SessionInputParser(SplitMax), inRoom, bytes)));
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var events = ParserRun.Events(new SessionInputParser(SplitMax), inRoom, bytes[..cut], bytes[cut..]);
            Assert.Equal(expected, ParserRun.Normalized(events));
        }

        for (var first = 0; first <= bytes.Length; first++)
        {
            for (var second = first; second <= bytes.Length; second++)
            {
                var events = ParserRun.Events(new SessionInputParser(SplitMax), inRoom, bytes[..first], bytes[first..second], bytes[second..]);
                Assert.Equal(expected, ParserRun.Normalized(events));
            }
        }

        var oneByteChunks = bytes.Select(b => new[] { b }).ToArray();
        Assert.Equal(expected, ParserRun.Normalized(ParserRun.Events(new SessionInputParser(SplitMax), inRoom, oneByteChunks)));
    }

    [Fact]
    public void Random_streams_in_random_chunks_Should_match_the_single_chunk_result()
    {
        // Seeded, so a failure reproduces. The alphabet is rich in the bytes the state machine cares about.
        var random = new Random(862);
        byte[] alphabet = [(byte)'a', (byte)'b', (byte)' ', (byte)'/', (byte)'\n', (byte)'\r', 0xC3, 0xA9, 0xFF];
        for (var round = 0; round < 300; round++)
        {
            var stream = new byte[random.Next(0, 80)];
            for (var i = 0; i < stream.Length; i++)
            {
                stream[i] = alphabet[random.Next(alphabet.Length)];
            }

            var startInRoom = random.Next(2) == 0;
            var expected = ParserRun.Normalized(ParserRun.Events(new SessionInputParser(6), startInRoom, stream));

            var chunks = new List<byte[]>();
            for (var at = 0; at < stream.Length;)
            {
                var size = Math.Min(random.Next(1, 9), stream.Length - at);
                chunks.Add(stream[at..(at + size)]);
                at += size;
            }

            var actual = ParserRun.Normalized(ParserRun.Events(new SessionInputParser(6), startInRoom, chunks.ToArray()));
            Assert.Equal(expected, actual);

            // Every byte outside commands and room lines comes back, in order and unchanged.
            var echoed = string.Concat(expected.Where(e => e.StartsWith("echo:", StringComparison.Ordinal)).Select(e => e[5..]));
            Assert.DoesNotContain("\\n/", echoed, StringComparison.Ordinal);
        }
    }
}
