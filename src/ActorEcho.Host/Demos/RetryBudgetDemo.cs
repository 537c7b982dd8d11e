using System.Text;

namespace ActorEcho.Host.Demos;

/// <summary>
/// Demo 2: a session that keeps crashing is restarted until its retry budget (max-restarts within
/// a window) is spent; the next failure ends it with a final ERR line and a close, while a
/// bystander keeps echoing.
/// </summary>
internal sealed class RetryBudgetDemo : ISupervisionDemo
{
    private const int MaxRestarts = 3;

    public string Name => "retry-budget";

    public string Title => "a session keeps crashing and is stopped once its retry budget is spent";

    public async Task<DemoResult> RunAsync(DemoContext context)
    {
        context.Step($"starting a server whose sessions may restart {MaxRestarts} times within a minute");
        await using var server = await DemoServer.StartAsync(
            Name,
            context,
            "actorecho.server.supervision.strategy=one-for-one",
            $"actorecho.server.supervision.max-restarts={MaxRestarts}",
            "actorecho.server.supervision.within=1 minute").ConfigureAwait(false);
        await using var victim = await server.ConnectAsync("victim", context).ConfigureAwait(false);
        await using var bystander = await server.ConnectAsync("bystander", context).ConfigureAwait(false);
        context.Observe("victim and bystander connected");

        for (var crash = 1; crash <= MaxRestarts; crash++)
        {
            context.Step($"victim sends /crash (failure {crash} of {MaxRestarts} allowed)");
            await victim.SendAsync("/crash\n").ConfigureAwait(false);
            await SessionRestartDemo.ExpectLineAsync(victim, DemoLines.Reset, context).ConfigureAwait(false);
            await victim.EchoAsync($"alive-{crash}\n").ConfigureAwait(false);
            context.Observe($"victim sent 'alive-{crash}' and got it back: restarted, still connected");
        }

        context.Step($"victim sends /crash once more: failure {MaxRestarts + 1} within the window");
        await victim.SendAsync("/crash\n").ConfigureAwait(false);
        await SessionRestartDemo.ExpectLineAsync(victim, DemoLines.Stopped, context).ConfigureAwait(false);
        var after = await victim.ReadToEndAsync("the server to close the connection").ConfigureAwait(false);
        DemoContext.Check(after.Length == 0, $"nothing should follow the final ERR line, but victim got '{DemoClient.Printable(Encoding.UTF8.GetString(after))}'");
        context.Observe("then the server closed the connection; nothing came after the ERR line");

        context.Step("the bystander echoes, as it could all along");
        await bystander.EchoAsync("still fine\n").ConfigureAwait(false);
        context.Observe("bystander sent 'still fine', got exactly 'still fine' back: unaffected");

        context.Step("a new client connects to the same port");
        await using var newcomer = await server.ConnectAsync("newcomer", context).ConfigureAwait(false);
        await newcomer.EchoAsync("hello\n").ConfigureAwait(false);
        context.Observe("newcomer sent 'hello' and got it back: the endpoint serves on");
        var stats = await server.Server.GetStatsAsync().ConfigureAwait(false);
        context.Observe($"server stats: restarts={stats.Restarts} (the last failure is counted too, then the session gave up)");
        return DemoResult.Pass;
    }
}
