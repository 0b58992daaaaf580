using System.Text.RegularExpressions;

namespace NewsReader.Extraction.Text;

/// <summary>What a byline or dateline says: "By X and Y", "X - Taipei Bureau", "X in Athens", "Published: Jan. 8, 2025".</summary>
public sealed partial record Byline(IReadOnlyList<string> Authors, string? Bureau, string? Published, string? Updated)
{
    private const int MaxLineLength = 160;

    private static readonly HashSet<string> NotAuthors = new(StringComparer.OrdinalIgnoreCase)
    {
        "staff", "staff writer", "staff writers", "staff reporter", "our staff", "editorial", "editorial board",
        "the editorial board", "agencies", "newsroom", "admin", "editor", "editors", "correspondent", "our correspondent",
    };

    // "Published", "Veröffentlicht", "Publié", "Publicado", "Pubblicato", "Gepubliceerd", "Opublikowano", "Publicerad".
    [GeneratedRegex(@"^(?:(?:first\s+)?published|posted|last\s+updated|updated|modified|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|opublikowano|publicerad|publisert)\b\s*(?:on|at|am|le|el|em|il|op)?\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"\s+(?:(?:first\s+)?published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|opublikowano|publicerad|publisert)(?:\s+(?:on|at|am|le|el|em|il|op))?\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLabelAtEnd();

    [GeneratedRegex(@"\b(?:(?:last\s+)?(?:updated|modified)|aktualisiert|mis\s+à\s+jour|actualizado|aggiornato|bijgewerkt|zaktualizowano|uppdaterad|oppdatert)\b\s*(?:on|at|am|le|el|em|il|op)?\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedLabel();

    // "By", and the same word in German, French, Spanish/Portuguese, Dutch, Norwegian/Swedish and Polish ("Von Anna Müller").
    // "An article by", "Ein Beitrag von", "Un article par" introduce the writer the same way.
    [GeneratedRegex(@"^(?:(?:words|written|reporting|story|text)\s+|(?:an?|ein|eine|un|une|una|uno|um|een)\s+(?:article|story|post|report|artikel|beitrag|bericht|text|kommentar|artículo|articolo|artigo|artikel|tekst)\s+(?:written\s+)?)?(?:by|von|par|por|door|av|przez)\b[:\s]*(?:(?:von|par|por|door|av|przez)\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    // "By Ana Ruiz @anaruiz", "By Ana Ruiz ana.ruiz@example.org": how to reach the writer is not part of the name.
    // Starts only at a word's start and never backtracks into it: a search that retried every letter was the slowest step.
    [GeneratedRegex(@"(?<![\w.+@-])(?:(?>[\w.+-]+)@[\w-]+(?:\.[\w-]+)+|@\w{1,30}\b)")]
    private static partial Regex Contact();

    // "By X, Special to the Gazette", "By X for The Meridian": who the writer filed for, not another author.
    [GeneratedRegex(@"\s(?i:special\s+)?(?i:to|for)\s+(?i:the\s+)?\p{Lu}[^|·•–—]*", RegexOptions.CultureInvariant)]
    private static partial Regex ForOutlet();

    // "12.03.2025, 14:30 Uhr", "10:15 CET": what names the hour's clock is part of the date, not a name after it.
    // A lower-case "h" only: "H." after a date is a writer's initial ("17.01.2025 H. Ruiz").
    [GeneratedRegex(@"^[\s,]*(?:(?i:uhr|hrs|cet|cest|mez|mesz|gmt|utc|bst|est|edt|cst|cdt|pst|pdt|ist|jst|kst)|h)\b\.?", RegexOptions.CultureInvariant)]
    private static partial Regex TimeSuffix();

    // "Am 12.03.2025 von Anna Roth", "On March 3 by Ana Ruiz", "Le 3 mars par …": the word that led to the date goes with it.
    [GeneratedRegex(@"(?:^|\s)(?:on|am|um|le|el|em|il|op|den|der|du|del|dnia)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePreposition();

    [GeneratedRegex(@"\s+(?:[-–—|·•/]|::)\s+")]
    private static partial Regex PartSeparator();

    [GeneratedRegex(@"^(?<names>.+?)\s+in\s+(?<place>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex NameInPlace();

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M}.'’-]*(?:\s+[\p{L}][\p{L}\p{M}.'’-]*){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();

    // A job title printed after the name ("By Anna Berg, Political Editor") is not another author.
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "editor", "correspondent", "reporter", "writer", "columnist", "producer", "contributor", "critic", "analyst", "photographer",
        "chief", "editor-at-large", "journalist", "presenter", "commentator",
    };

    // Lower-case words that belong inside a name: "Ludwig van Beethoven", "Ahmed al-Rashid".
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "la", "le", "ter", "ten", "bin", "binti", "al", "el", "y",
    };

    // An outlet or agency handle a site prints as its byline: "bno", "afp".
    [GeneratedRegex(@"^[\p{Ll}\d][\p{L}\d]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex(@"^[\s|,;:·•–—/-]+|[\s|,;:·•–—/-]+$")]
    private static partial Regex EdgePunctuation();

    /// <summary>Reads one header line as a byline or dateline; null when the line is something else (a body paragraph).</summary>
    public static Byline? TryParse(string line, string? site = null) => Parse(line, site, namesAlone: false);

    /// <summary>True for a line that starts as a byline does: "By", "Von", "Par", "Por" and the like.</summary>
    public static bool StartsWithBy(string line) => ByPrefix().Match(line) is { Success: true, Length: > 0 };

    /// <summary>
    /// Reads a line of bare names ("Ana Ruiz and Tom Ashby") as a byline. Only the context can tell such a line from text,
    /// so the caller uses this where a dateline stands beside it.
    /// </summary>
    public static Byline? TryParseNames(string line, string? site = null) => Parse(line, site, namesAlone: true);

    private static Byline? Parse(string line, string? site, bool namesAlone)
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
            // Cut out just "Updated <date>": what stands before or after it ("Published <date>", "By X") is still read.
            updated = upd.Iso;
            rest = rest[..updatedMatch.Index] + " " + rest[(updatedMatch.Index + upd.Index + upd.Length)..];
        }

        rest = EdgePunctuation().Replace(rest, "");
        var labelled = DateLabel().Match(rest);
        rest = rest[labelled.Length..];
        if (NewsDates.Find(rest) is { } date)
        {
            published = date.Iso;
            var before = DatePreposition().Replace(DateLabelAtEnd().Replace(rest[..date.Index], ""), "");
            rest = before + " " + TimeSuffix().Replace(rest[(date.Index + date.Length)..], "");

            // "von Anna Roth, Redaktion Veröffentlicht: 26.12.2022": the label before the date is not part of a name.
            rest = DateLabelAtEnd().Replace(rest, "");
        }
        else if (labelled.Length > 0 && updated is null && !rest.Any(char.IsLetter))
        {
            // "Published 03/04/2024": a dateline whose date cannot be read for sure. It says nothing, rather than a wrong date.
            return new Byline([], null, null, null);
        }

        rest = EdgePunctuation().Replace(rest.Contains('@') ? Contact().Replace(rest, "") : rest, "");
        var by = ByPrefix().Match(rest);
        var hasBy = by.Success && by.Length > 0;
        rest = EdgePunctuation().Replace(rest[by.Length..], "");

        if (rest.Length == 0)
        {
            return published is null && updated is null ? null : new Byline([], null, published, updated);
        }

        // "By X | Published 2 hours ago": a relative time tells nothing and is no bureau.
        var parts = PartSeparator().Split(WritesFor(rest) ? ForOutlet().Replace(rest, "") : rest).Where(p => !NewsDates.IsRelative(p)).ToArray();
        if (parts.Length == 0)
        {
            return null;
        }

        var names = parts[0];
        string? bureau = parts.Length > 1 ? EdgePunctuation().Replace(parts[1], "") : null;
        if (bureau is null && names.Contains(" in ", StringComparison.Ordinal) && NameInPlace().Match(names) is { Success: true } inPlace)
        {
            names = inPlace.Groups["names"].Value;
            bureau = inPlace.Groups["place"].Value;
        }

        var authors = NameSeparator().Split(names)
            .Select(n => n.Trim())
            .Where(n => n.Length > 0)
            .ToList();
        // "By noon, the square was full." is a sentence: a name is capitalised words or a single handle.
        if (authors.Count == 0 || authors.Any(n => n.Length > 40 || !NameShape().IsMatch(n) || !(IsCapitalised(n) || Handle().IsMatch(n))))
        {
            return null;
        }

        // Without "By", only a date or a bureau makes a line of names a byline; otherwise it is probably text.
        var capitalised = authors.All(IsCapitalised);
        if (!hasBy && !(capitalised && (namesAlone || published is not null || updated is not null || bureau is not null)))
        {
            return null;
        }

        if (bureau is { Length: > 50 })
        {
            return null;
        }

        // Without "By", a lone word beside a date is the date's label, its weekday or a section ("Stand:", "Mittwoch",
        // "Politik"), not a writer: the date stands, the word is not an author; alone on its line it is no byline. A wire
        // agency or desk ("Reuters | 3 March 2025") is the exception: it is who wrote it.
        if (!hasBy && authors.Any(n => !n.Contains(' ', StringComparison.Ordinal) && !Html.AuthorNames.IsCredit(n, site)))
        {
            return published is null && updated is null ? null : new Byline([], bureau, published, updated);
        }

        authors.RemoveAll(n => NotAuthors.Contains(n) || (authors.Count > 1 && RoleWords.Contains(n.Split(' ')[^1])) || (site is not null && n.Equals(site, StringComparison.OrdinalIgnoreCase)));
        return new Byline(authors, bureau, published, updated);
    }

    // Most lines hold neither word: a plain search first spares them the regex.
    private static bool WritesFor(string text) =>
        text.Contains(" to ", StringComparison.OrdinalIgnoreCase) || text.Contains(" for ", StringComparison.OrdinalIgnoreCase);

    private static bool IsCapitalised(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => char.IsUpper(w[0]) || NameParticles.Contains(w) || (w.IndexOf('-') is > 0 and var dash && NameParticles.Contains(w[..dash])));
}
