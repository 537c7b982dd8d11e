using System.Text;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Parsing;

internal sealed partial class Parser
{
    private const int MaxIncludeDepth = 32;

    /// <summary>
    /// <c>include "x.conf"</c>, <c>include file("x.conf")</c>, <c>include required(...)</c>. The
    /// included root object is merged in place of the statement; its substitutions were parsed
    /// with the including object's path as prefix, as the spec requires.
    /// </summary>
    private void ParseInclude(ObjectBuilder builder, string[] objectPath)
    {
        var at = _token.Start;
        Advance();
        var before = new StringBuilder();
        var after = new StringBuilder();
        string? name = null;
        while (_token.Kind is not (TokenKind.Newline or TokenKind.Comma or TokenKind.CloseBrace or TokenKind.End))
        {
            switch (_token.Kind)
            {
                case TokenKind.Whitespace:
                    break;
                case TokenKind.UnquotedText:
                    (name is null ? before : after).Append(_token.Value);
                    break;
                case TokenKind.QuotedString when name is null:
                    name = _token.Value;
                    break;
                default:
                    throw Error(_token.Start, $"unexpected {_token.Describe()} in an include statement; write include \"name\", include file(\"name\") or include required(file(\"name\"))");
            }

            Advance();
        }

        if (name is null)
        {
            throw Error(at, "include must be followed by a quoted name: include \"name\", include file(\"name\") or include required(file(\"name\"))");
        }

        var opener = before.ToString();
        var required = false;
        var closers = 0;
        if (opener.StartsWith("required(", StringComparison.Ordinal))
        {
            required = true;
            closers++;
            opener = opener["required(".Length..];
        }

        var fileOnly = false;
        switch (opener)
        {
            case "":
                break;
            case "file(":
                fileOnly = true;
                closers++;
                break;
            case "classpath(":
            case "url(":
                throw Error(at, $"include {opener}...) is not supported; use include \"name\" or include file(\"name\")");
            default:
                throw Error(at, $"unknown include form '{opener}'; write include \"name\", include file(\"name\") or include required(file(\"name\"))");
        }

        if (after.ToString() != new string(')', closers))
        {
            throw Error(at, $"include statement: expected {closers} closing ')' after the quoted name, got '{after}'");
        }

        var included = LoadInclude(name, fileOnly, required, objectPath, at);
        if (included is not null)
        {
            builder.MergeObject(included);
        }
    }

    private HoconObject? LoadInclude(string name, bool fileOnly, bool required, string[] objectPath, int at)
    {
        if (_includeChain.Count >= MaxIncludeDepth)
        {
            throw Error(at, $"includes nested more than {MaxIncludeDepth} deep: {string.Join(" -> ", _includeChain)}");
        }

        if (!fileOnly && _source.ResourceAssembly is { } assembly)
        {
            return LoadResource(assembly, name, required, objectPath, at);
        }

        var baseDirectory = _source.FilePath is { } file ? Path.GetDirectoryName(file) : null;
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), name));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Error(at, $"invalid include name '{name}': {ex.Message}");
        }

        // Without an extension the spec loads every known format, JSON first, HOCON last.
        var candidates = Path.HasExtension(full) ? [full] : new[] { full + ".json", full + ".conf", full };
        HoconObject? result = null;
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate) || (result is not null && candidate == full))
            {
                continue;
            }

            if (_includeChain.Contains(candidate) || candidate == _source.FilePath)
            {
                throw Error(at, $"include cycle: {string.Join(" -> ", [.. _includeChain, _source.FilePath ?? _source.Description, candidate])}");
            }

            string text;
            try
            {
                text = File.ReadAllText(candidate);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Error(at, $"cannot read included file '{candidate}': {ex.Message}");
            }

            var chain = new List<string>(_includeChain) { _source.FilePath ?? _source.Description };
            var obj = ParseDocument(new SourceText(text, candidate, candidate), objectPath, chain);
            result = result is null ? obj : ValueMerger.MergeObjects(result, obj);
        }

        if (result is null && required)
        {
            throw Error(at, $"required include '{name}' not found (looked for {string.Join(", ", candidates.Distinct())})");
        }

        return result;
    }

    private HoconObject? LoadResource(System.Reflection.Assembly assembly, string name, bool required, string[] objectPath, int at)
    {
        var names = assembly.GetManifestResourceNames();
        var match = names.FirstOrDefault(n => n == name)
            ?? names.FirstOrDefault(n => n.EndsWith("." + name, StringComparison.Ordinal) || n.EndsWith("/" + name, StringComparison.Ordinal));
        if (match is null)
        {
            if (required)
            {
                throw Error(at, $"required include '{name}' not found among the embedded resources of {assembly.GetName().Name}");
            }

            return null;
        }

        var description = $"resource {match} of {assembly.GetName().Name}";
        if (_includeChain.Contains(description) || match == _source.ResourceName)
        {
            throw Error(at, $"include cycle: {string.Join(" -> ", [.. _includeChain, _source.Description, description])}");
        }

        using var stream = assembly.GetManifestResourceStream(match)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var chain = new List<string>(_includeChain) { _source.Description };
        return ParseDocument(new SourceText(reader.ReadToEnd(), description, null, assembly, match), objectPath, chain);
    }
}
