using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorEcho.Server.Tests.Cluster;

/// <summary>A real TCP client of the session protocol that reads and writes whole lines, every read bounded in time.</summary>
internal sealed class LineClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly List<byte> _pending = [];

    private LineClient(TcpClient client, string name)
    {
        _client = client;
        _stream = client.GetStream();
        Name = name;
    }

    public string Name { get; }

    public static async Task<LineClient> ConnectAsync(IPEndPoint server, string name, int? receiveBufferSize = null)
    {
        var client = new TcpClient(AddressFamily.InterNetwork);
        if (receiveBufferSize is { } size)
        {
            // Before connecting, so the window the client offers is small from the start.
            client.ReceiveBufferSize = size;
        }

        using var timeout = new CancellationTokenSource(DefaultWait);
        await client.ConnectAsync(server, timeout.Token);
        return new LineClient(client, name);
    }

    /// <summary>Connects, takes <paramref name="nick"/> and joins <paramref name="room"/> (when given), checking both answers.</summary>
    public static async Task<LineClient> MemberAsync(IPEndPoint server, string nick, string? room = null, int? receiveBufferSize = null)
    {
        var client = await ConnectAsync(server, nick, receiveBufferSize);
        Assert.Equal($"OK nick {nick}", await client.CommandAsync($"/nick {nick}"));
        if (room is not null)
        {
            Assert.StartsWith($"OK joined {room} (", await client.CommandAsync($"/join {room}"), StringComparison.Ordinal);
        }

        return client;
    }

    public async Task SendAsync(string text)
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), timeout.Token);
    }

    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\n");
        return await ReadLineAsync();
    }

    /// <summary>The next line, without its <c>\n</c>; fails after <paramref name="max"/> (10 s by default) or when the server closes.</summary>
    public async Task<string> ReadLineAsync(TimeSpan? max = null)
    {
        using var timeout = new CancellationTokenSource(max ?? DefaultWait);
        for (var reads = 0; reads < 100_000; reads++)
        {
            var newline = _pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_pending.GetRange(0, newline).ToArray());
                _pending.RemoveRange(0, newline + 1);
                return line;
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name}: no line within {max ?? DefaultWait}; have '{Encoding.UTF8.GetString(_pending.ToArray())}'");
            }

            if (read == 0)
            {
                throw new EndOfStreamException($"{Name}: the server closed the connection; have '{Encoding.UTF8.GetString(_pending.ToArray())}'");
            }

            _pending.AddRange(_buffer.AsSpan(0, read).ToArray());
        }

        throw new InvalidOperationException($"{Name}: too many reads without a line");
    }

    /// <summary>Reads lines until one satisfies <paramref name="match"/>, returning the lines skipped before it.</summary>
    public async Task<List<string>> ReadUntilAsync(Func<string, bool> match, TimeSpan? max = null)
    {
        var deadline = DateTime.UtcNow + (max ?? DefaultWait);
        var skipped = new List<string>();
        for (var i = 0; i < 100_000; i++)
        {
            var left = deadline - DateTime.UtcNow;
            var line = await ReadLineAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            if (match(line))
            {
                return skipped;
            }

            skipped.Add(line);
        }

        throw new InvalidOperationException($"{Name}: too many lines without a match");
    }

    /// <summary>
    /// Reads lines until every one of <paramref name="expected"/> has arrived, in any order: lines that
    /// come from different nodes (two members' join notices, say) have no order between them.
    /// </summary>
    public async Task ReadUntilAllAsync(params string[] expected)
    {
        var missing = new HashSet<string>(expected, StringComparer.Ordinal);
        while (missing.Count > 0)
        {
            await ReadUntilAsync(missing.Remove);
        }
    }

    /// <summary>Nothing arrives for <paramref name="milliseconds"/> (a bounded wait for an absence, not synchronisation).</summary>
    public async Task ExpectNothingAsync(int milliseconds = 300)
    {
        if (_pending.Count > 0)
        {
            Assert.Fail($"{Name}: unexpected '{Encoding.UTF8.GetString(_pending.ToArray())}'");
        }

        using var timeout = new CancellationTokenSource(milliseconds);
        try
        {
            var read = await _stream.ReadAsync(_buffer, timeout.Token);
            Assert.Fail($"{Name}: unexpected '{Encoding.UTF8.GetString(_buffer, 0, read)}'");
        }
        catch (OperationCanceledException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
