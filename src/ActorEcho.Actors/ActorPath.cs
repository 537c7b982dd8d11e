using System.Text;

namespace ActorEcho.Actors;

/// <summary>
/// The address of an actor in its system's hierarchy: <c>actorecho://SYSTEM/user/parent/child</c>.
/// Paths are immutable; the textual form is built once, on first use.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    /// <summary>The URI scheme of every ActorEcho path.</summary>
    public const string Scheme = "actorecho";

    private string? _text;

    private ActorPath(string systemName, ActorPath? parent, string name)
    {
        SystemName = systemName;
        Parent = parent;
        Name = name;
    }

    /// <summary>The name of the actor system this path belongs to.</summary>
    public string SystemName { get; }

    /// <summary>The parent path, or null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element: the actor's own name (empty for the root).</summary>
    public string Name { get; }

    /// <summary>The elements below the root, e.g. <c>["user", "a", "b"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var list = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                list.Add(p.Name);
            }

            list.Reverse();
            return list;
        }
    }

    /// <summary>The root path of the system <paramref name="systemName"/>.</summary>
    public static ActorPath Root(string systemName) => new(systemName, null, string.Empty);

    /// <summary>The path of a child called <paramref name="name"/>.</summary>
    public ActorPath Child(string name) => new(SystemName, this, name);

    /// <summary>Path concatenation, as in Akka: <c>path / "child"</c>.</summary>
    public static ActorPath operator /(ActorPath path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Child(name);
    }

    /// <summary>Same as <c>path / name</c>, for languages without operator overloading.</summary>
    public static ActorPath Divide(ActorPath path, string name) => path / name;

    /// <inheritdoc />
    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }

        var sb = new StringBuilder(Scheme.Length + 3 + SystemName.Length + 32);
        sb.Append(Scheme).Append("://").Append(SystemName);
        var elements = Elements;
        if (elements.Count == 0)
        {
            sb.Append('/');
        }

        foreach (var e in elements)
        {
            sb.Append('/').Append(e);
        }

        return _text = sb.ToString();
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(ToString(), other.ToString(), StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
