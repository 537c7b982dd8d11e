using System.Reflection;
using System.Text;
using ActorEcho.Hocon.Parsing;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon;

/// <summary>Creates <see cref="HoconConfig"/> instances from HOCON text, files and embedded resources.</summary>
public static class HoconReader
{
    /// <summary>A config with no fields; a neutral element for <see cref="HoconConfig.WithFallback"/>.</summary>
    public static HoconConfig Empty { get; } = new(HoconObject.Empty);

    /// <summary>Parses HOCON text. Includes are relative to the current directory.</summary>
    public static HoconConfig ParseString(string text) => ParseString(text, "(string)");

    /// <summary>Parses HOCON text; errors name <paramref name="originDescription"/> (e.g. <c>reference.conf of ActorEcho.IO</c>).</summary>
    public static HoconConfig ParseString(string text, string originDescription)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(originDescription);
        return new HoconConfig(Parser.ParseDocument(new SourceText(text, originDescription)));
    }

    /// <summary>Parses a HOCON (or JSON) file; its includes are relative to its directory.</summary>
    public static HoconConfig FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full;
        string text;
        try
        {
            full = Path.GetFullPath(path);
            text = File.ReadAllText(full, Encoding.UTF8);
        }
        catch (FileNotFoundException)
        {
            throw new HoconException($"configuration file '{path}' not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new HoconException($"configuration file '{path}' not found (no such directory)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new HoconException($"cannot read configuration file '{path}': {ex.Message}", ex);
        }

        return new HoconConfig(Parser.ParseDocument(new SourceText(text, path, full)));
    }

    /// <summary>
    /// Parses an embedded resource, such as a library's <c>reference.conf</c>. The name may be the full
    /// manifest name or its ending (<c>reference.conf</c>); includes name sibling resources.
    /// </summary>
    public static HoconConfig FromResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        var names = assembly.GetManifestResourceNames();
        var match = Array.Find(names, n => n == resourceName);
        if (match is null)
        {
            var endings = names.Where(n => n.EndsWith("." + resourceName, StringComparison.Ordinal) || n.EndsWith("/" + resourceName, StringComparison.Ordinal)).ToList();
            if (endings.Count > 1)
            {
                throw new HoconException($"resource name '{resourceName}' is ambiguous in {assembly.GetName().Name}: {string.Join(", ", endings)}");
            }

            match = endings.FirstOrDefault();
        }

        if (match is null)
        {
            var known = names.Length == 0 ? "it embeds no resources" : "it embeds " + string.Join(", ", names);
            throw new HoconException($"resource '{resourceName}' not found in {assembly.GetName().Name}; {known}");
        }

        using var stream = assembly.GetManifestResourceStream(match)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var description = $"{resourceName} of {assembly.GetName().Name}";
        return new HoconConfig(Parser.ParseDocument(new SourceText(reader.ReadToEnd(), description, null, assembly, match)));
    }
}
