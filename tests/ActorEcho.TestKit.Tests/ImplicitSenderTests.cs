using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

public class ImplicitSenderTests(ITestOutputHelper output) : TestKit(output)
{
    private sealed class Replier : ReceiveActor
    {
        public Replier() => Receive<string>(s => Sender.Tell("re:" + s, Self));
    }

    [Fact]
    public void Tell_Should_UseTestActorAsSender()
    {
        var replier = Sys.ActorOf(Props.Create<Replier>());
        replier.Tell("hi");
        ExpectMsg("re:hi");
    }

    [Fact]
    public async Task Tell_Should_UseTestActorAsSenderAfterAwait()
    {
        var replier = Sys.ActorOf(Props.Create<Replier>());
        await Task.Yield();
        replier.Tell("after-await");
        await ExpectMsgAsync("re:after-await");
    }
}
