using ActorEcho.Load.Metrics;
using ActorEcho.Load.Verification;

namespace ActorEcho.Load.Tests.Verification;

public class ChatVerifierTests
{
    [Fact]
    public void Accept_Should_PassEveryLineInOrderFromEachSender()
    {
        var v = new ChatVerifier(members: 3, self: 0);
        for (var seq = 0; seq < 5; seq++)
        {
            Assert.Null(v.Accept(1, seq));
            Assert.Null(v.Accept(2, seq));
        }

        Assert.Equal(10, v.Delivered);
        Assert.Equal(0, v.Missing([0, 5, 5]));
    }

    [Fact]
    public void Accept_Should_FlagASecondCopyAsDuplicate()
    {
        var v = new ChatVerifier(2, 0);
        Assert.Null(v.Accept(1, 0));
        Assert.Null(v.Accept(1, 1));
        Assert.Equal(ErrorKind.Duplicate, v.Accept(1, 1));
        Assert.Equal(ErrorKind.Duplicate, v.Accept(1, 0));
        Assert.Equal(2, v.Delivered);
        Assert.Equal(0, v.Missing([0, 2]));
    }

    [Fact]
    public void Missing_Should_CountGapsAndTheUnreceivedTail()
    {
        var v = new ChatVerifier(2, 0);
        Assert.Null(v.Accept(1, 0));
        Assert.Null(v.Accept(1, 3));
        Assert.Equal(2 + 1, v.Missing([0, 5]));
    }

    [Fact]
    public void Accept_Should_FlagALateLineAsReorderedNotMissing()
    {
        var v = new ChatVerifier(2, 0);
        Assert.Null(v.Accept(1, 0));
        Assert.Null(v.Accept(1, 2));
        Assert.Equal(ErrorKind.Reordered, v.Accept(1, 1));
        Assert.Equal(ErrorKind.Duplicate, v.Accept(1, 1));
        Assert.Equal(3, v.Delivered);
        Assert.Equal(0, v.Missing([0, 3]));
    }

    [Fact]
    public void Accept_Should_FlagOwnLinesAndStrangersAsUnexpected()
    {
        var v = new ChatVerifier(3, 1);
        Assert.Equal(ErrorKind.Unexpected, v.Accept(1, 0));
        Assert.Equal(ErrorKind.Unexpected, v.Accept(3, 0));
        Assert.Equal(ErrorKind.Unexpected, v.Accept(-1, 0));
    }

    [Fact]
    public void Missing_Should_IgnoreTheMembersOwnCount()
    {
        var v = new ChatVerifier(2, 1);
        Assert.Null(v.Accept(0, 0));
        Assert.Equal(0, v.Missing([1, 99]));
    }
}
