using ActorEcho.TestKit.Tests.Actors;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

public sealed class TestProbeTests(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void Probe_Should_HaveItsOwnQueue()
    {
        var probe = CreateTestProbe();
        probe.Tell("for the probe");
        TestActor.Tell("for the kit", null);
        probe.ExpectMsg("for the probe");
        ExpectMsg("for the kit");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Probe_Should_ReceiveRepliesToWhatItSends()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var probe = CreateTestProbe("client");
        probe.Send(echo, "hi");
        probe.ExpectMsgFrom(echo, "hi");
        Assert.Equal("client", probe.Ref.Path.Name);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Reply_Should_GoToTheLastSender_WithTheProbeAsSender()
    {
        var probe = CreateTestProbe();
        probe.Tell("question", TestActor);
        probe.ExpectMsg("question");
        Assert.Same(TestActor, probe.LastSender);
        probe.Reply("answer");
        ExpectMsgFrom(probe.Ref, "answer");
    }

    [Fact]
    public void Forward_Should_KeepTheOriginalSender()
    {
        var middle = CreateTestProbe();
        var target = CreateTestProbe();
        middle.Tell("payload", TestActor);
        middle.ExpectMsg("payload");
        middle.Forward(target.Ref);
        target.ExpectMsg("payload");
        Assert.Same(TestActor, target.LastSender);

        middle.Forward(target.Ref, "other");
        target.ExpectMsgFrom(TestActor, "other");
    }

    [Fact]
    public void Forward_Should_Refuse_When_NothingWasReceived()
    {
        var probe = CreateTestProbe();
        Assert.Throws<InvalidOperationException>(() => probe.Forward(TestActor));
    }

    [Fact]
    public void Probe_Should_WatchAndExpectTerminated()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var probe = CreateTestProbe();
        probe.Watch(echo);
        Sys.Stop(echo);
        probe.ExpectTerminated(echo);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Probe_Should_FailItsExpectations_LikeTheKit()
    {
        var probe = CreateTestProbe();
        var e = Assert.Throws<TestKitAssertionException>(() => probe.ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));
        Assert.Contains("no message arrived", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probes_Should_GetDistinctNames_When_Unnamed()
    {
        Assert.NotEqual(CreateTestProbe().Ref.Path, CreateTestProbe().Ref.Path);
    }
}
