namespace ActorEcho.Actors;

/// <summary>Marks messages that do not count as activity for <c>Context.SetReceiveTimeout</c>.</summary>
#pragma warning disable CA1040 // A marker interface is the point: message types opt in by declaration.
public interface INotInfluenceReceiveTimeout
{
}
#pragma warning restore CA1040
