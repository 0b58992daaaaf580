
namespace NewsReader.Extraction.Limits;

/// <summary>
/// What every parsed article goes through before it is stored: its text made safe (<see cref="SafeText"/>), and a title,
/// byline or outlet name past its length limit cut, with a warning that says so.
/// </summary>
public static class ArticleLimits
{
    public static ParsedArticle Apply(ParsedArticle article, ParseLimits limits)
    {
        article = Clean(article);
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

    private static ParsedArticle Clean(ParsedArticle a)
    {
        if (SafeText.IsSafe(a.Title) && SafeText.IsSafe(a.BodyMarkdown) && a.Body.All(SafeText.IsSafe) && a.Authors.All(SafeText.IsSafe)
            && new[] { a.Site, a.Bureau, a.Published, a.Updated, a.CanonicalUrl, a.Language }.All(v => v is null || SafeText.IsSafe(v))
            && a.Dropped.All(SafeText.IsSafe) && a.Warnings.All(SafeText.IsSafe))
        {
            return a;
        }

        return a with
        {
            Title = SafeText.Clean(a.Title), Site = SafeText.CleanOrNull(a.Site), Bureau = SafeText.CleanOrNull(a.Bureau),
            Authors = CleanAll(a.Authors), Published = SafeText.CleanOrNull(a.Published), Updated = SafeText.CleanOrNull(a.Updated),
            CanonicalUrl = SafeText.CleanOrNull(a.CanonicalUrl), Language = SafeText.CleanOrNull(a.Language),
            Body = CleanAll(a.Body), BodyMarkdown = SafeText.Clean(a.BodyMarkdown), Dropped = CleanAll(a.Dropped),
            Warnings = [.. a.Warnings, "Control characters or invalid Unicode were removed from the text."],
        };
    }

    // A block that was only control characters is dropped rather than kept empty.
    private static List<string> CleanAll(IEnumerable<string> values) => values.Select(SafeText.Clean).Where(v => v.Trim().Length > 0).ToList();

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
