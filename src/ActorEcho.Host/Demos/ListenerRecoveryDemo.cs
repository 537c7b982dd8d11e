namespace ActorEcho.Host.Demos;

/// <summary>
/// Demo 4: the session endpoint's listener itself fails. Its supervisor (the server root) restarts
/// it. This server's listener keeps its bound socket and its sessions across a restart, and Akka
/// restarts the kept children with it: every client is told its session was reset and
/// keeps its connection; a client that reconnects, and one that connects while the listener is
/// failing, are served on the same port.
/// </summary>
internal sealed class ListenerRecoveryDemo : ISupervisionDemo
{
    public string Name => "listener";

    public string Title => "a listener fails, escalation recovers it, and clients reconnect";

    public async Task<DemoResult> RunAsync(DemoContext context)
    {
        context.Step("starting a server; dora and eli connect and take nicks");
        await using var server = await DemoServer.StartAsync(Name, context, "actorecho.server.supervision.strategy=one-for-one").ConfigureAwait(false);
        var port = server.SessionEndPoint;
        await using var dora = await server.ConnectAsync("dora", context).ConfigureAwait(false);
        var eli = await server.ConnectAsync("eli", context).ConfigureAwait(false);
        try
        {
            foreach (var client in new[] { dora, eli })
            {
                await client.SendAsync($"/nick {client.Name}\n").ConfigureAwait(false);
                await SessionRestartDemo.ExpectLineAsync(client, "OK nick " + client.Name, context).ConfigureAwait(false);
            }

            context.Step("the session-tcp listener actor throws (EchoServer.InjectListenerFault; allowed by actorecho.demo.allow-crash)");
            server.Server.InjectListenerFault("session-tcp");

            context.Step("at the same moment fay connects to the same port");
            await using var fay = await server.ConnectAsync("fay", context).ConfigureAwait(false);
            await fay.EchoAsync("hi from fay\n").ConfigureAwait(false);
            context.Observe($"fay connected to {port} and got 'hi from fay' back: the connection waited for the restarted listener");

            var decisions = await server.SupervisionDecisionsAsync(context).ConfigureAwait(false);
            foreach (var decision in decisions)
            {
                context.Observe("akka: " + SupervisorLog.Describe(decision));
            }

            DemoContext.Check(
                decisions.Any(d => d.Child.EndsWith("/session-tcp", StringComparison.Ordinal) && d.Directive == "Restart"),
                "no SupervisionDecision reported the listener's failure going to its supervisor with the directive Restart");
            context.Observe("the listener's failure went up to its supervisor (the server root), which chose Restart");

            context.Step("dora and eli read what the listener's restart meant for their sessions");
            foreach (var client in new[] { dora, eli })
            {
                await SessionRestartDemo.ExpectLineAsync(client, DemoLines.Reset, context).ConfigureAwait(false);
                await client.EchoAsync($"{client.Name} still here\n").ConfigureAwait(false);
                context.Observe($"{client.Name}: the session under the restarted listener was restarted too, the connection stayed open, echo works");
            }

            await dora.SendAsync("/who\n").ConfigureAwait(false);
            var who = await dora.ReadLineAsync("the /who reply").ConfigureAwait(false);
            context.Observe($"dora /who: '{who}'");
            DemoContext.Check(!who.Contains("dora", StringComparison.Ordinal) && !who.Contains("eli", StringComparison.Ordinal), $"after the restart the nicks should be back to guest-N, /who said '{who}'");
            context.Observe("the nicks are back to guest-N: the sessions really started over");

            context.Step("eli hangs up and reconnects to the same port");
            await eli.SendAsync("/quit\n").ConfigureAwait(false);
            await SessionRestartDemo.ExpectLineAsync(eli, "BYE", context).ConfigureAwait(false);
            _ = await eli.ReadToEndAsync("the server to close eli's connection").ConfigureAwait(false);
            await eli.DisposeAsync().ConfigureAwait(false);
            eli = await server.ConnectAsync("eli", context).ConfigureAwait(false);
            await eli.SendAsync("/nick eli\n").ConfigureAwait(false);
            await SessionRestartDemo.ExpectLineAsync(eli, "OK nick eli", context).ConfigureAwait(false);
            await eli.EchoAsync("eli is back\n").ConfigureAwait(false);
            context.Observe($"eli reconnected to {port}, took its nick again and echoes: the endpoint never stopped listening");

            var stats = await server.Server.GetStatsAsync().ConfigureAwait(false);
            context.Observe($"server stats: restarts={stats.Restarts} (dora's and eli's sessions, restarted with their listener)");
            DemoContext.Check(stats.Restarts == 2, $"the two sessions that existed when the listener failed should have restarted once each, /stats restarts={stats.Restarts}");
            return DemoResult.Pass;
        }
        finally
        {
            await eli.DisposeAsync().ConfigureAwait(false);
        }
    }
}
