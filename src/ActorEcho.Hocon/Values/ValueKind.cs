namespace ActorEcho.Hocon.Values;

/// <summary>
/// Every kind of node the parser builds, including the three that only exist before resolution
/// (substitution, concatenation, merge stack); resolved trees hold only the first six.
/// </summary>
internal enum ValueKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
    Substitution,
    Concatenation,
    MergeStack,
}
