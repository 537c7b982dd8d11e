using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Resolution;

/// <summary>
/// "While element <see cref="Index"/> of the definitions of <see cref="Path"/> is being resolved,
/// that path means only the elements below it." This is how <c>path = ${path} [extra]</c> sees
/// the older value. Contexts form an immutable chain so nested resolutions need no undo.
/// </summary>
internal sealed record Override(string[] Path, HoconValue[] Elements, int Index, Override? Parent);
