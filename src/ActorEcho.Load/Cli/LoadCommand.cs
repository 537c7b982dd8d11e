using System.Net;
using System.CommandLine;
using System.Globalization;

namespace ActorEcho.Load.Cli;

/// <summary>
/// The command line of the load console. Values arrive as text and are validated here, so every
/// mistake gets one sentence that says what was wrong and what would be right.
/// </summary>
internal sealed class LoadCommand
{
    private readonly Option<string?> _host = new("--host") { Description = "Server address: loopback by default; any other address must be typed literally (default 127.0.0.1)" };
    private readonly Option<int?> _port = new("--port", "-p") { Description = "TCP port (default 8888)" };
    private readonly Option<string?> _targets = new("--targets") { Description = "Several session ports, HOST:PORT,HOST:PORT,... (e.g. the nodes of a cluster): TCP clients are spread over them round-robin, so chat rooms span nodes; replaces --host/--port for TCP (UDP still uses --host and --udp-port)" };
    private readonly Option<int?> _udpPort = new("--udp-port") { Description = "UDP port for the udp workload (default 8888)" };
    private readonly Option<string?> _workload = new("--workload", "-w") { Description = "echo | time | chat | udp | idle | burst | mix (default mix)" };
    private readonly Option<int?> _connections = new("--connections", "-c") { Description = "Concurrent clients (default 100)" };
    private readonly Option<string?> _rampUp = new("--ramp-up") { Description = "Spread connection starts over this long, e.g. 2s (default 0)" };
    private readonly Option<int?> _outstanding = new("--outstanding", "-o") { Description = "Requests in flight per TCP connection (default 1)" };
    private readonly Option<string?> _payload = new("--payload") { Description = "Echo/chat message size incl. newline, e.g. 32 or 4KiB (default 32)" };
    private readonly Option<string?> _thinkTime = new("--think-time") { Description = "Pause before each request of a client, e.g. 10ms (chat default 100ms)" };
    private readonly Option<double?> _rate = new("--rate") { Description = "Target requests per second over all clients (instead of --think-time)" };
    private readonly Option<string?> _duration = new("--duration", "-d") { Description = "How long to send, e.g. 10s (default 10s; with --messages it is a cap)" };
    private readonly Option<long?> _messages = new("--messages", "-n") { Description = "Total requests over all clients; the run ends when all are answered" };
    private readonly Option<int?> _roomSize = new("--room-size") { Description = "Members per chat room (default 10)" };
    private readonly Option<int?> _senders = new("--senders") { Description = "Chat members per room that send (default all)" };
    private readonly Option<string?> _udpMode = new("--udp-mode") { Description = "udp workload: both (alternate time and echo), time or echo (default both)" };
    private readonly Option<string?> _mix = new("--mix") { Description = "Weights for mix, e.g. echo=60,time=20,chat=10,udp=10" };
    private readonly Option<string?> _json = new("--json") { Description = "Also write the summary as JSON to this file" };
    private readonly Option<bool> _noLive = new("--no-live") { Description = "Plain progress lines instead of the live display (automatic when stdout is not a terminal)" };
    private readonly Option<string?> _connectTimeout = new("--connect-timeout") { Description = "Give up on a connect after this long (default 5s)" };
    private readonly Option<string?> _replyTimeout = new("--reply-timeout") { Description = "A reply later than this is a timeout error and stops that client (default 5s)" };

    public LoadCommand()
    {
        Root = new RootCommand("ActorEcho load console: drives a server with verified echo, time, chat and UDP traffic and prints a latency/throughput summary.");
        foreach (var option in new Option[]
                 {
                     _host, _port, _targets, _udpPort, _workload, _connections, _rampUp, _outstanding, _payload, _thinkTime, _rate,
                     _duration, _messages, _roomSize, _senders, _udpMode, _mix, _json, _noLive, _connectTimeout, _replyTimeout,
                 })
        {
            Root.Options.Add(option);
        }
    }

    public RootCommand Root { get; }

