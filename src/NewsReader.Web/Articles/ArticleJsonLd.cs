using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsReader.Articles;

/// <summary>schema.org NewsArticle for search engines and readers' tools. The serializer escapes "&lt;" so the JSON cannot end its script tag.</summary>
public static class ArticleJsonLd
{
    public static string For(ArticleDetail article, string url)
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

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
