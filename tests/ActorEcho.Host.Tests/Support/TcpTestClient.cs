using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorEcho.Host.Tests.Support;

/// <summary>A plain socket client with exact-length, line and to-end reads, all bounded by a token.</summary>
internal sealed class TcpTestClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private TcpTestClient(Socket socket) => _socket = socket;

    public Socket Socket => _socket;

    public static async Task<TcpTestClient> ConnectAsync(IPEndPoint endPoint, CancellationToken ct)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, ct);
            return new TcpTestClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, ct);
            data = data[sent..];
        }
    }

    public Task SendAsync(string text, CancellationToken ct) => SendAsync(Encoding.UTF8.GetBytes(text), ct);

    /// <summary>Reads exactly <paramref name="count"/> bytes; end of stream first is a failure.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken ct)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !await FillAsync(ct))
            {
                throw new EndOfStreamException($"connection closed after {filled} of {count} bytes: '{Encoding.UTF8.GetString(result, 0, filled)}'");
            }

            var n = Math.Min(count - filled, _end - _start);
            Array.Copy(_buffer, _start, result, filled, n);
            _start += n;
            filled += n;
        }

        return result;
    }

    /// <summary>Reads one line without its <c>\n</c>; null at end of stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(ct))
            {
                return line.Count == 0 ? null : throw new EndOfStreamException($"connection closed inside a line: '{Encoding.UTF8.GetString([.. line])}'");
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                line.AddRange(_buffer.AsSpan(_start, newline - _start).ToArray());
                _start = newline + 1;
                return Encoding.UTF8.GetString([.. line]);
            }

            line.AddRange(_buffer.AsSpan(_start, _end - _start).ToArray());
            _start = _end;
        }
    }

    /// <summary>Reads until the server closes, appending everything to <paramref name="sink"/>.</summary>
    public async Task ReadToEndAsync(Stream sink, CancellationToken ct, Action<long>? progress = null)
    {
        long total = 0;
        while (true)
        {
            if (_start == _end && !await FillAsync(ct))
            {
                return;
            }

            sink.Write(_buffer, _start, _end - _start);
            total += _end - _start;
            _start = _end;
            progress?.Invoke(total);
        }
    }

    public async Task<byte[]> ReadToEndAsync(CancellationToken ct)
    {
        using var sink = new MemoryStream();
        await ReadToEndAsync(sink, ct);
        return sink.ToArray();
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> FillAsync(CancellationToken ct)
    {
        var n = await _socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None, ct);
        _start = 0;
        _end = n;
        return n > 0;
    }
}
