using System.Text.RegularExpressions;

namespace NewsReader.Extraction;

/// <summary>
/// Words a scraped news page carries around its article: navigation, share bars, cookie notices, related-story rails.
/// Shared by every parser so a new format drops the same furniture.
/// </summary>
public static partial class PageFurniture
{
    private static readonly HashSet<string> StrayLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "features", "dismiss", "share", "share this", "share this article", "share this story", "share article",
        "share on facebook", "share on twitter", "share on x", "share on linkedin", "share on whatsapp", "share via email",
        "facebook", "twitter", "linkedin", "whatsapp", "email", "print", "copy link", "link copied", "save", "save article",
        "advertisement", "advert", "ad", "sponsored", "sponsored content", "story continues below advertisement",
        "sign in", "log in", "login", "sign up", "register", "subscribe", "subscribe now", "my account", "account",
        "menu", "search", "skip to content", "skip to main content", "skip to navigation", "home", "close", "back to top",
        "comments", "show comments", "view comments", "leave a comment", "listen to this article", "listen", "read more",
        "continue reading", "accept", "accept all", "accept all cookies", "reject all", "manage cookies", "cookie settings",
        "manage preferences", "got it", "ok", "i agree", "newsletter", "newsletters", "follow us", "topics", "tags",
        "loading", "loading...", "toggle navigation", "open menu", "close menu", "previous", "next", "more", "audio",
        "video", "watch", "gift this article", "give this article",
    };

    private static readonly HashSet<string> RelatedHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "related", "related articles", "related stories", "related content", "related news", "related coverage",
        "more stories", "more from this section", "more on this story", "you may also like", "you might also like",
        "recommended", "recommended for you", "recommended stories", "most read", "most popular", "most viewed",
        "read next", "read more stories", "see also", "top stories", "trending", "trending now", "latest news",
        "latest stories", "what to read next", "more in this series", "also read", "editor's picks",
        "topics", "tags", "related topics", "more on this topic", "explore more on these topics", "read also", "more news",
        "mehr zum thema", "lesen sie auch", "lesen sie auch die folgenden beiträge", "weitere artikel", "weitere artikel zum thema",
        "weitere beiträge", "weitere nachrichten", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
        "zum weiterlesen", "auch interessant", "ähnliche beiträge", "ähnliche artikel", "verwandte artikel", "verwandte themen", "mehr dazu",
        "lire aussi", "à lire aussi", "a lire aussi", "sur le même sujet", "à lire également", "lea también", "lee también",
        "noticias relacionadas", "artículos relacionados", "te puede interesar", "también te puede interesar", "leia também",
        "notícias relacionadas", "leggi anche", "articoli correlati", "czytaj także", "czytaj też", "zobacz też", "zobacz także",
        "lees ook", "gerelateerde artikelen", "läs också", "relaterade artiklar", "les også", "læs også",
        "comments", "leave a comment", "leave a reply", "kommentare", "kommentar schreiben", "schreibe einen kommentar",
        "kommentieren sie", "commentaires", "laisser un commentaire", "comentarios", "deja un comentario", "lascia un commento",
        "komentarze", "meistgelesen", "meistgelesene artikel", "more from", "schlagworte", "verwandte beiträge",
        // The comment form's heading as WordPress, the most common CMS, words it in its largest languages.
        "hinterlasse eine antwort", "hinterlasse einen kommentar", "kommentar verfassen", "antwort hinterlassen",
        "deja una respuesta", "dejar un comentario", "deja tu comentario", "laisser une réponse", "deixe uma resposta",
        "deixe um comentário", "lascia una risposta", "geef een reactie", "laat een reactie achter", "dodaj komentarz",
        "zostaw komentarz", "lämna ett svar", "legg igjen en kommentar", "skriv en kommentar",
        "nächster artikel", "next article", "previous article",
    };

    // Share bars' labels: in a page's markup they head the share box that ends many articles, so they count as related
    // headings there; in text saved from a page they sit as often between the lead and the body.
    private static readonly HashSet<string> ShareLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "share this", "share this article", "share this story", "share this post", "artikel teilen", "beitrag teilen",
        "teilen", "partager", "partager cet article", "compartir", "compartir esta noticia", "condividi", "udostępnij",
    };

    [GeneratedRegex(@"cookie", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CookieWord();

    [GeneratedRegex(@"\b(we use|this (web)?site uses|uses cookies|accept|consent|privacy|by continuing|manage|preferences|settings|verwendet|nutzt|nutzen|benutzt|setzt|akzeptier\w*|zustimm\w*|datenschutz\w*|einstellungen|utilise|utilisons|accepte\w*|utiliza|usamos|aceptar|acepto|usa|utilizza|accetta\w*|używa|akceptuj\w*|gebruikt|accepteren)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CookieContext();

    [GeneratedRegex(@"^(©|\(c\)|copyright\b)|all rights reserved|^(sign up|subscribe) (for|to) (our|the)\b.*newsletter|^follow us on\b|^(click|tap) here to\b|^more from [\p{Lu}]|^\d+\s*(?:min|mins|minutes?)\s+read$|^reading time\s*:?\s*\d+\s*(?:min|mins|minutes?)$|^(?:read more|read also|also read|see also|related|recommended)\s*:\s+\S|^(?:photo(?:graph)?|image|picture|illustration|video)(?:\s+credit)?\s*:\s+\S|^image (?:source|caption),\s|^home\s*[»›>|/]|^listen to this (?:article|story)\b|^this (?:article|story) is (?:more|over) than \d+ (?:months?|years?) old$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrayPattern();

    // "Foto: Anna Roth", "Quelle: dpa", "Źródło: PAP", "(REUTERS/Denis Balibouse)": photo credits and sources in many languages.
    [GeneratedRegex(@"^(?:fotos?|foto(?:grafie|grafía)?|bild(?:er)?|quelle|quellen|source|sources|photos?|images?|pictures?|crédits?|credits?|crédito|fuente|źródło|fot\.|zdjęcie|afbeelding|bron|immagine|fonte|imagen|abbildung|grafik|illustration|video|titelbild|beitragsbild|symbolbild|copyright)(?:\s+\d+)?\s*(?:[:：©]|via\b)|\((?:foto|photo|bild|imagen|reuters|afp|ap|epa|dpa|getty)[^()]{0,60}\)$|^(?:©|\(c\))|^\*?(?:werbung|anzeige|publicidad|publicité|reklama|pubblicità|advertorial|sponsored|gesponsert)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditPattern();

    // Calls to action: newsletter sign-ups and subscription prompts, in a few languages.
    [GeneratedRegex(@"newsletter|abonn|subscri|suscrib|inscri|anmelden|registrier|sign(?:ing)? up|zapisz|iscriviti", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallToAction();

    // Appeals to the reader (subscribe, follow us on Telegram, get the app, support our work) in a few languages: an
    // asking verb and, all told, three different appeal words in a short paragraph. News about apps and networks
    // ("Twitter removed the app from iOS and Android") names channels but asks nothing.
    [GeneratedRegex(@"\b(?:subscrib\w*|sign up|signup|follow us|follow|download|support (?:our|us)|donat\w*|become a member|abonn\w*|folg\w+ uns|suscr[ií]b\w*|s[ií]guenos|[úu]nete|hazte|log ?in|einloggen|anmelden|registrieren|unterstütz\w*|spende\w*|inscreva-se|abonnez-vous|suivez-nous|iscriviti|seguici|submit|bestell\w*|abonnier\w*|mitglied werden|werden sie mitglied|werde mitglied|subskryb\w*|subskrypc\w*|zapraszamy|write to us|schreib\w* (?:sie )?uns|teilen sie uns|teile uns)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppealVerb();

    [GeneratedRegex(@"\b(?:apps?|newsletter|membership|members?|telegram|whatsapp|facebook|twitter|instagram|youtube|tiktok|ios|android|premium|canal|channel|podcast|e-?paper|edition|ausgabe|subscriptions?|abos?|magazin\w*|kiosk|itunes|google play|app store|letters?|editor|form|miembros?|mitglied\w*|membres?|beneficios|vorteile|angebote|exklusiv\w*|exclusive|paywall|bezahlschranke)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppealChannel();

    private const int MaxAppealLength = 250;
    private const int MinAppealWords = 3;

    private static bool IsAppeal(string line)
    {
        if (line.Length >= MaxAppealLength || AppealVerb().Matches(line) is not { Count: > 0 } verbs)
        {
            return false;
        }

        var words = verbs.Concat(AppealChannel().Matches(line)).Select(m => m.Value.ToLowerInvariant());
        return words.Distinct().Take(MinAppealWords).Count() >= MinAppealWords;
    }

    /// <summary>A photo credit, source line or short call to action: furniture wherever it stands in the body.</summary>
    public static bool IsCreditOrCallToAction(string line)
    {
        var trimmed = line.Trim();
        return (trimmed.Length < 120 && CreditPattern().IsMatch(trimmed))
            || (trimmed.Length < 100 && trimmed.Contains("newsletter", StringComparison.OrdinalIgnoreCase) && CallToAction().Matches(trimmed).Count >= 2)
            || IsAppeal(trimmed);
    }

    /// <summary>True for a whole line that is page furniture rather than article text.</summary>
    public static bool IsStray(string line)
    {
        var trimmed = line.Trim().TrimEnd(':', '.', '!', '›', '»', '>').Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (StrayLines.Contains(trimmed))
        {
            return true;
        }

        if (CookieWord().IsMatch(trimmed) && CookieContext().IsMatch(trimmed) && trimmed.Length < 400)
        {
            return true;
        }

        return trimmed.Length < 200 && (StrayPattern().IsMatch(trimmed) || IsLabelledTeaser(trimmed));
    }

    // Short forms of the read-also label that only ever stand before a colon and a teaser's headline.
    private static readonly HashSet<string> TeaserLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "lea", "lee", "lea más", "lee más", "leia mais", "ver también", "ver más", "mira", "mira también", "siehe auch",
        "weiterlesen", "lesen sie", "lire", "lire la suite", "leggi", "czytaj", "czytaj więcej", "zobacz",
    };

    // "Lea también: Impiden ingreso a …", "Lesen Sie auch: …": a related-story label, a colon and the story's headline.
    private static bool IsLabelledTeaser(string line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0 || colon == line.Length - 1)
        {
            return false;
        }

        var label = line[..colon].Trim();
        return RelatedHeadings.Contains(label) || TeaserLabels.Contains(label);
    }

    /// <summary>True for a heading that starts a list of other stories: it and everything after it are dropped.</summary>
    public static bool IsRelatedHeading(string line) => RelatedHeadings.Contains(Label(line)) || IsShareLabel(line);

    /// <summary>True for a share bar's label ("Share", "Artikel teilen", "Partager").</summary>
    public static bool IsShareLabel(string line) => ShareLabels.Contains(Label(line));

    private static string Label(string line) => line.Trim().TrimEnd(':', '.', '›', '»', '>').Trim();

    /// <summary>
    /// True for a heading that opens with one of those labels and names more ("Mehr zum Thema auf Example.de", "More
    /// from Business", "Comments (12)"): a section heading, so only for headings, never for a line of text, and only
    /// when what follows the label is a short name ("Trending down: why fuel prices fell" is a headline).
    /// </summary>
    private const int MaxSectionNameWords = 4;

    public static bool StartsRelatedSection(string heading)
    {
        var text = heading.AsSpan().Trim();
        foreach (var label in RelatedHeadings.Concat(ShareLabels))
        {
            if (text.Length > label.Length && text.StartsWith(label, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(text[label.Length])
                && text[label.Length..].Count(' ') <= MaxSectionNameWords)
            {
                return true;
            }
        }

        return IsRelatedHeading(heading);
    }
}
