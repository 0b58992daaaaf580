using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsReader.Articles;

/// <summary>schema.org NewsArticle for search engines and readers' tools. The serializer escapes "&lt;" so the JSON cannot end its script tag.</summary>
public static class ArticleJsonLd
{
    /// <param name="corrections">Published correction notices as plain text with their ISO dates, for schema.org <c>correction</c>.</param>
    /// <param name="image">The lead image's absolute address, when the article has one.</param>
    public static string For(ArticleDetail article, string url, IEnumerable<(string Text, string DatePublished)>? corrections = null, string? image = null)
    {
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = article.Title,
            ["description"] = article.Excerpt,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["wordCount"] = article.WordCount,
        };
        if (article.PublishedAt is not null)
        {
            json["datePublished"] = article.PublishedAt;
        }

        if (article.UpdatedAt is not null)
        {
            json["dateModified"] = article.UpdatedAt;
        }

        if (article.Authors.Count > 0)
        {
            json["author"] = new JsonArray(article.Authors
                .Select(name => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = name }).ToArray());
        }

        if (article.OutletName is not null)
        {
            json["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = article.OutletName };
        }

        if (article.Language is not null)
        {
            json["inLanguage"] = article.Language;
        }

        if (image is not null)
        {
            json["image"] = new JsonArray(image);
        }

        var notes = corrections?.Select(c => (JsonNode)new JsonObject
        {
            ["@type"] = "CorrectionComment",
            ["text"] = c.Text,
            ["datePublished"] = c.DatePublished,
        }).ToArray() ?? [];
        if (notes.Length > 0)
        {
            json["correction"] = new JsonArray(notes);
        }

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
