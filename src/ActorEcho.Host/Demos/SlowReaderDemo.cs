using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ActorEcho.Host.Demos;

/// <summary>
/// Demo 5: two talkers chat at a steady rate in a room with two prompt readers and one reader that
/// stops reading, under each slow-reader policy. Each line carries its send time, so the prompt
/// readers measure delivery rate and latency. Under backpressure (the default) the talkers are held
/// while slow is congested, the prompt readers still get every line, and slow is cut off after
/// slow-reader-timeout; under drop-oldest the room keeps its rate and slow, once it reads again,
/// accounts for every line (received or reported dropped); under disconnect slow gets the notice
/// and a close.
/// </summary>
internal sealed class SlowReaderDemo : ISupervisionDemo
{
    private const string Room = "demo";
    private const int Talkers = 2;
    private const int LinesPerTalker = 150;
    private const int LineBytes = 1000;
    private const int MaxQueued = 50;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxLatency = TimeSpan.FromSeconds(1);

    public string Name => "slow-reader";

    public string Title => "a slow chat reader is handled by policy while the room keeps its rate";

    public async Task<DemoResult> RunAsync(DemoContext context)
    {
        await RunPolicyAsync(context, "backpressure").ConfigureAwait(false);
        await RunPolicyAsync(context, "drop-oldest").ConfigureAwait(false);
        await RunPolicyAsync(context, "disconnect").ConfigureAwait(false);
        return DemoResult.Pass;
    }

