using ActorEcho.TestKit.Tests.Actors;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

public sealed class ExpectMsgTests(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void ExpectMsg_Should_ReturnTheReply_When_ItArrives()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell("hello", TestActor);
        Assert.Equal("hello", ExpectMsg<string>());
        Assert.Equal(echo, LastSender);
    }
}
