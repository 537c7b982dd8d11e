using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace ActorEcho.Host.Demos;

/// <summary>
/// Demo 6: many clients stream random bytes and check their echo while a tenth of them send
/// <c>/crash</c> mid-stream. Every client knows exactly which bytes it must get back (its own,
/// plus the reset notice for a crasher), and the whole streams are compared byte for byte.
/// </summary>
internal sealed class CrashUnderLoadDemo : ISupervisionDemo
{
    private const int Clients = 50;
    private const int CrashEvery = 10;
    private const int Ticks = 100;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(15);
    private static readonly byte[] ResetLine = Encoding.UTF8.GetBytes("\n" + DemoLines.Reset + "\n");

    public string Name => "crash-under-load";

    public string Title => "crashes in 10% of sessions during load: no other session loses or corrupts a byte";

    public async Task<DemoResult> RunAsync(DemoContext context)
    {
        context.Step("starting a server (one-for-one)");
        await using var server = await DemoServer.StartAsync(Name, context, "actorecho.server.supervision.strategy=one-for-one").ConfigureAwait(false);
        var workers = new List<Worker>();
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                var client = await server.ConnectAsync($"client-{i + 1:00}", context).ConfigureAwait(false);
                var crashAt = i % CrashEvery == CrashEvery - 1 ? Ticks / 4 + (i * 7 % (Ticks / 2)) : -1;
                workers.Add(new Worker(client, new Random(1000 + i), crashAt, context.CancellationToken));
            }

            var crashers = workers.Where(w => w.CrashAt >= 0).ToArray();
            context.Observe($"{Clients} clients connected; {crashers.Length} of them will send /crash mid-stream: {string.Join(", ", crashers.Select(c => c.Client.Name))}");

            context.Step($"every client streams random bytes (up to 2 KiB every {Tick.TotalMilliseconds:0} ms, {Ticks} times) and records what comes back");
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(workers.Select(w => w.RunAsync(Tick, Ticks, context))).ConfigureAwait(false);
            var sent = workers.Sum(w => w.ExpectedLength);
            context.Observe($"all streams sent ({sent / 1024.0 / 1024.0:0.0} MiB in {watch.Elapsed.TotalSeconds:0.0}s); every crasher saw its reset notice mid-stream");

            context.Step("waiting for every echo to complete, then comparing each stream byte for byte");
            var clean = 0;
            foreach (var worker in workers)
            {
                var complete = await worker.Recorder.WaitForLengthAsync(worker.ExpectedLength, TimeSpan.FromSeconds(15), context.CancellationToken).ConfigureAwait(false);
                var actual = worker.Recorder.ToArray();
                var expected = worker.Expected;
                DemoContext.Check(complete, $"{worker.Client.Name} got {actual.Length} of {expected.Length} bytes back");
                var mismatch = actual.AsSpan().CommonPrefixLength(expected);
                DemoContext.Check(
                    actual.Length == expected.Length && mismatch == expected.Length,
                    $"{worker.Client.Name}: stream differs at byte {mismatch} of {expected.Length} (got {actual.Length} bytes)");
                clean += worker.CrashAt < 0 ? 1 : 0;
            }

            context.Observe($"{clean} of {clean} non-crashed clients: every byte came back, in order, nothing extra (no notice, no loss)");
            context.Observe($"{crashers.Length} crashers: their bytes before and after the crash came back too, with exactly one reset notice where they crashed");
            var stats = await server.Server.GetStatsAsync().ConfigureAwait(false);
            context.Observe($"server stats: sessions={stats.Sessions} restarts={stats.Restarts}");
            DemoContext.Check(stats.Restarts == crashers.Length, $"expected {crashers.Length} restarts, /stats says {stats.Restarts}");
            return DemoResult.Pass;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.Client.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>One client: sends paced random chunks, records the echo, and crashes once if asked.</summary>
    private sealed class Worker
    {
        private readonly Random _random;
        private readonly ArrayBufferWriter<byte> _expected = new();
        private byte _last = (byte)'\n';

        public Worker(DemoClient client, Random random, int crashAt, CancellationToken cancellationToken)
        {
            Client = client;
            _random = random;
            CrashAt = crashAt;
            Recorder = new StreamRecorder(client, cancellationToken);
        }

        public DemoClient Client { get; }

        public int CrashAt { get; }

        public StreamRecorder Recorder { get; }

        public long ExpectedLength => _expected.WrittenCount;

        public byte[] Expected => _expected.WrittenSpan.ToArray();

        public async Task RunAsync(TimeSpan tick, int ticks, DemoContext context)
        {
            using var timer = new PeriodicTimer(tick);
            for (var i = 0; i < ticks && await timer.WaitForNextTickAsync(context.CancellationToken).ConfigureAwait(false); i++)
            {
                if (i == CrashAt)
                {
                    // A command must start a line: end the current one, then crash. The reset
                    // notice is the only thing the client expects besides its own bytes.
                    await Client.SendAsync("\n/crash\n").ConfigureAwait(false);
                    _expected.Write(ResetLine);
                    _last = (byte)'\n';
                    var seen = await Recorder.WaitForLengthAsync(_expected.WrittenCount, context.StepTimeout, context.CancellationToken).ConfigureAwait(false);
                    DemoContext.Check(seen, $"{Client.Name} sent /crash but its echo and reset notice did not arrive within {context.StepTimeout.TotalSeconds:0}s");
                    context.Observe($"{Client.Name} crashed its session at tick {i} and got the reset notice");
                    continue;
                }

                var chunk = NextChunk();
                _expected.Write(chunk);
                await Client.SendAsync(chunk).ConfigureAwait(false);
            }
        }

        private byte[] NextChunk()
        {
            var chunk = new byte[_random.Next(1, 2049)];
            _random.NextBytes(chunk);
            for (var j = 0; j < chunk.Length; j++)
            {
                // Any byte value goes, except a '/' opening a line: that would be a command.
                if (chunk[j] == (byte)'/' && _last == (byte)'\n')
                {
                    chunk[j] = (byte)'x';
                }

                _last = chunk[j];
            }

            return chunk;
        }
    }
}
