namespace NewsReader.Ingestion.Limits;

/// <summary>Cuts a title, byline or outlet name past its length limit, and says so in the article's warnings.</summary>
public static class ArticleLimits
{
    public static ParsedArticle Apply(ParsedArticle article, ParseLimits limits)
    {
        var warnings = new List<string>();
        var title = Cut(article.Title, limits.MaxTitleChars, "title", warnings)!;
        var site = Cut(article.Site, limits.MaxNameChars, "outlet name", warnings);
        var bureau = Cut(article.Bureau, limits.MaxNameChars, "bureau", warnings);
        var authors = article.Authors.Select(a => Cut(a, limits.MaxNameChars, "author name", warnings)!).ToList();
        if (warnings.Count == 0)
        {
            return article;
        }

        return article with { Title = title, Site = site, Bureau = bureau, Authors = authors, Warnings = [.. article.Warnings, .. warnings] };
    }

    private static string? Cut(string? value, int max, string what, List<string> warnings)
    {
        if (value is null || value.Length <= max)
        {
            return value;
        }

        // Never split a surrogate pair: the cut text stays valid UTF-16.
        var end = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        warnings.Add($"The {what} was {value.Length:N0} characters, over the {max:N0} limit; it was cut.");
        return value[..end].TrimEnd() + "…";
    }
}
