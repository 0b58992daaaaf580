using System.Text.RegularExpressions;

namespace NewsReader.Ingestion.Text;

/// <summary>What a byline or dateline says: "By X and Y", "X - Taipei Bureau", "X in Athens", "Published: Jan. 8, 2025".</summary>
public sealed partial record Byline(IReadOnlyList<string> Authors, string? Bureau, string? Published, string? Updated)
{
    private const int MaxLineLength = 160;

    private static readonly HashSet<string> NotAuthors = new(StringComparer.OrdinalIgnoreCase)
    {
        "staff", "staff writer", "staff writers", "staff reporter", "our staff", "editorial", "editorial board",
        "the editorial board", "agencies", "newsroom", "admin", "editor", "editors", "correspondent", "our correspondent",
    };

    [GeneratedRegex(@"^(?:(?:first\s+)?published|posted|last\s+updated|updated|modified)\b\s*(?:on|at)?\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"\b(?:last\s+)?(?:updated|modified)\b\s*(?:on|at)?\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedLabel();

    [GeneratedRegex(@"^(?:(?:words|written|reporting|story|text)\s+)?by\b[:\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s+(?:[-–—|·•/]|::)\s+")]
    private static partial Regex PartSeparator();

    [GeneratedRegex(@"^(?<names>.+?)\s+in\s+(?<place>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex NameInPlace();

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M}.'’-]*(?:\s+[\p{L}][\p{L}\p{M}.'’-]*){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();

    [GeneratedRegex(@"^[\s|,;:·•–—/-]+|[\s|,;:·•–—/-]+$")]
    private static partial Regex EdgePunctuation();

    /// <summary>Reads one header line as a byline or dateline; null when the line is something else (a body paragraph).</summary>
    public static Byline? TryParse(string line, string? site = null)
    {
        if (line.Length > MaxLineLength)
        {
            return null;
        }

        string? published = null, updated = null;
        var rest = line;
        var updatedMatch = UpdatedLabel().Match(rest);
        if (updatedMatch.Success && NewsDates.Find(rest[updatedMatch.Index..]) is { } upd)
        {
            updated = upd.Iso;
            rest = rest[..updatedMatch.Index];
        }

        var labelled = DateLabel().Match(rest);
        rest = rest[labelled.Length..];
        if (NewsDates.Find(rest) is { } date)
        {
            published = date.Iso;
            rest = rest.Remove(date.Index, date.Length);
        }

        rest = EdgePunctuation().Replace(rest, "");
        var by = ByPrefix().Match(rest);
        var hasBy = by.Success && by.Length > 0;
        rest = EdgePunctuation().Replace(rest[by.Length..], "");

        if (rest.Length == 0)
        {
            return published is null && updated is null ? null : new Byline([], null, published, updated);
        }

        var parts = PartSeparator().Split(rest);
        var names = parts[0];
        string? bureau = parts.Length > 1 ? EdgePunctuation().Replace(parts[1], "") : null;
        if (bureau is null && NameInPlace().Match(names) is { Success: true } inPlace)
        {
            names = inPlace.Groups["names"].Value;
            bureau = inPlace.Groups["place"].Value;
        }

        var authors = NameSeparator().Split(names)
            .Select(n => n.Trim())
            .Where(n => n.Length > 0)
            .ToList();
        if (authors.Count == 0 || authors.Any(n => n.Length > 40 || !NameShape().IsMatch(n)))
        {
            return null;
        }

        // Without "By", only a date or a bureau makes a line of names a byline; otherwise it is probably text.
        var capitalised = authors.All(n => n.Split(' ').All(w => char.IsUpper(w[0])));
        if (!hasBy && !(capitalised && (published is not null || updated is not null || bureau is not null)))
        {
            return null;
        }

        if (bureau is { Length: > 50 })
        {
            return null;
        }

        authors.RemoveAll(n => NotAuthors.Contains(n) || (site is not null && n.Equals(site, StringComparison.OrdinalIgnoreCase)));
        return new Byline(authors, bureau, published, updated);
    }
}
