using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorEcho.Host.Demos;

/// <summary>
/// A plain TCP client speaking the session protocol the way a person with <c>nc</c> would: it sends
/// bytes and reads bytes. Every read waits at most the context's step timeout and fails the demo
/// (naming the client and what it waited for) when nothing, or the wrong thing, arrives.
/// </summary>
internal sealed class DemoClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly DemoContext _context;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private DemoClient(string name, Socket socket, DemoContext context)
    {
        Name = name;
        _socket = socket;
        _context = context;
    }

    public string Name { get; }

    public static async Task<DemoClient> ConnectAsync(string name, IPEndPoint endPoint, DemoContext context, int? receiveBufferSize = null)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferSize is { } size)
        {
            // Before connecting, so the advertised window is small from the first segment.
            socket.ReceiveBufferSize = size;
        }

        using var timeout = context.Timeout();
        try
        {
            await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            throw new DemoCheckException($"{name} could not connect to {endPoint}: {e.Message}", e);
        }

        return new DemoClient(name, socket, context);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(ReadOnlyMemory<byte> data)
    {
        using var timeout = _context.Timeout();
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await _socket.SendAsync(data, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                data = data[sent..];
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            throw new DemoCheckException($"{Name} could not send: {e.Message}", e);
        }
    }

    /// <summary>Reads one line and returns it without its <c>\n</c>.</summary>
    public Task<string> ReadLineAsync(string waitingFor) => ReadLineAsync(waitingFor, _context.StepTimeout);

    /// <summary>Reads one line, waiting at most <paramref name="within"/>, and returns it without its <c>\n</c>.</summary>
    public async Task<string> ReadLineAsync(string waitingFor, TimeSpan within)
    {
        using var timeout = _context.Timeout(within);
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_buffer, _start, newline - _start);
                _start = newline + 1;
                return line;
            }

            if (!await FillAsync(waitingFor, resetIsEnd: false, timeout.Token).ConfigureAwait(false))
            {
                throw new DemoCheckException($"{Name}: the server closed the connection while {Name} waited for {waitingFor}");
            }
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count, string waitingFor)
    {
        using var timeout = _context.Timeout();
        while (_end - _start < count)
        {
            if (!await FillAsync(waitingFor, resetIsEnd: false, timeout.Token).ConfigureAwait(false))
            {
                throw new DemoCheckException($"{Name}: the server closed the connection while {Name} waited for {waitingFor}");
            }
        }

        var result = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return result;
    }

    /// <summary>Sends <paramref name="text"/> (plain, not a command) and checks exactly those bytes come back.</summary>
    public async Task EchoAsync(string text)
    {
        await SendAsync(text).ConfigureAwait(false);
        var expected = Encoding.UTF8.GetBytes(text);
        var back = await ReadExactlyAsync(expected.Length, $"the echo of '{Printable(text)}'").ConfigureAwait(false);
        DemoContext.Check(back.AsSpan().SequenceEqual(expected), $"{Name} sent '{Printable(text)}' but got '{Printable(Encoding.UTF8.GetString(back))}' back");
    }

    /// <summary>Reads until the server closes the connection; returns the bytes that came before the close.</summary>
    public async Task<byte[]> ReadToEndAsync(string waitingFor)
    {
        using var timeout = _context.Timeout();
        while (await FillAsync(waitingFor, resetIsEnd: true, timeout.Token).ConfigureAwait(false))
        {
        }

        var rest = _buffer.AsSpan(_start, _end - _start).ToArray();
        _start = _end = 0;
        return rest;
    }

    /// <summary>One receive straight from the socket (for recorders that keep their own buffer); 0 at the end of the stream.</summary>
    public async Task<int> ReceiveAsync(Memory<byte> into, CancellationToken cancellationToken)
    {
        if (_end > _start)
        {
            var n = Math.Min(into.Length, _end - _start);
            _buffer.AsMemory(_start, n).CopyTo(into);
            _start += n;
            return n;
        }

        try
        {
            return await _socket.ReceiveAsync(into, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
    }

    public static string Printable(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> FillAsync(string waitingFor, bool resetIsEnd, CancellationToken token)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        try
        {
            var n = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, token).ConfigureAwait(false);
            _end += n;
            return n > 0;
        }
        catch (OperationCanceledException e)
        {
            throw new DemoCheckException($"{Name}: nothing arrived within {_context.StepTimeout.TotalSeconds:0.#}s while waiting for {waitingFor}", e);
        }
        catch (SocketException e) when (resetIsEnd && e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return false;
        }
        catch (SocketException e)
        {
            throw new DemoCheckException($"{Name}: the connection failed ({e.SocketErrorCode}) while waiting for {waitingFor}", e);
        }
    }
}
