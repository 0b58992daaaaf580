using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsReader.Extraction.Markdown;

/// <summary>The YAML block between "---" lines at the top of a Markdown article.</summary>
public sealed record FrontMatter
{
    public string? Title { get; init; }

    public string? Site { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Published { get; init; }

    public string? Updated { get; init; }

    public string? Url { get; init; }

    public string? Language { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public static readonly FrontMatter None = new();

    /// <summary>Splits the front matter off the text. A block that is not a YAML mapping is set aside with a warning.</summary>
    public static (FrontMatter Front, string Body) Split(string text, List<string> warnings)
    {
        if (!(text.StartsWith("---\n", StringComparison.Ordinal) || text.StartsWith("---\r\n", StringComparison.Ordinal)))
        {
            return (None, text);
        }

        var end = FindClosing(text);
        if (end is null)
        {
            warnings.Add("The front matter has no closing '---' line; it is read as text.");
            return (None, text);
        }

        var (yamlEnd, bodyStart) = end.Value;
        var yaml = text[(text.IndexOf('\n') + 1)..yamlEnd];
        var body = text[bodyStart..];
        if (TooDeep(yaml))
        {
            warnings.Add($"The front matter nests deeper than {MaxNesting} levels; it was ignored.");
            return (None, body);
        }

        if (Load(yaml, warnings) is not { } stream || stream.Documents.Count == 0)
        {
            return (None, body);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            warnings.Add("The front matter is not a YAML mapping of fields; it was ignored.");
            return (None, body);
        }

        return (Read(map), body);
    }

    // YamlDotNet reports most malformed YAML as YamlException, but its scanner also throws other exceptions on some
    // (an unclosed "[" or "{" running to the end, found by the fuzzer: InvalidOperationException). Whatever the
    // library throws while loading, the front matter is not readable YAML; only cancellation passes through.
    private static YamlStream? Load(string yaml, List<string> warnings)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream;
        }
        catch (YamlException e)
        {
            warnings.Add($"The front matter is not valid YAML ({e.Start.Line}:{e.Start.Column}: {e.Message}); it was ignored.");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            warnings.Add("The front matter is not valid YAML; it was ignored.");
        }

        return null;
    }

    private const int MaxNesting = 64;
    private const int MaxIndent = 256;

    // The YAML object model is built recursively: a front matter nested thousands deep could overflow the stack.
    // Article metadata is a flat list of fields, so anything deeper than a few levels is refused before parsing.
    private static bool TooDeep(string yaml)
    {
        var depth = 0;
        var indent = 0;
        var atLineStart = true;
        foreach (var c in yaml)
        {
            switch (c)
            {
                case '[' or '{':
                    if (++depth > MaxNesting)
                    {
                        return true;
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '\n':
                    atLineStart = true;
                    indent = 0;
                    continue;
                case ' ' or '-' when atLineStart:
                    if (++indent > MaxIndent)
                    {
                        return true;
                    }

                    continue;
            }

            atLineStart = false;
        }

        return false;
    }

    private static (int YamlEnd, int BodyStart)? FindClosing(string text)
    {
        var lineStart = text.IndexOf('\n') + 1;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = (lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd]).TrimEnd('\r', ' ', '\t');
            if (line is "---" or "...")
            {
                return (lineStart, lineEnd < 0 ? text.Length : lineEnd + 1);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    private static FrontMatter Read(YamlMappingNode map)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                fields.TryAdd(name.Trim(), value);
            }
        }

        string? Scalar(params string[] names) =>
            names.Select(n => fields.TryGetValue(n, out var v) ? ScalarOf(v) : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

        IReadOnlyList<string> List(params string[] names) =>
            names.SelectMany(n => fields.TryGetValue(n, out var v) ? ListOf(v) : []).ToList();

        return new FrontMatter
        {
            Title = Scalar("title", "headline"),
            Site = Scalar("site", "source", "publisher", "outlet", "publication"),
            Authors = List("authors", "author", "byline"),
            Published = NewsDates.Normalize(Scalar("published", "date", "datePublished", "pubDate", "published_at")),
            Updated = NewsDates.Normalize(Scalar("updated", "modified", "lastmod", "dateModified", "updated_at")),
            Url = Scalar("url", "canonical", "canonical_url", "link"),
            Language = Scalar("language", "lang", "locale")?.Replace('_', '-'),
            Tags = List("tags", "keywords", "categories"),
        };
    }

    // Aliases make the YAML a graph, which may hold itself ("a: &a [*a]"): the walk stops at the nesting limit.
    private static string? ScalarOf(YamlNode node) => ScalarWithin(node, Limits.ParseBudget.MaxDepth);

    private static string? ScalarWithin(YamlNode node, int depthLeft) => depthLeft <= 0 ? null : node switch
    {
        YamlScalarNode s => s.Value,
        YamlMappingNode m => m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "name" }).Value is YamlScalarNode n ? n.Value : null,
        YamlSequenceNode seq => seq.Children.Select(c => ScalarWithin(c, depthLeft - 1)).FirstOrDefault(v => v is not null),
        _ => null,
    };

    private static IEnumerable<string> ListOf(YamlNode node) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(ScalarOf).OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0),
        _ when ScalarOf(node) is { Length: > 0 } one => [one.Trim()],
        _ => [],
    };
}
