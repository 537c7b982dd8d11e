namespace ActorEcho.Actors.Tests;

public class SmokeTests
{
    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<string>(s => Sender.Tell("echo:" + s));
            ReceiveAsync<int>(async i =>
            {
                await Task.Yield();
                Sender.Tell(i + 1);
            });
        }
    }

    [Fact]
    public async Task Ask_Should_ReturnReply()
    {
        var sys = ActorSystem.Create("smoke", ActorSystemSettings.Default with { CoordinatedShutdown = new CoordinatedShutdownSettings { RunByProcessExit = false } });
        var echo = sys.ActorOf(Props.Create<Echo>(), "echo");
        Assert.Equal("echo:hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(5)));
        Assert.Equal(42, await echo.Ask<int>(41, TimeSpan.FromSeconds(5)));
        Assert.Equal("actorecho://smoke/user/echo", echo.Path.ToString());
        await sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(sys.WhenTerminated.IsCompletedSuccessfully);
    }
}
