using ActorEcho.Load.Cli;
using ActorEcho.Load.Runner;

namespace ActorEcho.Load.Tests.Runner;

public class ClientPlanTests
{
    [Fact]
    public void Split_Should_FollowTheWeights()
    {
        Assert.Equal((60, 20, 10, 10), ClientPlan.Split(100, MixWeights.Default));
        var (e, t, c, u) = ClientPlan.Split(7, MixWeights.Default);
        Assert.Equal(7, e + t + c + u);
    }

    [Fact]
    public void Split_Should_NotLeaveALoneChatClient()
    {
        var (e, _, c, _) = ClientPlan.Split(10, MixWeights.Default);
        Assert.Equal(0, c);
        Assert.Equal(7, e);
    }

    [Fact]
    public void RoomSizes_Should_FoldALoneMemberIntoTheLastRoom()
    {
        Assert.Equal([10, 10], ClientPlan.RoomSizes(20, 10));
        Assert.Equal([10, 11], ClientPlan.RoomSizes(21, 10));
        Assert.Equal([10, 2], ClientPlan.RoomSizes(12, 10));
        Assert.Equal([1000], ClientPlan.RoomSizes(1000, 1000));
    }
}
