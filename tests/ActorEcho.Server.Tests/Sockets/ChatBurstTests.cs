using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sockets;

/// <summary>
/// A chat burst over real sockets: ten members in one room, five of them each send a burst of
/// lines at once, every member but one reads as fast as it can, and one never reads. With
/// back-pressure no reader who keeps up loses a line (each sender's lines arrive complete and in
/// order), the senders are held while someone is congested, and the member who never reads is
/// cut off after <c>slow-reader-timeout</c>, after which the room goes on.
/// </summary>
public sealed class ChatBurstTests : Akka.TestKit.Xunit2.TestKit
{
    private const int Members = 10;
    private const int Senders = 5;
    private const int LinesPerSender = 2_000;
    private const int NonReader = Members - 1;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public ChatBurstTests(ITestOutputHelper output)
        : base(output: output)
    {
    }

    [Fact]
    public async Task Burst_Should_ReachEveryReaderWhoKeepsUp_Complete_AndCutOffTheOneWhoNeverReads()
    {
        var settings = ServerSettings.Default.WithEphemeralPorts() with
        {
            Session = new SessionSettings
            {
                // A reader that keeps reading must not look like one that stopped, even on a busy
                // machine where the test's own readers are starved for a moment: a mark of 300
                // lines and 5 s above it before a cut-off. The member who never reads passes both.
                MaxQueuedMessages = 300,
                SlowReaderPolicy = SlowReaderPolicy.Backpressure,
                SlowReaderTimeout = TimeSpan.FromSeconds(5),
                CloseTimeout = TimeSpan.FromSeconds(1),
            },
            Chat = new ChatSettings { RateLimit = 100_000, RateBurst = 100_000 },
        };
        await using var server = await EchoServer.StartAsync(Sys, settings);
        using var budget = new CancellationTokenSource(Budget);
        var members = new List<Member>();
        try
        {
            for (var i = 0; i < Members; i++)
            {
                members.Add(await Member.JoinAsync(server.FindEndpoint("session-tcp")!.LocalEndPoint, i, budget.Token));
            }

            // Every member has seen the joins after its own, so what follows is the burst alone.
            for (var i = 0; i < Members; i++)
            {
                for (var later = i + 1; later < Members; later++)
                {
                    Assert.Equal($"[burst] * m{later} joined", await members[i].ReadLineAsync(budget.Token));
                }
            }

            var sends = members.Take(Senders).Select(m => m.SendBurstAsync(LinesPerSender, budget.Token)).ToArray();
            var reads = members.Take(NonReader).Select(m => m.ReadBurstAsync(Senders, LinesPerSender, budget.Token)).ToArray();
            await Task.WhenAll(sends.Concat(reads));

            // Only the member who never read lost lines: its queue went with it when it was cut off.
            var stats = await server.GetStatsAsync();
            Assert.True(stats.Holds > 0, "the senders were never held");
            await AwaitAssertAsync(async () => Assert.Equal(Members - 1, (await server.GetStatsAsync()).Sessions), TimeSpan.FromSeconds(15));
            Output.WriteLine($"holds: {stats.Holds}");
        }
        finally
        {
            foreach (var member in members)
            {
                member.Dispose();
            }
        }
    }

    private sealed class Member : IDisposable
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly StringBuilder _line = new();
        private int _start;
        private int _end;

        private Member(TcpClient client, int index)
        {
            _client = client;
            _stream = client.GetStream();
            Index = index;
        }

        public int Index { get; }

        public static async Task<Member> JoinAsync(IPEndPoint address, int index, CancellationToken cancel)
        {
            var client = new TcpClient(AddressFamily.InterNetwork) { ReceiveBufferSize = 4096 };
            await client.ConnectAsync(address, cancel);
            var member = new Member(client, index);
            await member.WriteAsync($"/nick m{index}\n/join burst\n", cancel);
            Assert.Equal($"OK nick m{index}", await member.ReadLineAsync(cancel));
            Assert.Equal($"OK joined burst ({index + 1} members)", await member.ReadLineAsync(cancel));
            return member;
        }

        /// <summary>All lines in one write: the server takes them as fast as back-pressure allows.</summary>
        public Task SendBurstAsync(int lines, CancellationToken cancel)
        {
            var text = new StringBuilder();
            for (var seq = 0; seq < lines; seq++)
            {
                text.Append(Line(Index, seq)).Append('\n');
            }

            return WriteAsync(text.ToString(), cancel);
        }

        /// <summary>Reads until every other sender's lines arrived, asserting each sender's order and that none is missing.</summary>
        public async Task ReadBurstAsync(int senders, int lines, CancellationToken cancel)
        {
            var next = new int[senders];
            var expected = (senders - (Index < senders ? 1 : 0)) * lines;
            for (var received = 0; received < expected;)
            {
                var line = await ReadLineAsync(cancel);
                Assert.False(line.StartsWith("NOTICE", StringComparison.Ordinal), $"m{Index} got '{line}'");
                if (!line.StartsWith("[burst] m", StringComparison.Ordinal) || line.Contains(" joined", StringComparison.Ordinal) || line.Contains(" left", StringComparison.Ordinal))
                {
                    continue;
                }

                var sender = line["[burst] m".Length] - '0';
                Assert.NotEqual(Index, sender);
                Assert.Equal($"[burst] m{sender}: {Line(sender, next[sender])}", line);
                next[sender]++;
                received++;
            }
        }

        public async Task<string> ReadLineAsync(CancellationToken cancel)
        {
            _line.Clear();
            while (true)
            {
                for (var i = _start; i < _end; i++)
                {
                    if (_buffer[i] == (byte)'\n')
                    {
                        _line.Append(Encoding.UTF8.GetString(_buffer, _start, i - _start));
                        _start = i + 1;
                        return _line.ToString();
                    }
                }

                _line.Append(Encoding.UTF8.GetString(_buffer, _start, _end - _start));
                _start = 0;
                _end = await _stream.ReadAsync(_buffer, cancel);
                Assert.True(_end > 0, $"m{Index}: the server closed the connection");
            }
        }

        public void Dispose() => _client.Dispose();

        // About 1 KB a line, so the burst (2,000 lines from each of five senders) is far more than
        // the kernel's socket buffers can absorb for the member who never reads.
        private static string Line(int sender, int seq) => $"{sender}-{seq:D5} " + new string('x', 1000);

        private Task WriteAsync(string text, CancellationToken cancel) =>
            _stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancel).AsTask();
    }
}
