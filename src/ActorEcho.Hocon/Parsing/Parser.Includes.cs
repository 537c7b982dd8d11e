using System.Text;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Parsing;

internal sealed partial class Parser
{
    private const int MaxIncludeDepth = 32;

    /// <summary>
    /// <c>include "x.conf"</c>, <c>include file("x.conf")</c>, <c>include required(...)</c>. As in the
    /// reference implementation, whitespace, newlines and comments may separate <c>include</c>, the
    /// openers, the quoted name and the closing parentheses; the statement ends at its last ')'.
    /// The included root object is merged in place of the statement; its substitutions were parsed
    /// with the including object's path as prefix, as the spec requires.
    /// </summary>
    private void ParseInclude(ObjectBuilder builder, string[] objectPath)
    {
        var at = _token.Start;
        Advance();
        SkipWhitespaceAndNewlines();
        var opener = new StringBuilder();
        while (_token.Kind == TokenKind.UnquotedText)
        {
            opener.Append(_token.Value);
            Advance();
            SkipWhitespaceAndNewlines();
        }

        if (_token.Kind != TokenKind.QuotedString)
        {
            throw _token.Kind is TokenKind.End or TokenKind.Comma or TokenKind.CloseBrace
                ? Error(at, "include must be followed by a quoted name: include \"name\", include file(\"name\") or include required(file(\"name\"))")
                : Error(_token.Start, $"unexpected {_token.Describe()} in an include statement; write include \"name\", include file(\"name\") or include required(file(\"name\"))");
        }

        var name = _token.Value!;
        Advance();
        var (required, fileOnly, closers) = ParseIncludeOpener(opener.ToString(), at);
        var after = new StringBuilder();
        while (after.Length < closers)
        {
            SkipWhitespaceAndNewlines();
            if (_token.Kind != TokenKind.UnquotedText)
            {
                break;
            }

            after.Append(_token.Value);
            Advance();
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

    /// <summary>Reads what stands before the quoted name: nothing, <c>file(</c>, <c>required(</c> or <c>required(file(</c>.</summary>
    private (bool Required, bool FileOnly, int Closers) ParseIncludeOpener(string opener, int at)
    {
        var required = false;
        var closers = 0;
        if (opener.StartsWith("required(", StringComparison.Ordinal))
        {
            required = true;
            closers++;
            opener = opener["required(".Length..];
        }

        switch (opener)
        {
            case "":
                return (required, false, closers);
            case "file(":
                return (required, true, closers + 1);
            case "classpath(":
            case "url(":
                throw Error(at, $"include {opener}...) is not supported; use include \"name\" or include file(\"name\")");
            default:
                throw Error(at, $"unknown include form '{opener}'; write include \"name\", include file(\"name\") or include required(file(\"name\"))");
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