    /// <summary>Parses and validates <paramref name="args"/>; on failure <paramref name="errors"/> says why.</summary>
    public bool TryParse(IReadOnlyList<string> args, out LoadOptions options, out IReadOnlyList<string> errors)
    {
        var result = Root.Parse(args);
        if (result.Errors.Count > 0)
        {
            options = new LoadOptions();
            errors = result.Errors.Select(e => e.Message).ToList();
            return false;
        }

        return TryBuild(result, out options, out errors);
    }

    /// <summary>Turns a syntactically valid parse into checked <see cref="LoadOptions"/>.</summary>
    public bool TryBuild(ParseResult result, out LoadOptions options, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var o = new LoadOptions();

        if (result.GetValue(_host) is { } hostText)
        {
            if (HostPolicy.TryResolve(hostText, out var address, out var hostError))
            {
                o = o with { Host = address };
            }
            else
            {
                problems.Add(hostError);
            }
        }

        if (result.GetValue(_targets) is { } targetsText)
        {
            if (result.GetValue(_port) is not null)
            {
                problems.Add("--port and --targets both name the TCP target; give the ports in --targets only");
            }

            o = o with { Targets = ParseTargets(targetsText, problems) };
        }

        o = o with
        {
            Port = CheckPort(result.GetValue(_port), "--port", o.Port, problems),
            UdpPort = CheckPort(result.GetValue(_udpPort), "--udp-port", o.UdpPort, problems),
            Connections = CheckRange(result.GetValue(_connections), "--connections", o.Connections, 1, 100_000, problems),
            Outstanding = CheckRange(result.GetValue(_outstanding), "--outstanding", o.Outstanding, 1, 1024, problems),
            RoomSize = CheckRange(result.GetValue(_roomSize), "--room-size", o.RoomSize, 2, 100_000, problems),
            ChatSenders = result.GetValue(_senders) is { } s ? CheckRange(s, "--senders", 1, 1, 100_000, problems) : null,
            Live = !result.GetValue(_noLive) && !Console.IsOutputRedirected,
            JsonPath = result.GetValue(_json),
        };

        if (result.GetValue(_workload) is { } workloadText)
        {
            if (Enum.TryParse<WorkloadKind>(workloadText, ignoreCase: true, out var kind) && Enum.IsDefined(kind) &&
                !int.TryParse(workloadText, CultureInfo.InvariantCulture, out _))
            {
                o = o with { Workload = kind };
            }
            else
            {
                problems.Add($"--workload '{workloadText}' is unknown; use one of echo, time, chat, udp, idle, burst, mix");
            }
        }

        if (result.GetValue(_udpMode) is { } udpText)
        {
            if (Enum.TryParse<UdpMode>(udpText, ignoreCase: true, out var mode) && Enum.IsDefined(mode) &&
                !int.TryParse(udpText, CultureInfo.InvariantCulture, out _))
            {
                o = o with { UdpMode = mode };
            }
            else
            {
                problems.Add($"--udp-mode '{udpText}' is unknown; use both, time or echo");
            }
        }

        if (result.GetValue(_payload) is { } payloadText)
        {
            if (ValueParsers.TryParseSize(payloadText, out var size) && size is >= 1 and <= 1024 * 1024)
            {
                o = o with { Payload = size };
            }
            else
            {
                problems.Add($"--payload '{payloadText}' must be a size from 1 byte to 1MiB, e.g. 32 or 4KiB");
            }
        }

        o = o with
        {
            RampUp = CheckDuration(result.GetValue(_rampUp), "--ramp-up", o.RampUp, allowZero: true, problems),
            ConnectTimeout = CheckDuration(result.GetValue(_connectTimeout), "--connect-timeout", o.ConnectTimeout, allowZero: false, problems),
            ReplyTimeout = CheckDuration(result.GetValue(_replyTimeout), "--reply-timeout", o.ReplyTimeout, allowZero: false, problems),
        };

        var thinkText = result.GetValue(_thinkTime);
        var rate = result.GetValue(_rate);
        if (thinkText is not null && rate is not null)
        {
            problems.Add("--think-time and --rate both set the pace; give only one");
        }
        else if (thinkText is not null)
        {
            o = o with { ThinkTime = CheckDuration(thinkText, "--think-time", TimeSpan.Zero, allowZero: true, problems) };
        }
        else if (rate is { } r)
        {
            if (r is > 0 and <= 10_000_000 && double.IsFinite(r))
            {
                o = o with { Rate = r };
            }
            else
            {
                problems.Add($"--rate {r.ToString(CultureInfo.InvariantCulture)} must be a positive number of requests per second (at most 10000000)");
            }
        }

        var durationText = result.GetValue(_duration);
        var messages = result.GetValue(_messages);
        if (messages is { } m)
        {
            if (m < 1)
            {
                problems.Add($"--messages {m} must be at least 1");
            }

            o = o with { Messages = m, Duration = durationText is null ? null : o.Duration };
        }

        if (durationText is not null)
        {
            o = o with { Duration = CheckDuration(durationText, "--duration", TimeSpan.FromSeconds(10), allowZero: false, problems) };
        }

        if (result.GetValue(_mix) is { } mixText)
        {
            if (o.Workload != WorkloadKind.Mix)
            {
                problems.Add($"--mix only applies to --workload mix, not {o.Workload.ToString().ToLowerInvariant()}");
            }
            else if (MixWeights.TryParse(mixText, out var weights, out var mixError))
            {
                o = o with { Mix = weights };
            }
            else
            {
                problems.Add(mixError);
            }
        }

        if (o.JsonPath is { } jsonPath && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(jsonPath))))
        {
            problems.Add($"--json '{jsonPath}': the directory does not exist; create it or name a file in an existing directory");
        }

        if (o.Workload == WorkloadKind.Chat && o.Connections < 2)
        {
            problems.Add("--workload chat needs at least 2 connections (a room of one delivers nothing)");
        }

        if (messages is not null && o.Workload is WorkloadKind.Idle or WorkloadKind.Burst)
        {
            problems.Add($"--messages does not apply to --workload {o.Workload.ToString().ToLowerInvariant()}, which sends no requests; use --duration");
        }

        if (o.Payload > 65_000 && (o.Workload == WorkloadKind.Udp || (o.Workload == WorkloadKind.Mix && o.Mix.Udp > 0)))
        {
            problems.Add($"--payload {o.Payload} is too large for one UDP datagram; use at most 65000 bytes with udp");
        }

        options = o;
        errors = problems;
        return problems.Count == 0;
    }

    private static List<IPEndPoint> ParseTargets(string text, List<string> problems)
    {
        var targets = new List<IPEndPoint>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = item.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(item[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                problems.Add($"--targets '{item}' is not HOST:PORT with a port in 1..65535, e.g. 127.0.0.1:8888");
                continue;
            }

            if (!HostPolicy.TryResolve(item[..colon], out var address, out var error))
            {
                problems.Add(error.Replace("--host", "--targets", StringComparison.Ordinal));
                continue;
            }

            targets.Add(new IPEndPoint(address, port));
        }

        if (targets.Count == 0 && problems.Count == 0)
        {
            problems.Add("--targets names no target; give HOST:PORT,HOST:PORT,...");
        }

        return targets;
    }

    private static int CheckPort(int? value, string name, int fallback, List<string> problems) =>
        CheckRange(value, name, fallback, 1, 65535, problems);

    private static int CheckRange(int? value, string name, int fallback, int min, int max, List<string> problems)
    {
        if (value is not { } v)
        {
            return fallback;
        }

        if (v < min || v > max)
        {
            problems.Add($"{name} {v} is out of range; use {min}..{max}");
            return fallback;
        }

        return v;
    }

    private static TimeSpan CheckDuration(string? text, string name, TimeSpan fallback, bool allowZero, List<string> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!ValueParsers.TryParseDuration(text, out var value) || (!allowZero && value <= TimeSpan.Zero))
        {
            problems.Add($"{name} '{text}' is not a {(allowZero ? "non-negative" : "positive")} duration up to a day, e.g. 500ms, 10s, 2m");
            return fallback;
        }

        return value;
    }
}
