using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace ActorEcho.Bench.Baselines;

/// <summary>Kestrel's raw-TCP echo: whatever the input pipe yields is written to the output pipe and flushed.</summary>
internal sealed class EchoConnectionHandler : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(connection.ConnectionClosed);
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    output.Write(segment.Span);
                }

                input.AdvanceTo(buffer.End);
                var flush = await output.FlushAsync(connection.ConnectionClosed);
                if (result.IsCompleted || result.IsCanceled || flush.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ConnectionResetException or ConnectionAbortedException)
        {
            // The client went away; Kestrel closes the transport.
        }
    }
}
