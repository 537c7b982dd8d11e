using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>UntypedActor's Become/BecomeStacked: a plain Become swaps state without wrapping; stacking keeps Akka's order.</summary>
public sealed class UntypedBehaviorTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void Become_Should_ReplaceAndStackedBehavioursShould_PopBackToTheOneThatWasPushed()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Moody()), "moody");
        void Expect(string state)
        {
            actor.Tell("state", TestActor);
            ExpectMsg(state);
        }

        Expect("initial");
        actor.Tell("become:a");
        Expect("a");
        actor.Tell("push:b");
        Expect("b");
        actor.Tell("become:c", TestActor);
        Expect("c");
        actor.Tell("pop");
        Expect("a");
        actor.Tell("become:d");
        Expect("d");
        actor.Tell("pop");
        Expect("d");
    }

    [Fact]
    public void Restart_Should_BringBackOnReceive()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Moody()), "moody");
        actor.Tell("become:a");
        actor.Tell("state", TestActor);
        ExpectMsg("a");
        actor.Tell("crash");
        actor.Tell("state", TestActor);
        ExpectMsg("initial");
    }

    [Fact]
    public void Become_Should_WorkInTheConstructor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Moody("ctor")), "moody");
        actor.Tell("state", TestActor);
        ExpectMsg("ctor");
        actor.Tell("push:x");
        actor.Tell("pop");
        actor.Tell("state", TestActor);
        ExpectMsg("ctor");
    }

    private sealed class Moody : UntypedActor
    {
        public Moody(string? first = null)
        {
            if (first is not null)
            {
                Become(In(first));
            }
        }

        protected override void OnReceive(object message) => In("initial")(message);

        private Action<object> In(string state) => message =>
        {
            switch (message)
            {
                case "state":
                    Sender.Tell(state, Self);
                    break;
                case "crash":
                    throw new InvalidOperationException("crash on purpose");
                case "pop":
                    UnbecomeStacked();
                    break;
                case string s when s.StartsWith("become:", StringComparison.Ordinal):
                    Become(In(s["become:".Length..]));
                    break;
                case string s when s.StartsWith("push:", StringComparison.Ordinal):
                    BecomeStacked(In(s["push:".Length..]));
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        };
    }
}
