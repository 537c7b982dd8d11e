using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors.Tests;

public class RefSetTests
{
    // A mutable struct: kept in a field and used in place, as the cell does.
    private sealed class Holder
    {
        public RefSet<object> Set;
    }

    private static List<object> Items(Holder h)
    {
        var items = new List<object>();
        foreach (var item in h.Set)
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public void OneEntry_Should_BeAddedOnceRemovedAndEnumerated()
    {
        var h = new Holder();
        var a = new object();
        Assert.True(h.Set.IsEmpty);
        Assert.True(h.Set.Add(a));
        Assert.False(h.Set.Add(a));
        Assert.Equal([a], Items(h));
        Assert.False(h.Set.Remove(new object()));
        Assert.True(h.Set.Remove(a));
        Assert.False(h.Set.Remove(a));
        Assert.True(h.Set.IsEmpty);
        Assert.Empty(Items(h));
    }

    [Fact]
    public void ManyEntries_Should_KeepEveryDistinctReferenceOnce()
    {
        var h = new Holder();
        var items = Enumerable.Range(0, 10).Select(_ => new object()).ToList();
        foreach (var item in items)
        {
            Assert.True(h.Set.Add(item));
            Assert.False(h.Set.Add(item));
        }

        Assert.Equal(items.ToHashSet(ReferenceEqualityComparer.Instance), Items(h).ToHashSet(ReferenceEqualityComparer.Instance));
        foreach (var item in items)
        {
            Assert.True(h.Set.Remove(item));
        }

        Assert.True(h.Set.IsEmpty);
        Assert.Empty(Items(h));
    }

    [Fact]
    public void Identity_Should_DecideMembershipNotEquality()
    {
        var h = new Holder();
        var first = new string('x', 3);
        var second = new string('x', 3);
        Assert.True(h.Set.Add(first));
        Assert.True(h.Set.Add(second));
        Assert.Equal(2, Items(h).Count);
        h.Set.Clear();
        Assert.True(h.Set.IsEmpty);
    }

    [Fact]
    public void TwoEntries_Should_LiveInFieldsAndReuseAFreedSlot()
    {
        var h = new Holder();
        var a = new object();
        var b = new object();
        var c = new object();

        // The point of the type: a connection's two watchers cost no allocation at all.
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(h.Set.Add(a));
        Assert.True(h.Set.Add(b));
        Assert.False(h.Set.Add(b));
        Assert.True(h.Set.Remove(a));
        Assert.True(h.Set.Add(c));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        Assert.Equal(new HashSet<object>([b, c], ReferenceEqualityComparer.Instance), Items(h).ToHashSet(ReferenceEqualityComparer.Instance));
        Assert.False(h.Set.Remove(a));
        Assert.True(h.Set.Remove(c));
        Assert.Equal([b], Items(h));
        Assert.True(h.Set.Remove(b));
        Assert.True(h.Set.IsEmpty);
    }

    [Fact]
    public void ThirdEntry_Should_MoveAllToTheSetAndKeepThem()
    {
        var h = new Holder();
        var items = new[] { new object(), new object(), new object() };
        foreach (var item in items)
        {
            Assert.True(h.Set.Add(item));
        }

        Assert.Equal(3, Items(h).Count);
        foreach (var item in items)
        {
            Assert.False(h.Set.Add(item));
        }

        Assert.True(h.Set.Remove(items[0]));
        Assert.Equal(new HashSet<object>(items[1..], ReferenceEqualityComparer.Instance), Items(h).ToHashSet(ReferenceEqualityComparer.Instance));
    }
}
