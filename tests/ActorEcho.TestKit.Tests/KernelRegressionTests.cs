using ActorEcho.TestKit.Tests.Actors;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

/// <summary>Kernel behaviour the TestKit relies on, found broken while building it (reported to the kernel owner).</summary>
public sealed class KernelRegressionTests(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void Mailbox_Should_DeliverEveryMessageInOrder_When_ManyAreQueuedBeforeTheActorFirstRuns()
    {
        var forward = Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor)));
        for (var i = 0; i < 20; i++)
        {
            forward.Tell(i, null);
        }

        Assert.Equal(Enumerable.Range(0, 20), ReceiveN(20).Cast<int>());
    }
}
