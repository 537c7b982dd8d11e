using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Kernel;

/// <summary>
/// The socket layer relies on the kernel delivering every message between two actors, in order
/// (acks, Received chunks). This guards that assumption with the smallest possible setup.
/// </summary>
public sealed class KernelDeliveryTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void Relay_Should_DeliverEveryMessageInOrder()
    {
        const int count = 1000;
        var relay = Sys.ActorOf(Props.Create(() => new Relay(TestActor)));
        for (var i = 0; i < count; i++)
        {
            relay.Tell(i, ActorRefs.NoSender);
        }

        var received = ReceiveN(count, TimeSpan.FromSeconds(10)).Cast<int>().ToList();
        Assert.Equal(Enumerable.Range(0, count), received);
    }

    private sealed class Relay(IActorRef target) : UntypedActor
    {
        protected override void OnReceive(object message) => target.Tell(message, Self);
    }
}
