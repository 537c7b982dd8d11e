using System.Globalization;
using ActorEcho.Hocon.Units;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon;

public sealed partial class HoconConfig
{
    /// <summary>True when <paramref name="path"/> exists and is not <c>null</c>.</summary>
    public bool HasPath(string path) => Find(HoconPath.Parse(path)) is { Kind: not ValueKind.Null };

    /// <summary>The resolved value at <paramref name="path"/>, or null when there is none.</summary>
    public HoconValue? GetValue(string path) => Find(HoconPath.Parse(path));

    /// <summary>The string at <paramref name="path"/>; numbers and booleans convert to their text. Throws when missing.</summary>
    public string GetString(string path) => Get(path, "a string", AsString);

    /// <summary>The string at <paramref name="path"/>, or <paramref name="default"/> when missing or null.</summary>
    public string? GetString(string path, string? @default) => GetOr(path, @default, "a string", AsString);

    /// <summary>The 32-bit integer at <paramref name="path"/>. Throws when missing or not an integer.</summary>
    public int GetInt(string path) => Get(path, "an int", AsInt);

    /// <summary>The 32-bit integer at <paramref name="path"/>, or <paramref name="default"/> when missing.</summary>
    public int GetInt(string path, int @default) => GetOr(path, @default, "an int", AsInt);

    /// <summary>The 64-bit integer at <paramref name="path"/>. Throws when missing or not an integer.</summary>
    public long GetLong(string path) => Get(path, "a long", AsLong);

    /// <summary>The 64-bit integer at <paramref name="path"/>, or <paramref name="default"/> when missing.</summary>
    public long GetLong(string path, long @default) => GetOr(path, @default, "a long", AsLong);

    /// <summary>The number at <paramref name="path"/>. Throws when missing or not a number.</summary>
    public double GetDouble(string path) => Get(path, "a number", AsDouble);

    /// <summary>The number at <paramref name="path"/>, or <paramref name="default"/> when missing.</summary>
    public double GetDouble(string path, double @default) => GetOr(path, @default, "a number", AsDouble);

    /// <summary>The boolean at <paramref name="path"/>: true/false, or the strings yes/no/on/off. Throws when missing.</summary>
    public bool GetBoolean(string path) => Get(path, "a boolean", AsBoolean);

    /// <summary>The boolean at <paramref name="path"/>, or <paramref name="default"/> when missing.</summary>
    public bool GetBoolean(string path, bool @default) => GetOr(path, @default, "a boolean", AsBoolean);

    /// <summary>
    /// The duration at <paramref name="path"/>: <c>10s</c>, <c>500 ms</c>, <c>2 minutes</c>; a bare
    /// number is milliseconds; <c>infinite</c> gives <see cref="Timeout.InfiniteTimeSpan"/>. Throws when missing.
    /// </summary>
    public TimeSpan GetTimeSpan(string path) => Get(path, DurationParser.Expected, AsTimeSpan);

    /// <summary>The duration at <paramref name="path"/>, or <paramref name="default"/> when missing.</summary>
    public TimeSpan GetTimeSpan(string path, TimeSpan @default) => GetOr(path, @default, DurationParser.Expected, AsTimeSpan);

    /// <summary>
    /// The size in bytes at <paramref name="path"/>: <c>512</c>, <c>64K</c> (1024s), <c>10MB</c> (1000s),
    /// <c>16MiB</c>. Throws when missing.
    /// </summary>
    public long GetByteSize(string path) => Get(path, ByteSizeParser.Expected, AsByteSize);

    /// <summary>The size in bytes at <paramref name="path"/>, or <paramref name="default"/> when missing.</summary>
    public long GetByteSize(string path, long @default) => GetOr(path, @default, ByteSizeParser.Expected, AsByteSize);

    /// <summary>The array of strings at <paramref name="path"/>. Throws when missing.</summary>
    public IReadOnlyList<string> GetStringList(string path) => Get(path, "a list of strings", (p, v) => AsList(p, v, "a string", AsString));

    /// <summary>The array of strings at <paramref name="path"/>, or <paramref name="default"/> when missing.</summary>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> @default) =>
        GetOr(path, @default, "a list of strings", (p, v) => AsList(p, v, "a string", AsString));

    /// <summary>The array of 32-bit integers at <paramref name="path"/>. Throws when missing.</summary>
    public IReadOnlyList<int> GetIntList(string path) => Get(path, "a list of ints", (p, v) => AsList(p, v, "an int", AsInt));

    /// <summary>The array of 32-bit integers at <paramref name="path"/>, or <paramref name="default"/> when missing.</summary>
    public IReadOnlyList<int> GetIntList(string path, IReadOnlyList<int> @default) =>
        GetOr(path, @default, "a list of ints", (p, v) => AsList(p, v, "an int", AsInt));

