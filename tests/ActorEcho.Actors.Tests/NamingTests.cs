using ActorEcho.Actors.Tests.Support;
using ActorEcho.TestKit;
using Xunit.Abstractions;
using static ActorEcho.Actors.Tests.Support.Protocol;

namespace ActorEcho.Actors.Tests;

/// <summary>Actor names and paths.</summary>
public sealed class NamingTests(ITestOutputHelper output) : TestKit.TestKit(new TestKitOptions { SystemName = "sys" }, output)
{
    [Fact]
    public void Path_Should_NameTheSystemAndEveryAncestor()
    {
        var a = Sys.ActorOf(Probed.Create("a", CreateTestProbe().Ref), "a");
        a.Tell(new Spawn(Probed.Create("b", CreateTestProbe().Ref), "b"), TestActor);
        var b = ExpectMsg<IActorRef>();

        Assert.Equal("actorecho://sys/user/a", a.Path.ToString());
        Assert.Equal("actorecho://sys/user/a/b", b.Path.ToString());
        Assert.Equal(["user", "a", "b"], b.Path.Elements);
        Assert.Equal("b", b.Path.Name);
        Assert.Equal(a.Path, b.Path.Parent);
        Assert.Equal("sys", b.Path.SystemName);
        Assert.Same(Sys, ActorSystem.Of(b));
    }

    [Fact]
    public void SystemActor_Should_LiveUnderSystem()
    {
        var service = Sys.SystemActorOf(Probed.Create("s", CreateTestProbe().Ref), "service");

        Assert.Equal("actorecho://sys/system/service", service.Path.ToString());
    }

    [Fact]
    public void DuplicateName_Should_BeRejectedAmongSiblings()
    {
        Sys.ActorOf(Probed.Create("a", CreateTestProbe().Ref), "a");

        var e = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Probed.Create("a", CreateTestProbe().Ref), "a"));
        Assert.Contains("[a]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateName_Should_BeRejectedForChildrenToo()
    {
        var parent = Sys.ActorOf(Props.Create(() => new NameTester()), "parent");

        parent.Tell("twice", TestActor);

        ExpectMsg(nameof(InvalidActorNameException));
    }

    [Theory]
    [InlineData("$reserved")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("with space")]
    [InlineData("ümlaut")]
    public void InvalidName_Should_BeRejected(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Probed.Create("x", CreateTestProbe().Ref), name));
    }

    [Fact]
    public void GeneratedNames_Should_StartWithDollarAndBeUnique()
    {
        var refs = Enumerable.Range(0, 100).Select(_ => Sys.ActorOf(Probed.Create("x", CreateTestProbe().Ref))).ToList();

        Assert.All(refs, r => Assert.StartsWith("$", r.Path.Name, StringComparison.Ordinal));
        Assert.Equal(100, refs.Select(r => r.Path.Name).Distinct().Count());
    }

    [Fact]
    public void Child_Should_FindALiveChildByName()
    {
        var parent = Sys.ActorOf(Props.Create(() => new NameTester()), "parent");

        parent.Tell("lookup", TestActor);

        ExpectMsg("found kid, missing none");
    }

    private sealed class NameTester : ReceiveActor
    {
        public NameTester()
        {
            Receive<string>(s => s == "twice", _ =>
            {
                Context.ActorOf(Props.Create(() => new NameTester()), "kid");
                try
                {
                    Context.ActorOf(Props.Create(() => new NameTester()), "kid");
                    Sender.Tell("accepted");
                }
                catch (InvalidActorNameException e)
                {
                    Sender.Tell(e.GetType().Name);
                }
            });
            Receive<string>(s => s == "lookup", _ =>
            {
                var kid = Context.ActorOf(Props.Create(() => new NameTester()), "kid");
                var found = ReferenceEquals(Context.Child("kid"), kid) ? "found kid" : "lost kid";
                var missing = Context.Child("nobody") is null ? "missing none" : "found a ghost";
                Sender.Tell($"{found}, {missing}");
            });
        }
    }
}
