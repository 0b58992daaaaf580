using System.Net;
using System.Text.Json;

namespace NewsReader.Extraction.Html;

/// <summary>What a page's schema.org JSON-LD says about its article.</summary>
public sealed record JsonLdArticle
{
    public string? Headline { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Authors typed as Person: people even when their name is the site's (a personal blog).</summary>
    public IReadOnlyList<string> Persons { get; init; } = [];

    /// <summary>Authors typed as organisations: outlets, not people.</summary>
    public IReadOnlyList<string> OrganisationAuthors { get; init; } = [];

    public string? Published { get; init; }

    public string? Modified { get; init; }

    public string? Publisher { get; init; }

    /// <summary>The publisher is an organisation named elsewhere in the graph by <c>@id</c> (often the company, not the site).</summary>
    public bool PublisherByReference { get; init; }

    public string? Url { get; init; }

    public string? Language { get; init; }

    /// <summary>articleBody as plain text: tags stripped, entities decoded, one paragraph a line.</summary>
    public string? ArticleBody { get; init; }

    /// <summary>The first datePublished of any object in the graph (a WebPage, a Recipe): a date when nothing better says one.</summary>
    public string? PageDate { get; init; }

    /// <summary>A recipe's ingredients (recipeIngredient), one a line, as plain text.</summary>
    public IReadOnlyList<string> Ingredients { get; init; } = [];

    /// <summary>A recipe's steps (recipeInstructions, sections flattened), as plain text.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];
}

/// <summary>
/// Reads JSON-LD blocks: single objects, arrays and <c>@graph</c>s, with <c>@id</c> references resolved
/// (Yoast's graph names its author and publisher by reference). Broken blocks are skipped with a warning.
/// </summary>
public static partial class JsonLd
{
    private const int MaxObjects = 5000;

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "Report",
        "ScholarlyArticle", "TechArticle", "SatiricalArticle", "AdvertiserContentArticle", "DiscussionForumPosting", "Blog",
    };