    /// <summary>
    /// The object at <paramref name="path"/> as a config of its own (already resolved); an empty config
    /// when the path is missing, as Akka does. Throws when the value is not an object.
    /// </summary>
    public HoconConfig GetConfig(string path)
    {
        var segments = HoconPath.Parse(path);
        var value = Find(segments);
        return value switch
        {
            null or { Kind: ValueKind.Null } => new HoconConfig(HoconObject.Empty, [.. _prefix, .. segments], Environment),
            HoconObject obj => new HoconConfig(obj, [.. _prefix, .. segments], Environment),
            _ => throw WrongType(segments, value, "an object"),
        };
    }

    private HoconValue? Find(string[] segments)
    {
        HoconValue current = Root;
        foreach (var segment in segments)
        {
            if (current is not HoconObject obj || !obj.TryGetValue(segment, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    private T Get<T>(string path, string wanted, Func<string[], HoconValue, T> convert)
    {
        var segments = HoconPath.Parse(path);
        var value = Find(segments);
        if (value is null || value.Kind == ValueKind.Null)
        {
            var state = value is null ? "is missing" : "is null";
            throw new HoconException($"path {Describe(segments)} {state}; expected {wanted}. Set it in the configuration or pass a default.");
        }

        return convert(segments, value);
    }

    private T GetOr<T>(string path, T @default, string wanted, Func<string[], HoconValue, T> convert)
    {
        var segments = HoconPath.Parse(path);
        var value = Find(segments);
        return value is null || value.Kind == ValueKind.Null ? @default : convert(segments, value);
    }

    private string AsString(string[] path, HoconValue value) =>
        value is HoconScalar scalar ? scalar.Text : throw WrongType(path, value, "a string");

    private int AsInt(string[] path, HoconValue value)
    {
        var number = AsLong(path, value, "an int");
        return number is >= int.MinValue and <= int.MaxValue ? (int)number : throw WrongType(path, value, "an int (32-bit)");
    }

    private long AsLong(string[] path, HoconValue value) => AsLong(path, value, "a long");

    private long AsLong(string[] path, HoconValue value, string wanted)
    {
        if (value is HoconScalar { Kind: ValueKind.Number or ValueKind.String } scalar)
        {
            var text = scalar.Text.Trim();
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return integer;
            }

            // 1e3 is a whole number written as a double; accept it, but never truncate 1.5.
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && Math.Floor(d) == d && d >= long.MinValue && d <= long.MaxValue)
            {
                return (long)d;
            }
        }

        throw WrongType(path, value, wanted);
    }

    private double AsDouble(string[] path, HoconValue value)
    {
        if (value is HoconScalar { Kind: ValueKind.Number or ValueKind.String } scalar
            && double.TryParse(scalar.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d))
        {
            return d;
        }

        throw WrongType(path, value, "a number");
    }

    private bool AsBoolean(string[] path, HoconValue value)
    {
        if (value is HoconScalar { Kind: ValueKind.Boolean or ValueKind.String } scalar)
        {
            switch (scalar.Text)
            {
                case "true" or "yes" or "on":
                    return true;
                case "false" or "no" or "off":
                    return false;
            }
        }

        throw WrongType(path, value, "a boolean (true/false, yes/no, on/off)");
    }

    private TimeSpan AsTimeSpan(string[] path, HoconValue value)
    {
        if (value is HoconScalar scalar)
        {
            if (scalar.Kind == ValueKind.Number && DurationParser.TryFromNumber(scalar.Text, out var fromNumber))
            {
                return fromNumber;
            }

            if (scalar.Kind == ValueKind.String && DurationParser.TryParse(scalar.Text, out var duration))
            {
                return duration;
            }
        }

        throw WrongType(path, value, DurationParser.Expected);
    }

    private long AsByteSize(string[] path, HoconValue value)
    {
        if (value is HoconScalar { Kind: ValueKind.Number or ValueKind.String } scalar
            && ByteSizeParser.TryParse(scalar.Text, out var bytes))
        {
            return bytes;
        }

        throw WrongType(path, value, ByteSizeParser.Expected);
    }

    private T[] AsList<T>(string[] path, HoconValue value, string wantedElement, Func<string[], HoconValue, T> convert)
    {
        if (value is not HoconArray array)
        {
            throw WrongType(path, value, $"a list of {wantedElement}s");
        }

        var result = new T[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            var element = array[i];
            if (element.Kind == ValueKind.Null)
            {
                throw WrongType([.. path, i.ToString(CultureInfo.InvariantCulture)], element, wantedElement);
            }

            result[i] = convert([.. path, i.ToString(CultureInfo.InvariantCulture)], element);
        }

        return result;
    }

    private string Describe(string[] path) => HoconPath.Render([.. _prefix, .. path]);

    private HoconException WrongType(string[] path, HoconValue value, string wanted)
    {
        var got = value switch
        {
            HoconObject => "an object",
            HoconArray => "an array",
            HoconScalar { Kind: ValueKind.String } s => $"string '{s.Text}'",
            HoconScalar s => $"{s.Type.ToString().ToLowerInvariant()} {s.Text}",
            _ => value.Kind.ToString(),
        };
        return new HoconException($"path {Describe(path)}: expected {wanted}, got {got}", value.Source, value.Offset);
    }
}
