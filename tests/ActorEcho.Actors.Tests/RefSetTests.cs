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
}