    private static readonly HashSet<string> OrganisationTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand", "OnlineBusiness",
    };

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    public static JsonLdArticle? Read(IEnumerable<string> blocks, List<string> warnings)
    {
        var objects = new List<JsonElement>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var block in blocks)
            {
                if (Parse(block) is { } doc)
                {
                    documents.Add(doc);
                    Collect(doc.RootElement, objects);
                }
                else
                {
                    warnings.Add("A JSON-LD block is not valid JSON and was skipped.");
                }
            }

            return FromObjects(objects);
        }
        finally
        {
            foreach (var doc in documents)
            {
                doc.Dispose();
            }
        }
    }

    private static JsonDocument? Parse(string block)
    {
        var text = block.Trim();
        if (text.StartsWith("<!--", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        if (text.EndsWith("-->", StringComparison.Ordinal))
        {
            text = text[..^3];
        }

        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            // CMSs often write raw newlines and tabs inside strings; JSON forbids them, browsers' readers forgive them.
            try
            {
                return JsonDocument.Parse(text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' '), Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    // Breadth-first, so top-level objects come before the ones nested in them.
    private static void Collect(JsonElement root, List<JsonElement> objects)
    {
        var queue = new Queue<JsonElement>();
        queue.Enqueue(root);
        while (queue.Count > 0 && objects.Count < MaxObjects)
        {
            var e = queue.Dequeue();
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    queue.Enqueue(item);
                }
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                objects.Add(e);
                foreach (var property in e.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        queue.Enqueue(property.Value);
                    }
                }
            }
        }
    }

    private static JsonLdArticle? FromObjects(List<JsonElement> objects)
    {
        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (Str(o, "@id") is { } id && o.EnumerateObject().Count() > 1)
            {
                byId.TryAdd(id, o);
            }
        }

        var articles = objects.Where(o => Types(o).Any(ArticleTypes.Contains)).ToList();
        // A recipe's name and dates are often not the page's headline and dates: it gives only its lists.
        var recipe = objects.FirstOrDefault(o => Types(o).Contains("Recipe", StringComparer.OrdinalIgnoreCase));
        var ingredients = recipe.ValueKind == JsonValueKind.Object && recipe.TryGetProperty("recipeIngredient", out var i) ? Texts(i, 0).ToList() : [];
        var steps = recipe.ValueKind == JsonValueKind.Object && recipe.TryGetProperty("recipeInstructions", out var s) ? Texts(s, 0).ToList() : [];
        // A page typed only as a WebPage, a Recipe or a ProfilePage still dates itself.
        var anyDate = objects.Select(o => Str(o, "datePublished")).FirstOrDefault(d => d is not null);
        if (articles.Count == 0)
        {
            // A page typed only as a WebPage names its author there (Yoast's graph does, for pages that are not posts).
            var webPage = AuthorsOf(objects.FirstOrDefault(o => o.TryGetProperty("author", out _) && Types(o).Any(t => t.EndsWith("Page", StringComparison.OrdinalIgnoreCase))), byId);
            return ingredients.Count + steps.Count + webPage.People.Count + webPage.Organisations.Count == 0 && anyDate is null
                ? null
                : new JsonLdArticle
                {
                    Ingredients = ingredients, Steps = steps, PageDate = anyDate, Authors = webPage.People, OrganisationAuthors = webPage.Organisations, Persons = webPage.Persons,
                };
        }

        var article = articles.FirstOrDefault(a => Str(a, "headline") is not null) is { ValueKind: JsonValueKind.Object } withHeadline ? withHeadline : articles[0];
        var authors = AuthorsOf(article, byId);

        var publisher = article.TryGetProperty("publisher", out var p) ? NameOf(Resolve(First(p), byId)) : null;
        var publisherByReference = publisher is not null && NameOf(First(p)) is null;
        publisher ??= objects.Where(o => Types(o).Any(t => t is "NewsMediaOrganization" or "WebSite")).Select(o => Str(o, "name")).FirstOrDefault(n => n is not null);

        return new JsonLdArticle
        {
            Headline = Str(article, "headline") ?? Str(article, "name"),
            Authors = authors.People,
            OrganisationAuthors = authors.Organisations,
            Persons = authors.Persons,
            Published = Str(article, "datePublished") ?? Str(article, "dateCreated"),
            PageDate = anyDate,
            Modified = Str(article, "dateModified"),
            Publisher = publisher,
            PublisherByReference = publisherByReference,
            Url = Str(article, "url") ?? (article.TryGetProperty("mainEntityOfPage", out var main) ? (main.ValueKind == JsonValueKind.String ? main.GetString() : Str(main, "@id") ?? Str(main, "url")) : null),
            Language = Str(article, "inLanguage"),
            ArticleBody = articles.Select(a => Str(a, "articleBody")).FirstOrDefault(b => b is not null) is { } body ? PlainText(body) : null,
            Ingredients = ingredients,
            Steps = steps,
        };
    }

    /// <summary>
    /// The texts of a recipe list: strings, HowToStep objects (text, else name) and HowToSection objects (their
    /// itemListElement), in order, each as plain text.
    /// </summary>
    private static IEnumerable<string> Texts(JsonElement value, int depth)
    {
        if (depth > 4)
        {
            yield break;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                foreach (var line in PlainText(value.GetString()!).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return line;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var text in Texts(item, depth + 1))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonValueKind.Object:
                var inner = value.TryGetProperty("itemListElement", out var list) ? list
                    : value.TryGetProperty("text", out var stepText) ? stepText
                    : value.TryGetProperty("name", out var stepName) ? stepName
                    : default;
                foreach (var t in Texts(inner, depth + 1))
                {
                    yield return t;
                }

                break;
        }
    }

    private static string PlainText(string body)
    {
        if (body.Contains('<'))
        {
            body = Tags().Replace(BlockBreaks().Replace(body, "\n"), "");
        }

        return WebUtility.HtmlDecode(body).Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<(?:br|/p|/div|/h\d|/li)\b[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BlockBreaks();

    [System.Text.RegularExpressions.GeneratedRegex(@"<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    /// <summary>The names an object's <c>author</c> gives: people (strings and untyped objects too), organisations, and those typed Person.</summary>
    private sealed record AuthorNamesOf(List<string> People, List<string> Organisations, List<string> Persons);

    private static AuthorNamesOf AuthorsOf(JsonElement holder, Dictionary<string, JsonElement> byId)
    {
        var names = new AuthorNamesOf([], [], []);
        if (holder.ValueKind != JsonValueKind.Object || !holder.TryGetProperty("author", out var value))
        {
            return names;
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                names.People.Add(Clean(item.GetString()!));
                continue;
            }

            var resolved = Resolve(item, byId);
            if (NameOf(resolved) is not { } name)
            {
                continue;
            }

            var types = Types(resolved).ToList();
            (types.Any(OrganisationTypes.Contains) ? names.Organisations : names.People).Add(name);
            if (types.Contains("Person", StringComparer.OrdinalIgnoreCase))
            {
                names.Persons.Add(name);
            }
        }

        return names;
    }

    private static JsonElement Resolve(JsonElement e, Dictionary<string, JsonElement> byId) =>
        e.ValueKind == JsonValueKind.Object && Str(e, "@id") is { } id && Str(e, "name") is null && byId.TryGetValue(id, out var full) ? full : e;

    private static JsonElement First(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0 ? e[0] : e;

    private static string? NameOf(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            return Clean(e.GetString()!);
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (Str(e, "name") is { } name)
        {
            return name;
        }

        var given = Str(e, "givenName");
        var family = Str(e, "familyName");
        return given is null && family is null ? null : $"{given} {family}".Trim();
    }

    private static IEnumerable<string> Types(JsonElement o)
    {
        if (!o.TryGetProperty("@type", out var type))
        {
            yield break;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            yield return StripVocabulary(type.GetString()!);
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String)
                {
                    yield return StripVocabulary(t.GetString()!);
                }
            }
        }
    }

    private static string StripVocabulary(string type) =>
        type.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? type[(type.LastIndexOf('/') + 1)..] : type;

    /// <summary>A string property (or the first string of an array, or a nested object's name), HTML entities decoded.</summary>
    private static string? Str(JsonElement o, string property)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(property, out var value))
        {
            return null;
        }

        value = First(value);
        var s = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when property != "@id" && value.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : Clean(s);
    }

    private static string Clean(string s) => WebUtility.HtmlDecode(s).Trim();
}
