namespace ActorEcho.Hocon.Values;

/// <summary>The JSON type of a resolved configuration value.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are JSON's type names.")]
public enum HoconValueType
{
    /// <summary>An object: ordered keys mapped to values.</summary>
    Object,

    /// <summary>An array of values.</summary>
    Array,

    /// <summary>A string, quoted or unquoted in the source.</summary>
    String,

    /// <summary>A number, kept as the text it was written as.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>The literal <c>null</c>.</summary>
    Null,
}
