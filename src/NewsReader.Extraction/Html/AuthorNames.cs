using NewsReader.Extraction.Text;

namespace NewsReader.Extraction.Html;

/// <summary>
/// Turns author values from any source into people's names: "By A and B" split, profile URLs and handles skipped,
/// and the outlet's own name, wire agencies and labels such as "Staff" left out, since none of them is a person.
/// </summary>
public static class AuthorNames
{
    private const int MaxNameLength = 60;

    private static readonly HashSet<string> NotPeople = new(StringComparer.OrdinalIgnoreCase)
    {
        "staff", "staff writer", "staff writers", "staff reporter", "editorial staff", "editorial board", "the editorial board",
        "editors", "the editors", "newsroom", "news desk", "web desk", "digital desk", "admin", "administrator", "guest", "guest author",
        "reuters", "associated press", "the associated press", "ap", "afp", "agence france-presse", "agence france presse", "pa media",
        "press association", "bloomberg", "bloomberg news", "dpa", "efe", "ani", "pti", "ians", "xinhua", "tass", "anadolu",
        "wire services", "agencies", "news agencies", "wires",
    };

    // Link labels CMSs print around or instead of a name ("View all posts by X →", a lone "By" or "Autor:"): the words of
    // an author archive link in the languages WordPress ships most, and labels that are never a name on their own.
    private static readonly string[] ArchiveLinkPrefixes =
    [
        "view all posts by", "see all posts by", "all posts by", "more posts by", "posts by", "view all articles by", "all articles by",
        "zeige alle beiträge von", "alle beiträge von", "alle artikel von", "weitere beiträge von", "mehr von",
        "voir tous les articles de", "tous les articles de", "voir les articles de", "ver todas las entradas de", "todas las entradas de",
        "ver todos los artículos de", "ver todos os posts de", "visualizza tutti gli articoli di", "tutti gli articoli di",
        "bekijk alle berichten van", "alle berichten van", "zobacz wszystkie wpisy", "wszystkie wpisy",
    ];

    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "von", "par", "por", "di", "door", "av", "de", "author", "authors", "autor", "autorin", "auteur", "autore", "autora",
        "artikel von", "ein artikel von", "written by", "posted by", "posted on", "published", "published by", "veröffentlicht",
        "veröffentlicht von", "datum", "date", "quelle", "source", "share", "teilen", "mehr", "more", "name", "e-mail", "email",
        "follow", "folgen", "abonnieren", "subscribe",
    };

    public static List<string> Clean(IEnumerable<string>? values, string? site)
    {
        var names = new List<string>();
        string? label = null;
        foreach (var raw in values ?? [])
        {
            foreach (var name in Split(raw, site))
            {
                if (IsPerson(name, site))
                {
                    if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        names.Add(name);
                    }
                }
                else if (IsCredit(name, site))
                {
                    label ??= name;
                }
            }
        }

        // When the only credit is an agency, desk or label ("Reuters", "Metro Staff"), that is who wrote it.
        return names.Count == 0 && label is not null ? [label] : names;
    }

    private static IEnumerable<string> Split(string raw, string? site)
    {
        var value = System.Net.WebUtility.HtmlDecode(raw).Trim();
        if (value.Length == 0 || value.Contains("://", StringComparison.Ordinal) || value.StartsWith('/') || value.StartsWith('@'))
        {
            return [];
        }

        value = WithoutArchiveLink(value);
        if (Labels.Contains(value.TrimEnd(':', '*', ' ')) || NewsDates.IsRelative(value))
        {
            return [];
        }

        value = WithoutAffiliations(value);
        var parsed = Byline.TryParse(value.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? value : "By " + value, site);
        if (parsed is not null)
        {
            return parsed.Authors;
        }

        return value.Length <= MaxNameLength && value.Any(char.IsLetter) ? [value] : [];
    }

    private static string WithoutArchiveLink(string value)
    {
        value = value.TrimEnd('→', '»', '›', ' ');
        foreach (var prefix in ArchiveLinkPrefixes)
        {
            if (value.Length > prefix.Length + 1 && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && value[prefix.Length] is ' ' or ':')
            {
                return value[(prefix.Length + 1)..].TrimStart(':', ' ');
            }
        }

        return value;
    }

    // Degrees and credentials printed after a name ("Jane Doe, MS, RDN"): not people of their own.
    private static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase)
    {
        "phd", "msc", "bsc", "mba", "esq", "md", "mph", "ms", "ma", "ba", "bs", "rd", "rdn", "rn", "dds", "cpa", "cfa", "llm", "jd",
        "facs", "cde", "ld", "np", "pa-c", "dr. med.",
    };

    /// <summary>
    /// "Rob Picheta, CNN", "Jane Doe, MS, RDN", "Li Wei, example.de": after the name, comma-separated, come the outlet's
    /// acronym or domain and the writer's credentials. Those parts go; a value that is nothing else stays as it is.
    /// </summary>
    private static string WithoutAffiliations(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return value;
        }

        var kept = parts.Where(p => !IsAffiliation(p)).ToList();
        return kept.Count > 0 && kept.Count < parts.Length ? string.Join(", ", kept) : value;
    }

    private static bool IsAffiliation(string part) =>
        Credentials.Contains(part) || Credentials.Contains(part.Replace(".", "", StringComparison.Ordinal))
        || (!part.Contains(' ', StringComparison.Ordinal) && (IsAcronym(part) || IsDomain(part)));

    // "CNN", "B.B.C.": two to six capitals.
    private static bool IsAcronym(string word) =>
        word.Replace(".", "", StringComparison.Ordinal) is { Length: >= 2 and <= 6 } letters && letters.All(char.IsUpper);

    // "example.de", "news.example.co.uk": a host name ending in a top-level domain of letters.
    private static bool IsDomain(string word) =>
        word.LastIndexOf('.') is > 0 and var dot && word.Length - dot > 2 && word[(dot + 1)..].All(char.IsAsciiLetter)
        && Uri.CheckHostName(word) == UriHostNameType.Dns;

    private static readonly string[] GroupEndings =
        [" staff", " staff writer", " reporters", " desk", " newsroom", " office", " team", " department", " bureau", " service", " agency", " editors"];

    private static bool IsPerson(string name, string? site)
    {
        if (NotPeople.Contains(name) || GroupEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // "CNN Continental", "BBC Verify": an acronym of three or more capitals is an outlet, not part of a person's name.
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        static bool Shouted(string w) => w.Length >= 3 && w.All(char.IsUpper) && !IsRomanNumeral(w);
        if (words.Any(Shouted) && !words.All(w => w.All(c => !char.IsLower(c))))
        {
            return false;
        }

        return site is null || !(Titles.IsSite(name, site, null) || words.Contains(Initials(site), StringComparer.Ordinal));
    }

    // An agency or desk credit: a known label or a group name, and not merely the outlet's own name repeated.
    internal static bool IsCredit(string name, string? site) =>
        (NotPeople.Contains(name) || GroupEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        && !name.Equals("admin", StringComparison.OrdinalIgnoreCase) && !name.Equals("administrator", StringComparison.OrdinalIgnoreCase)
        && (site is null || !Titles.IsSite(name, site, null));

    private static bool IsRomanNumeral(string word) => word.All(c => c is 'I' or 'V' or 'X');

    private static string Initials(string site) =>
        new(site.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]).ToArray());
}
