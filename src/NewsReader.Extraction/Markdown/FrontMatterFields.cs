using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsReader.Extraction.Markdown;

/// <summary>Front matter read into flat fields, whatever its syntax: each field one or more strings, keys in any case.</summary>
public sealed class FrontMatterFields
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.OrdinalIgnoreCase);

    public string? Scalar(params string[] names) =>
        names.Select(n => _fields.TryGetValue(n, out var v) ? v.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) : null)
            .FirstOrDefault(v => v is not null)?.Trim();

    public IReadOnlyList<string> List(params string[] names) =>
        names.SelectMany(n => _fields.TryGetValue(n, out var v) ? v : []).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

    private void Add(string key, IEnumerable<string> values)
    {
        key = key.Trim();
        if (!_fields.ContainsKey(key))
        {
            _fields[key] = values.ToList();
        }
    }

    public static FrontMatterFields? FromYaml(string yaml, List<string> warnings)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                return new FrontMatterFields();
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                warnings.Add("The front matter is not a YAML mapping of fields; it was ignored.");
                return null;
            }

            var fields = new FrontMatterFields();
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } name })
                {
                    fields.Add(name, YamlValues(value));
                }
            }

            return fields;
        }
        catch (YamlException e)
        {
            warnings.Add($"The front matter is not valid YAML ({e.Start.Line}:{e.Start.Column}: {e.Message}); it was ignored.");
            return null;
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            warnings.Add("The front matter is not valid YAML; it was ignored.");
            return null;
        }
    }

    public static FrontMatterFields? FromToml(string toml, List<string> warnings)
    {
        try
        {
            var table = TomlSerializer.Deserialize<TomlTable>(toml, (TomlSerializerOptions?)null);
            var fields = new FrontMatterFields();
            foreach (var (key, value) in table ?? [])
            {
                fields.Add(key, TomlValues(value));
            }

            return fields;
        }
        catch (TomlException e)
        {
            warnings.Add($"The front matter is not valid TOML ({e.Message}); it was ignored.");
            return null;
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            warnings.Add("The front matter is not valid TOML; it was ignored.");
            return null;
        }
    }

    public static FrontMatterFields? FromJson(string json, List<string> warnings)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var fields = new FrontMatterFields();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields.Add(property.Name, JsonValues(property.Value));
            }

            return fields;
        }
        catch (JsonException e)
        {
            warnings.Add($"The front matter is not valid JSON ({e.Message}); it was ignored.");
            return null;
        }
    }

    // YamlDotNet reports most malformed YAML as YamlException, but its scanner also throws others on some (an unclosed
    // "[" or "{" running to the end, found by the fuzzer: InvalidOperationException); parsers of the other syntaxes may
    // too. Whatever a library throws while loading, the front matter is unreadable; only cancellation passes through.
    private static bool IsLibraryFailure(Exception e) =>
        e is not (OperationCanceledException or OutOfMemoryException or InsufficientExecutionStackException);

    // Aliases make the YAML a graph, which may hold itself ("a: &a [*a]"): the walk stops at the nesting limit.
    private static IEnumerable<string> YamlValues(YamlNode node) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(ScalarOf).OfType<string>(),
        _ when ScalarOf(node) is { } one => [one],
        _ => [],
    };

    private static string? ScalarOf(YamlNode node) => ScalarWithin(node, Limits.ParseBudget.MaxDepth);

    private static string? ScalarWithin(YamlNode node, int depthLeft) => depthLeft <= 0 ? null : node switch
    {
        YamlScalarNode s => s.Value,
        YamlMappingNode m => m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "name" }).Value is YamlScalarNode n ? n.Value : null,
        YamlSequenceNode seq => seq.Children.Select(c => ScalarWithin(c, depthLeft - 1)).FirstOrDefault(v => v is not null),
        _ => null,
    };

    private static IEnumerable<string> TomlValues(object? value) => value switch
    {
        TomlArray array => array.Select(TomlScalar).OfType<string>(),
        TomlTableArray tables => tables.Select(TomlScalar).OfType<string>(),
        _ when TomlScalar(value) is { } one => [one],
        _ => [],
    };

    private static string? TomlScalar(object? value) => value switch
    {
        null => null,
        TomlTable t => t.TryGetValue("name", out var name) ? name?.ToString() : null,
        TomlArray or TomlTableArray => null,
        TomlDateTime d => d.ToString(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static IEnumerable<string> JsonValues(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(JsonScalar).OfType<string>(),
        _ when JsonScalar(value) is { } one => [one],
        _ => [],
    };

    private static string? JsonScalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Object => value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
        _ => null,
    };
}
