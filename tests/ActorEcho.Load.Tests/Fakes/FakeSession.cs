using System.Net.Sockets;
using System.Text;

namespace ActorEcho.Load.Tests.Fakes;

/// <summary>One connection of <see cref="FakeSessionServer"/>, applying the spec's line rules.</summary>
internal sealed class FakeSession : IDisposable
{
    private readonly FakeSessionServer _server;
    private readonly SemaphoreSlim _sendLock = new(1);
    private readonly List<byte> _line = [];
    private bool _atLineStart = true;
    private bool _inCommand;

    public FakeSession(FakeSessionServer server, Socket socket, int id)
    {
        _server = server;
        Socket = socket;
        Nick = $"guest-{id}";
    }

    public Socket Socket { get; }

    public void Dispose()
    {
        Socket.Dispose();
        _sendLock.Dispose();
    }

    public string Nick { get; set; }

    public string? Room { get; set; }

    public async Task RunAsync()
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var n = await Socket.ReceiveAsync(buffer, SocketFlags.None, _server.Stopping);
                if (n == 0)
                {
                    return;
                }

                await OnBytesAsync(buffer.AsMemory(0, n));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    public async Task SendLineAsync(string line) => await SendAsync(Encoding.UTF8.GetBytes(line + "\n"));

    private async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _sendLock.WaitAsync(_server.Stopping);
        try
        {
            await Socket.SendAsync(bytes, SocketFlags.None, _server.Stopping);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task OnBytesAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_atLineStart)
            {
                _inCommand = data.Span[0] == '/';
                _atLineStart = false;
            }

            var nl = data.Span.IndexOf((byte)'\n');
            var take = nl < 0 ? data.Length : nl + 1;
            var chunk = data[..take];
            data = data[take..];
            if (!_inCommand && Room is null)
            {
                // Plain lines outside a room are echoed as they arrive.
                await SendAsync(chunk);
            }
            else
            {
                _line.AddRange(chunk.Span);
            }

            if (nl < 0)
            {
                continue;
            }

            _atLineStart = true;
            if (_inCommand || Room is not null)
            {
                var text = Encoding.UTF8.GetString([.. _line]).TrimEnd('\n').TrimEnd('\r');
                _line.Clear();
                if (_inCommand)
                {
                    await _server.ExecuteAsync(this, text);
                }
                else
                {
                    await _server.SayAsync(this, text);
                }
            }
        }
    }
}
