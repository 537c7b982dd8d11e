using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Bench.Baselines;

/// <summary>
/// Kestrel hosting <see cref="EchoConnectionHandler"/> on one TCP endpoint (ASP.NET Core shared
/// framework, default socket transport and limits), as a second, highly tuned baseline.
/// </summary>
internal sealed class KestrelEchoServer : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The bound port; valid after <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>Starts listening on <paramref name="address"/>:<paramref name="port"/> (0 picks a free port) and returns the bound port.</summary>
    public async Task<int> StartAsync(IPAddress address, int port, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(address, port, listen => listen.UseConnectionHandler<EchoConnectionHandler>()));
        _app = builder.Build();
        await _app.StartAsync(cancellationToken);

        Port = port;
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var bound = addresses?.FirstOrDefault();
        if (port == 0 && bound is not null &&
            int.TryParse(bound[(bound.LastIndexOf(':') + 1)..].TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var actual))
        {
            Port = actual;
        }

        return Port;
    }

    /// <summary>Signalled when the host is asked to stop (e.g. by SIGTERM through the host's console lifetime).</summary>
    public CancellationToken Stopping => _app?.Lifetime.ApplicationStopping ?? CancellationToken.None;

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(grace.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
