namespace ActorEcho.Host.Demos;

/// <summary>
/// Demo 3: the same fault (one session's <c>/crash</c>) under one-for-one and under all-for-one.
/// Each client then sends a probe line; a session that was restarted has its reset notice queued
/// before the probe's echo, so the first line back tells which sessions were reset.
/// </summary>
internal sealed class StrategyComparisonDemo : ISupervisionDemo
{
    private static readonly string[] Names = ["ann", "ben", "cat"];

    public string Name => "strategies";

    public string Title => "one-for-one next to all-for-one on the same fault";

    public async Task<DemoResult> RunAsync(DemoContext context)
    {
        var oneForOne = await RunStrategyAsync(context, "one-for-one").ConfigureAwait(false);
        var allForOne = await RunStrategyAsync(context, "all-for-one").ConfigureAwait(false);

        context.Step("side by side: which sessions were reset when ann crashed");
        context.Observe($"one-for-one: {string.Join(", ", oneForOne)}");
        context.Observe($"all-for-one: {string.Join(", ", allForOne)}");
        DemoContext.Check(oneForOne.SequenceEqual(["ann"]), $"one-for-one should reset only ann, it reset {string.Join(", ", oneForOne)}");
        DemoContext.Check(allForOne.SequenceEqual(Names), $"all-for-one should reset ann, ben and cat, it reset {string.Join(", ", allForOne)}");
        return DemoResult.Pass;
    }

    private static async Task<List<string>> RunStrategyAsync(DemoContext context, string strategy)
    {
        context.Step($"{strategy}: starting a server, connecting ann, ben and cat, each with a nick");
        await using var server = await DemoServer.StartAsync("strategies-" + strategy, context, $"actorecho.server.supervision.strategy={strategy}").ConfigureAwait(false);
        var clients = new List<DemoClient>();
        try
        {
            foreach (var name in Names)
            {
                var client = await server.ConnectAsync(name, context).ConfigureAwait(false);
                clients.Add(client);
                await client.SendAsync($"/nick {name}\n").ConfigureAwait(false);
                var ok = await client.ReadLineAsync("the /nick reply").ConfigureAwait(false);
                DemoContext.Check(ok == "OK nick " + name, $"{name} expected 'OK nick {name}', got '{ok}'");
            }

            context.Step($"{strategy}: ann sends /crash");
            await clients[0].SendAsync("/crash\n").ConfigureAwait(false);
            await SessionRestartDemo.ExpectLineAsync(clients[0], DemoLines.Reset, context).ConfigureAwait(false);

            context.Step($"{strategy}: every client sends a probe line");
            var reset = new List<string>();
            foreach (var client in clients)
            {
                var probe = "probe-" + client.Name;
                await client.SendAsync(probe + "\n").ConfigureAwait(false);
                var first = await client.ReadLineAsync("the probe's echo").ConfigureAwait(false);
                if (first == DemoLines.Reset)
                {
                    reset.Add(client.Name);
                    first = await client.ReadLineAsync("the probe's echo").ConfigureAwait(false);
                    context.Observe($"{client.Name}: '{DemoLines.Reset}', then '{first}': this session was restarted too");
                }
                else
                {
                    context.Observe($"{client.Name}: '{first}' and nothing before it: untouched");
                }

                DemoContext.Check(first == probe, $"{client.Name} expected its probe '{probe}' back, got '{first}'");
            }

            // ann's own notice came before the probes; she was reset whatever the strategy.
            reset.Insert(0, "ann");
            reset = [.. reset.Distinct()];
            var stats = await server.Server.GetStatsAsync().ConfigureAwait(false);
            context.Observe($"{strategy}: server stats restarts={stats.Restarts}, sessions={stats.Sessions} (all still connected)");
            DemoContext.Check(stats.Restarts == reset.Count, $"{strategy}: /stats restarts={stats.Restarts} but {reset.Count} sessions announced a reset");
            DemoContext.Check(stats.Sessions == Names.Length, $"{strategy}: every session should still live, /stats sessions={stats.Sessions}");
            return reset;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