    private static async Task RunPolicyAsync(DemoContext context, string policy)
    {
        context.Step($"{policy}: starting a server (slow-reader-policy={policy}, max-queued-messages={MaxQueued}, a small in-flight window and small socket buffers so a stalled reader fills up fast)");
        await using var server = await DemoServer.StartAsync(
            "slow-reader-" + policy,
            context,
            $"actorecho.server.session.outbound.slow-reader-policy={policy}",
            $"actorecho.server.session.outbound.max-queued-messages={MaxQueued}",
            "actorecho.server.session.outbound.max-in-flight-bytes=16384",
            "actorecho.server.session.outbound.slow-reader-timeout=2s",
            "actorecho.server.socket.send-buffer-size=16384",
            "actorecho.server.session.close-timeout=20s",
            "actorecho.server.chat.rate-limit=500",
            "actorecho.server.chat.rate-burst=500").ConfigureAwait(false);

        var all = new List<DemoClient>();
        try
        {
            var slow = await JoinAsync(server, "slow", context, all, receiveBufferSize: 4096).ConfigureAwait(false);
            var readers = new List<StreamRecorder>();
            foreach (var name in new[] { "reader-1", "reader-2" })
            {
                readers.Add(new StreamRecorder(await JoinAsync(server, name, context, all).ConfigureAwait(false), context.CancellationToken));
            }

            var talkers = new List<DemoClient>();
            for (var t = 1; t <= Talkers; t++)
            {
                var talker = await JoinAsync(server, $"talker-{t}", context, all).ConfigureAwait(false);
                talkers.Add(talker);

                // Talkers are members too: they read the other talker's lines promptly.
                _ = new StreamRecorder(talker, context.CancellationToken);
            }

            context.Observe($"slow, reader-1, reader-2, talker-1 and talker-2 joined room '{Room}'; slow stops reading now");

            var total = Talkers * LinesPerTalker;
            var rate = Talkers / Interval.TotalSeconds;
            context.Step($"{policy}: the talkers send {total} lines of {LineBytes} bytes at {rate:0} lines/s in total ({LinesPerTalker * Interval.TotalSeconds:0.0}s)");
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(talkers.Select((t, i) => TalkAsync(t, i + 1, start, context))).ConfigureAwait(false);
            var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

            foreach (var (reader, name) in readers.Zip(["reader-1", "reader-2"]))
            {
                var complete = await reader.WaitUntilAsync(() => TalkerLines(reader.ToArray()).Count == total, context.StepTimeout, context.CancellationToken).ConfigureAwait(false);
                var lines = TalkerLines(reader.ToArray());
                DemoContext.Check(complete, $"{policy}: {name} got {lines.Count} of {total} room lines");
                CheckOrder(lines, name, policy);
                var latencies = lines.Select(l => Stopwatch.GetElapsedTime(start, reader.ArrivalOf(l.End)) - TimeSpan.FromMilliseconds(l.SentMs)).ToArray();
                var worst = latencies.Max();
                var lastArrival = Stopwatch.GetElapsedTime(start, reader.ArrivalOf(lines[^1].End)).TotalSeconds;
                context.Observe(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name}: all {total} lines, in order, {total / lastArrival:0} lines/s delivered (sent at {total / sendSeconds:0} lines/s), worst latency {worst.TotalMilliseconds:0} ms"));
                if (policy != "backpressure")
                {
                    DemoContext.Check(worst < MaxLatency, $"{policy}: {name} got a line {worst.TotalMilliseconds:0} ms after it was sent; the room slowed down");
                }
            }

            if (policy == "backpressure")
            {
                var held = await server.Server.GetStatsAsync().ConfigureAwait(false);
                context.Observe($"the server held the talkers' input {held.Holds} time(s) while slow was congested: nothing was dropped for the prompt readers, they only waited");
                DemoContext.Check(held.Holds > 0, "backpressure: the talkers were never held");
            }

            context.Step($"{policy}: slow starts reading again");
            var slowRecorder = new StreamRecorder(slow, context.CancellationToken);
            if (policy == "drop-oldest")
            {
                await CheckDropOldestAsync(server, slowRecorder, total, context).ConfigureAwait(false);
            }
            else
            {
                // Backpressure cuts slow off after slow-reader-timeout, as disconnect does at once.
                await CheckDisconnectAsync(server, slowRecorder, readers, context).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var client in all)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task CheckDropOldestAsync(DemoServer server, StreamRecorder slow, int total, DemoContext context)
    {
        var accounted = await slow.WaitUntilAsync(() => Account(slow.ToArray()) == total, context.StepTimeout, context.CancellationToken).ConfigureAwait(false);
        var data = slow.ToArray();
        var lines = TalkerLines(data);
        var dropped = Dropped(data);
        context.Observe($"slow got {lines.Count} room lines and {dropped.Count} notice(s): {string.Join(" | ", dropped.Select(d => d.Line))}");
        DemoContext.Check(accounted, $"drop-oldest: slow got {lines.Count} lines and was told of {dropped.Sum(d => d.Count)} drops; together they should be {total}");
        DemoContext.Check(dropped.Count > 0, "drop-oldest: slow never got a 'NOTICE dropped N messages' line");
        CheckOrder(lines, "slow", "drop-oldest");
        var stats = await server.Server.GetStatsAsync().ConfigureAwait(false);
        var sum = dropped.Sum(d => d.Count);
        context.Observe($"{lines.Count} received + {sum} dropped = {total}: every line accounted for; the newest lines survived (oldest dropped); /stats drops={stats.Drops}");
        DemoContext.Check(stats.Drops == sum, $"drop-oldest: /stats drops={stats.Drops} but slow was told of {sum}");
    }

    private static async Task CheckDisconnectAsync(DemoServer server, StreamRecorder slow, List<StreamRecorder> readers, DemoContext context)
    {
        var ended = await slow.WaitUntilAsync(() => slow.Ended, context.StepTimeout * 2, context.CancellationToken).ConfigureAwait(false);
        DemoContext.Check(ended, "the server did not close slow's connection");
        var text = Encoding.UTF8.GetString(slow.ToArray());
        var lastLine = text.TrimEnd('\n').Split('\n')[^1];
        context.Observe($"slow read what was still buffered for it, then: '{lastLine}', then the connection closed");
        DemoContext.Check(lastLine == DemoLines.Disconnected, $"slow's last line should be '{DemoLines.Disconnected}', it was '{DemoClient.Printable(lastLine)}'");
        var left = $"[{Room}] * slow left";
        var saw = readers.All(r => Encoding.UTF8.GetString(r.ToArray()).Contains(left, StringComparison.Ordinal));
        context.Observe(saw ? $"the readers saw '{left}'" : "the readers have not (yet) seen slow leave");
        var stats = await server.Server.GetStatsAsync().ConfigureAwait(false);
        context.Observe($"/stats drops={stats.Drops} (the lines queued for slow when it was cut off)");
        DemoContext.Check(stats.Drops > 0, "/stats counts no dropped lines");
    }

    private static async Task<DemoClient> JoinAsync(DemoServer server, string nick, DemoContext context, List<DemoClient> all, int? receiveBufferSize = null)
    {
        var client = await server.ConnectAsync(nick, context, receiveBufferSize).ConfigureAwait(false);
        all.Add(client);
        await client.SendAsync($"/nick {nick}\n/join {Room}\n").ConfigureAwait(false);
        var nickReply = await client.ReadLineAsync("the /nick reply").ConfigureAwait(false);
        DemoContext.Check(nickReply == "OK nick " + nick, $"{nick} expected 'OK nick {nick}', got '{nickReply}'");
        var joinReply = await client.ReadLineAsync("the /join reply").ConfigureAwait(false);
        DemoContext.Check(joinReply.StartsWith($"OK joined {Room} ", StringComparison.Ordinal), $"{nick} expected 'OK joined {Room} (N members)', got '{joinReply}'");
        return client;
    }

    private static async Task TalkAsync(DemoClient talker, int number, long start, DemoContext context)
    {
        using var timer = new PeriodicTimer(Interval);
        for (var seq = 0; seq < LinesPerTalker && await timer.WaitForNextTickAsync(context.CancellationToken).ConfigureAwait(false); seq++)
        {
            var sentMs = (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var head = string.Create(CultureInfo.InvariantCulture, $"t{number} {seq:0000} {sentMs:0000000} ");
            await talker.SendAsync(head + new string('x', LineBytes - head.Length) + "\n").ConfigureAwait(false);
        }
    }

    /// <summary>Room lines from the talkers: talker number, sequence, send time (ms after start) and where the line ends in the stream.</summary>
    private static List<(int Talker, int Seq, long SentMs, long End)> TalkerLines(byte[] data)
    {
        var result = new List<(int, int, long, long)>();
        var prefix = $"[{Room}] talker-";
        var start = 0;
        while (start < data.Length)
        {
            var newline = Array.IndexOf(data, (byte)'\n', start);
            if (newline < 0)
            {
                break;
            }

            var line = Encoding.UTF8.GetString(data, start, Math.Min(newline - start, 64));
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                // "[demo] talker-1: t1 0042 0000840 xxx"
                var parts = line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split(' ');
                result.Add((int.Parse(parts[0][1..], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), newline));
            }

            start = newline + 1;
        }

        return result;
    }

    private static List<(string Line, long Count)> Dropped(byte[] data) =>
        Encoding.UTF8.GetString(data).Split('\n')
            .Where(l => l.StartsWith(DemoLines.DroppedPrefix, StringComparison.Ordinal) && l.EndsWith(DemoLines.DroppedSuffix, StringComparison.Ordinal))
            .Select(l => (l, long.Parse(l[DemoLines.DroppedPrefix.Length..^DemoLines.DroppedSuffix.Length], CultureInfo.InvariantCulture)))
            .ToList();

    private static long Account(byte[] data) => TalkerLines(data).Count + Dropped(data).Sum(d => d.Count);

    private static void CheckOrder(List<(int Talker, int Seq, long SentMs, long End)> lines, string name, string policy)
    {
        foreach (var group in lines.GroupBy(l => l.Talker))
        {
            var seqs = group.Select(l => l.Seq).ToArray();
            DemoContext.Check(seqs.Zip(seqs.Skip(1)).All(p => p.First < p.Second), $"{policy}: {name} got talker-{group.Key}'s lines out of order");
        }
    }
}
