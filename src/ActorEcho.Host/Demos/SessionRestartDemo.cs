namespace ActorEcho.Host.Demos;

/// <summary>
/// Demo 1: one session crashes and is restarted by its listener (one-for-one); it stays connected
/// with its nick and room reset, and the other sessions' echo streams carry nothing but their echo.
/// </summary>
internal sealed class SessionRestartDemo : ISupervisionDemo
{
    public string Name => "session-restart";

    public string Title => "a session crashes, is restarted, and the other sessions see nothing";

    public async Task<DemoResult> RunAsync(DemoContext context)
    {
        context.Step("starting a server with one-for-one supervision");
        await using var server = await DemoServer.StartAsync(Name, context, "actorecho.server.supervision.strategy=one-for-one").ConfigureAwait(false);
        await using var alice = await server.ConnectAsync("alice", context).ConfigureAwait(false);
        await using var bob = await server.ConnectAsync("bob", context).ConfigureAwait(false);
        await using var carol = await server.ConnectAsync("carol", context).ConfigureAwait(false);
        context.Observe("alice, bob and carol connected");

        context.Step("alice takes a nick and joins the lobby; bob and carol just echo");
        await alice.SendAsync("/nick alice\n").ConfigureAwait(false);
        await ExpectLineAsync(alice, "OK nick alice", context).ConfigureAwait(false);
        await alice.SendAsync("/join lobby\n").ConfigureAwait(false);
        await ExpectLineAsync(alice, "OK joined lobby (1 members)", context).ConfigureAwait(false);
        await bob.EchoAsync("ping-1\n").ConfigureAwait(false);
        await carol.EchoAsync("ping-2\n").ConfigureAwait(false);
        context.Observe("bob sent 'ping-1' and carol 'ping-2': both came back byte for byte");

        context.Step("alice sends /crash: her session actor throws");
        await alice.SendAsync("/crash\n").ConfigureAwait(false);
        await ExpectLineAsync(alice, DemoLines.Reset, context).ConfigureAwait(false);
        foreach (var decision in await server.SupervisionDecisionsAsync(context).ConfigureAwait(false))
        {
            context.Observe("akka: " + SupervisorLog.Describe(decision));
        }

        context.Step("alice checks she is still connected and what was reset");
        await alice.EchoAsync("still here\n").ConfigureAwait(false);
        context.Observe("alice sent 'still here' and got it back: same connection, no reconnect");
        await alice.SendAsync("/who\n").ConfigureAwait(false);
        var who = await alice.ReadLineAsync("the /who reply").ConfigureAwait(false);
        context.Observe($"alice /who: '{who}'");
        DemoContext.Check(who.StartsWith("WHO * 3: ", StringComparison.Ordinal), $"after the restart alice should be in no room with 3 sessions on the server, /who said '{who}'");
        DemoContext.Check(!who.Contains("alice", StringComparison.Ordinal), $"after the restart alice's nick should be back to guest-N, /who said '{who}'");
        context.Observe("room left and nick back to guest-N: the session's state was reset, as announced");

        context.Step("bob and carol echo again (a notice meant for them would arrive before this echo)");
        await bob.EchoAsync("ping-3\n").ConfigureAwait(false);
        context.Observe("bob sent 'ping-3', got exactly 'ping-3' back: unaffected");
        await carol.EchoAsync("ping-4\n").ConfigureAwait(false);
        context.Observe("carol sent 'ping-4', got exactly 'ping-4' back: unaffected");

        var stats = await server.Server.GetStatsAsync().ConfigureAwait(false);
        context.Observe($"server stats: sessions={stats.Sessions} restarts={stats.Restarts}");
        DemoContext.Check(stats.Restarts == 1, $"exactly one session should have restarted, /stats says restarts={stats.Restarts}");
        DemoContext.Check(stats.Sessions == 3, $"all three sessions should still live, /stats says sessions={stats.Sessions}");
        return DemoResult.Pass;
    }

    internal static async Task ExpectLineAsync(DemoClient client, string expected, DemoContext context)
    {
        var line = await client.ReadLineAsync($"'{expected}'").ConfigureAwait(false);
        context.Observe($"{client.Name} got '{line}'");
        DemoContext.Check(line == expected, $"{client.Name} expected '{expected}' but got '{line}'");
    }
}
