using System.Text.RegularExpressions;

namespace NewsReader.Extraction.Text;

/// <summary>
/// Scraped text of a news page: the title (often repeated), a "Title / Outlet" line, byline and date lines,
/// body paragraphs, and page furniture around them, which is dropped and recorded.
/// </summary>
public sealed partial class TextArticleParser : IArticleParser
{
    private const int HeaderSearchLines = 8;
    private const int MaxBylineLines = 4;
    private const int MinRepeatedHeadline = 20;

    // The article region's weights: a paragraph this long reads as text whatever its end; a shorter one must end a
    // sentence (of three words at least: "Entry remains free."); anything else is a label that costs as much as a short
    // paragraph gives.
    private const int MinTextLine = 100;
    private const int MinSentence = 40;
    private const int MinSentenceWords = 3;
    private const int LabelWeight = 80;
    private const int NearStartParagraphs = 6;
    private const int NearStartAdvantage = 3;
    private const int NearbyLines = 6;
    private const int MaxNearbyLine = 100;
    private const int FarDateLines = 40;
    private const int MaxHeadlineSearchLines = 5000;
    private const int HeadlineClusterLines = 16;

    // A standfirst may stand between the navigation and the byline; more lines of text than that are an article's.
    private const int MaxTextLinesAboveByline = 1;

    // Text wrapped by a tool (email, terminals, text dumps) stays within about 60-100 columns; lines longer than this were not wrapped.
    private const int MaxHardWrapWidth = 100;

    public string Format => "text";

    public string Version => "text/2";

    public bool CanParse(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".text" or "";

    [GeneratedRegex(@"\s+(?:/|\||-|–|—|»|::)\s+")]
    private static partial Regex TitleSeparator();

    // Control characters (C0 and the C1 range Windows-1252 leaves undefined), zero-width characters and soft hyphens:
    // invisible on a page, but they would break matching, search and slugs.
    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u200C\u200D\u2060\uFEFF]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+")]
    private static partial Regex Spaces();

    public ParsedArticle Parse(ReadOnlySpan<byte> content, string path)
    {
        if (content.IsEmpty)
        {
            throw new ArticleRejectedException("File is empty.");
        }

        if (TextDecoder.LooksBinary(content))
        {
            throw new ArticleRejectedException("File looks binary, not text.");
        }

        var (text, decodeWarning) = TextDecoder.Decode(content);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(l =>
            {
                Limits.ParseBudget.Check();
                return Spaces().Replace(Invisible().Replace(l, ""), " ").Trim();
            })
            .ToList();
        if (lines.All(l => l.Length == 0))
        {
            throw new ArticleRejectedException("File has no text.");
        }

        var dropped = new List<string>();
        var warnings = new List<string>();
        if (decodeWarning is not null)
        {
            warnings.Add(decodeWarning);
        }

        var header = ReadHeader(lines, dropped, warnings);
        var body = ArticleRegion(ReadBody(lines, header.BodyStart, header.Title, dropped), dropped);
        if (header.Standfirst is not null)
        {
            body.Insert(0, header.Standfirst);
        }

        if (body.Count == 0)
        {
            throw new ArticleRejectedException("No article text after the title.");
        }

        if (header.Site is null)
        {
            warnings.Add("No outlet found.");
        }

        if (header.Published is null)
        {
            warnings.Add("No publication date found.");
        }

        return new ParsedArticle
        {
            Format = Format,
            Title = header.Title,
            Site = header.Site,
            Authors = header.Authors,
            Bureau = header.Bureau,
            Published = header.Published,
            Updated = header.Updated,
            Body = body,
            BodyMarkdown = MarkdownText.FromParagraphs(body),
            Dropped = dropped,
            Warnings = warnings,
        };
    }

    private sealed record Header(string Title, string? Site, IReadOnlyList<string> Authors, string? Bureau, string? Published, string? Updated, string? Standfirst, int BodyStart);

    private static Header ReadHeader(List<string> lines, List<string> dropped, List<string> warnings)
    {
        var i = NextText(lines, 0);
        while (i < lines.Count && PageFurniture.IsStray(lines[i]))
        {
            Limits.ParseBudget.Check();
            dropped.Add(lines[i]);
            i = NextText(lines, i + 1);
        }

        var (title, site, titleEnd) = FindTitle(lines, i, dropped);

        var authors = new List<string>();
        string? bureau = null, published = null, updated = null;
        string? standfirst = null;
        var datelineSeen = false;
        var bodyStart = titleEnd + 1;
        var seen = 0;
        for (var j = NextText(lines, bodyStart); j < lines.Count && seen < MaxBylineLines; j = NextText(lines, j + 1))
        {
            Limits.ParseBudget.Check();
            var line = lines[j];
            if (line == title || PageFurniture.IsStray(line))
            {
                if (line != title)
                {
                    dropped.Add(line);
                }

                bodyStart = j + 1;
                continue;
            }

            // "Published 2 hours ago" was true only when the page was saved: it is removed, and recorded, rather than invented into a date.
            if (NewsDates.IsRelative(line))
            {
                dropped.Add(line);
                bodyStart = j + 1;
                continue;
            }

            var byline = Byline.TryParse(line, site);
            if (byline is null && authors.Count == 0 && (datelineSeen || IsDatelineAt(lines, NextText(lines, j + 1), site)))
            {
                // Bare names right above or below a dateline ("Ana Ruiz" / "March 3, 2024") are the byline.
                byline = Byline.TryParseNames(line, site);
            }

            if (byline is null)
            {
                // A standfirst between the title and the byline ("A one-sentence summary." then "By X") is article text,
                // and the byline under it still belongs to the header.
                if (seen == 0 && standfirst is null && IsBylineAt(lines, NextText(lines, j + 1), site))
                {
                    standfirst = line;
                    bodyStart = j + 1;
                    continue;
                }

                break;
            }

            datelineSeen |= byline.Authors.Count == 0 && !line.StartsWith("by", StringComparison.OrdinalIgnoreCase);
            if (byline is { Authors.Count: 0, Bureau: null, Published: null, Updated: null } && !line.StartsWith("by", StringComparison.OrdinalIgnoreCase))
            {
                dropped.Add(line);
                warnings.Add($"Could not read a date for certain in \"{line}\".");
            }

            authors.AddRange(byline.Authors.Where(a => !authors.Contains(a, StringComparer.OrdinalIgnoreCase)));
            bureau ??= byline.Bureau;
            published ??= byline.Published;
            updated ??= byline.Updated;
            bodyStart = j + 1;
            seen++;
        }

        if (authors.Count == 0 || published is null)
        {
            published = NearbyMetadata(lines, titleEnd, bodyStart, site, published, authors, dropped);
        }

        return new Header(title, site, authors, bureau, published, updated, standfirst, bodyStart);
    }

    /// <summary>
    /// Whole pages saved as text put the date above the headline or a caption and a standfirst between it and the
    /// byline: a date line among the few lines around the headline, and a "By" line a little below it, are the header's.
    /// Returns the date; lines taken below the header are blanked in <paramref name="lines"/> and recorded as dropped.
    /// </summary>
    private static string? NearbyMetadata(List<string> lines, int titleLine, int bodyStart, string? site, string? published, List<string> authors, List<string> dropped)
    {
        var taken = new List<int>();
        for (var j = Math.Max(0, titleLine - NearbyLines); j < Math.Min(lines.Count, bodyStart + NearbyLines); j++)
        {
            var line = lines[j];
            if (line.Length is 0 or > MaxNearbyLine || j == titleLine)
            {
                continue;
            }

            if (published is null && NewsDates.OfDateLine(line) is { } date)
            {
                published = date.Iso;
                taken.Add(j);
            }
            else if (authors.Count == 0 && j > titleLine && HasByPrefix(line) && Byline.TryParse(line, site) is { Authors.Count: > 0 } byline)
            {
                authors.AddRange(byline.Authors);
                published ??= byline.Published;
                taken.Add(j);
            }
        }

        // No date beside the headline: the nearest line that is mostly a date, further out (a dateline under a standfirst
        // and a picture, or above a breadcrumb). Nearest, since lists of other stories carry dates of their own.
        for (var d = NearbyLines + 1; published is null && d <= FarDateLines; d++)
        {
            foreach (var j in (ReadOnlySpan<int>)[titleLine + d, titleLine - d])
            {
                if (j >= 0 && j < lines.Count && lines[j].Length is > 0 and <= MaxNearbyLine && NewsDates.OfDateLine(lines[j]) is { } far)
                {
                    published = far.Iso;
                    taken.Add(j);
                    break;
                }
            }
        }

        // A line taken below the header is removed from the body; one above the headline was already dropped with the navigation.
        foreach (var j in taken.Where(j => j >= bodyStart).OrderDescending())
        {
            dropped.Add(lines[j]);
            lines[j] = "";
        }

        return published;
    }

    private static bool HasByPrefix(string line) => Byline.StartsWithBy(line);

    private static bool IsDatelineAt(List<string> lines, int index, string? site) =>
        index < lines.Count && Byline.TryParse(lines[index], site) is { Authors.Count: 0 } dateline && (dateline.Published ?? dateline.Updated) is not null;

    private static bool IsBylineAt(List<string> lines, int index, string? site) =>
        index < lines.Count && Byline.TryParse(lines[index], site) is { } byline && (byline.Authors.Count > 0 || byline.Published is not null);

    /// <summary>
    /// The title is the text before a separator on a "Title / Outlet" line, confirmed by the page title repeated
    /// above it; that way a title holding a separator itself stays whole.
    /// </summary>
    private static (string Title, string? Site, int End) FindTitle(List<string> lines, int first, List<string> dropped)
    {
        var candidates = new List<int>();
        for (var j = first; j < lines.Count && candidates.Count < HeaderSearchLines; j = NextText(lines, j + 1))
        {
            candidates.Add(j);
        }

        foreach (var j in candidates)
        {
            foreach (Match sep in TitleSeparator().Matches(lines[j]))
            {
                var left = lines[j][..sep.Index];
                var titleLine = candidates.FirstOrDefault(k => k < j && lines[k] == left, -1);
                if (titleLine >= 0)
                {
                    dropped.AddRange(candidates.Where(k => k < titleLine).Select(k => lines[k]));
                    return (left, lines[j][(sep.Index + sep.Length)..].Trim(), j);
                }
            }
        }

        // A whole page saved as text: the page title first, then navigation, then the headline again above the article.
        // A headline repeated only below an article that has its byline (a share box, a list of stories) does not start it.
        var byline = FindBylineAnchor(lines, first);
        if (FindHeadlineRepeat(lines, first) is { } repeat && !(byline < repeat.Line && TextLines(lines, byline.Value, repeat.Line) > MaxTextLinesAboveByline))
        {
            // The page title itself is the title said once more, not furniture.
            dropped.AddRange(lines.Skip(first + 1).Take(repeat.Line - first - 1).Where(l => l.Length > 0));
            return (lines[repeat.Line], repeat.Site, repeat.Line);
        }

        // No repeated title to confirm it: take the first line, splitting off a trailing outlet-like name.
        var firstLine = lines[first];
        if (byline is not null)
        {
            // The headline as printed differs from the page's title, but its byline and dateline say where the article
            // starts: what stands above them (navigation, the printed headline) is not the article.
            // A standfirst right above the byline is the article's, as under a repeated headline.
            var above = PreviousText(lines, byline.Value, first);
            var headerEnd = above > first && ReadsAsText(lines[above]) ? above - 1 : byline.Value - 1;
            dropped.AddRange(lines.Skip(first + 1).Take(headerEnd - first).Where(l => l.Length > 0));
            var (bare, outlet) = SplitOutlet(firstLine);
            return (bare, outlet, headerEnd);
        }

        var end = first;
        while (candidates.IndexOf(end) + 1 < candidates.Count && lines[candidates[candidates.IndexOf(end) + 1]] == firstLine)
        {
            end = candidates[candidates.IndexOf(end) + 1];
        }

        var (title, site) = SplitOutlet(firstLine);
        return (title, site, end);
    }

    /// <summary>"Headline | Outlet": the headline and the outlet, when the last part looks like an outlet's name.</summary>
    private static (string Title, string? Site) SplitOutlet(string line)
    {
        var last = TitleSeparator().Matches(line).LastOrDefault();
        if (last is not null)
        {
            var right = line[(last.Index + last.Length)..].Trim();
            if (LooksLikeOutletName(right))
            {
                return (line[..last.Index].Trim(), right);
            }
        }

        return (line, null);
    }

    /// <summary>
    /// The first "By" line with a date beside it (on it, or on the line above or below) above any article text: where a
    /// news page's header ends. Returns its first line (the date, when the date comes first); null when there is none
    /// above the second line of text (a byline below that is a teaser's or a comment's, under the article).
    /// </summary>
    private static int? FindBylineAnchor(List<string> lines, int first)
    {
        var limit = Math.Min(lines.Count, first + MaxHeadlineSearchLines);
        var previous = first;
        var textAbove = 0;
        for (var j = NextText(lines, first + 1); j < limit && textAbove <= MaxTextLinesAboveByline; j = NextText(lines, j + 1))
        {
            Limits.ParseBudget.Check();
            var line = lines[j];
            textAbove += line.Length >= MinTextLine ? 1 : 0;
            if (line.Length <= MaxNearbyLine && HasByPrefix(line) && Byline.TryParse(line) is { Authors.Count: > 0 } byline)
            {
                if (previous > first && IsDatelineAt(lines, previous, null))
                {
                    return previous;
                }

                if (byline.Published is not null || IsDatelineAt(lines, NextText(lines, j + 1), null))
                {
                    return j;
                }
            }

            previous = j;
        }

        return null;
    }

    /// <summary>
    /// The page title's headline found again further down, as a line of its own: "Headline - Outlet" on the first line,
    /// "Headline" above the article. Only a headline long enough not to be a label.
    /// </summary>
    private static (int Line, string? Site)? FindHeadlineRepeat(List<string> lines, int first)
    {
        var pageTitle = lines[first];
        var headlines = new List<(string Headline, string? Site)> { (pageTitle, null) };
        foreach (Match sep in TitleSeparator().Matches(pageTitle))
        {
            var left = pageTitle[..sep.Index].Trim();
            var right = pageTitle[(sep.Index + sep.Length)..].Trim();
            headlines.Add((left, LooksLikeOutletName(right) ? right : null));
            headlines.Add((right, LooksLikeOutletName(left) ? left : null));
        }

        headlines.RemoveAll(h => h.Headline.Length < MinRepeatedHeadline);

        // One side of "Headline | Site" printed again on the page's first lines is the site's name under its logo, not
        // the headline: the other side, found further down, is; the side at the top stands in only when nothing else is.
        var logoEnd = NextText(lines, NextText(lines, first + 1) + 1);
        (int Line, string? Site)? logo = null;
        (int Line, string? Site)? found = null;
        var limit = Math.Min(lines.Count, first + MaxHeadlineSearchLines);
        for (var j = first + 1; j < limit; j++)
        {
            Limits.ParseBudget.Check();
            foreach (var (headline, site) in headlines)
            {
                if (string.Equals(lines[j], headline, StringComparison.OrdinalIgnoreCase))
                {
                    if (j <= logoEnd && logo is null && found is null && headline != pageTitle)
                    {
                        logo = (j, site);
                        headlines.RemoveAll(h => h.Headline == headline);
                        break;
                    }

                    // A page prints its headline in the breadcrumb, the share box and above the text, a few lines
                    // apart: the last of such a cluster stands above the article. Once article text stands between two,
                    // the later one is inside the article (a picture's caption, a heading repeated), and the cluster is over.
                    if (found is { } previous && lines.Skip(previous.Line + 1).Take(j - previous.Line - 1).Any(l => l.Length >= MinTextLine))
                    {
                        return found;
                    }

                    found = (j, site ?? (logo is { } l ? lines[l.Line] : null));
                    limit = Math.Min(lines.Count, j + HeadlineClusterLines);
                    break;
                }
            }
        }

        return found ?? logo;
    }

    private static bool LooksLikeOutletName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 4 && text.Length <= 40
            && !char.IsPunctuation(text[^1])
            && words.Any(w => w.Any(char.IsUpper));
    }

    private static List<string> ReadBody(List<string> lines, int start, string title, List<string> dropped)
    {
        var blocks = new List<List<string>>();
        var current = new List<string>();
        var textAbove = 0;
        for (var i = start; i < lines.Count; i++)
        {
            Limits.ParseBudget.Check();
            var line = lines[i];
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            // A "Related" label ends the article once there is article text above it; above the text it is a menu's label
            // under the headline. A share bar's label ends nothing: saved text has it as often between the lead and the body.
            if (PageFurniture.IsRelatedHeading(line))
            {
                if (textAbove >= MinTextLine && !PageFurniture.IsShareLabel(line))
                {
                    dropped.AddRange(lines.Skip(i).Where(l => l.Length > 0));
                    break;
                }

                dropped.Add(line);
                continue;
            }

            // Furniture does not end a paragraph: an advert line inside a hard-wrapped paragraph must not cut it in two.
            if (PageFurniture.IsStray(line) || line == title)
            {
                if (line != title)
                {
                    dropped.Add(line);
                }

                continue;
            }

            current.Add(line);
            textAbove += ReadsAsText(line) ? line.Length : 0;
        }

        Flush();
        return blocks.SelectMany(Paragraphs).ToList();

        void Flush()
        {
            if (current.Count > 0)
            {
                blocks.Add(current);
                current = [];
            }
        }
    }

    /// <summary>
    /// The article in a page saved whole: the run of paragraphs where text outweighs furniture. Each paragraph that reads
    /// as text (long, or a sentence) counts its length; each short label (menus, teaser titles, footer links) counts
    /// against; the run with the highest total is the article (the maximum-sum run). The header found above the body
    /// (the headline, the byline) says where the article starts: a run starting within a few paragraphs of it wins over a
    /// longer one further down (a comment thread, a list of answers) unless that one is several times longer. What lies
    /// outside the run is dropped.
    /// </summary>
    private static List<string> ArticleRegion(List<string> paragraphs, List<string> dropped)
    {
        var values = paragraphs.Select(p => ReadsAsText(p) ? p.Length : -LabelWeight).ToArray();
        var (best, bestStart, bestEnd) = BestRun(values, values.Length);
        if (best <= 0)
        {
            return paragraphs;
        }

        var (near, nearStart, nearEnd) = BestRun(values, NearStartParagraphs);
        if (near * NearStartAdvantage >= best)
        {
            (bestStart, bestEnd) = (nearStart, nearEnd);
        }

        dropped.AddRange(paragraphs[..bestStart]);
        dropped.AddRange(paragraphs[bestEnd..]);
        return paragraphs[bestStart..bestEnd];
    }

    /// <summary>The run of values with the highest sum among those starting before <paramref name="startsBefore"/>.</summary>
    private static (int Sum, int Start, int End) BestRun(int[] values, int startsBefore)
    {
        int best = 0, bestStart = 0, bestEnd = values.Length, sum = 0, start = 0;
        for (var i = 0; i < values.Length; i++)
        {
            Limits.ParseBudget.Check();
            if (sum <= 0 && i < startsBefore)
            {
                (sum, start) = (values[i], i);
            }
            else
            {
                sum += values[i];
            }

            if (sum > best)
            {
                (best, bestStart, bestEnd) = (sum, start, i + 1);
            }
        }

        return (best, bestStart, bestEnd);
    }

    private static bool ReadsAsText(string paragraph) =>
        paragraph.Length >= MinTextLine
        || (EndsSentence(paragraph) && paragraph[^1] != ':' && (paragraph.Length >= MinSentence || paragraph.Count(c => c == ' ') >= MinSentenceWords - 1));

    /// <summary>
    /// Splits a block of lines (no blank line inside) into paragraphs. Every line ending a sentence, or lines longer than any
    /// hard wrap: one paragraph per line. Otherwise the block is hard-wrapped text, and a paragraph ends where the next
    /// word would still have fitted on the line: a wrapping tool would have put it there.
    /// </summary>
    private static IEnumerable<string> Paragraphs(List<string> block)
    {
        if (block.Count == 1 || block.SkipLast(1).All(EndsSentence))
        {
            return block;
        }

        var width = block.Max(l => l.Length);
        if (width > MaxHardWrapWidth)
        {
            return block;
        }

        var paragraphs = new List<string>();
        var start = 0;
        for (var i = 0; i < block.Count; i++)
        {
            Limits.ParseBudget.Check();
            var last = i == block.Count - 1;
            if (last || block[i].Length + 1 + FirstWordLength(block[i + 1]) <= width)
            {
                paragraphs.Add(string.Join(' ', block[start..(i + 1)]));
                start = i + 1;
            }
        }

        return paragraphs;
    }

    private static int FirstWordLength(string line)
    {
        var space = line.IndexOf(' ');
        return space < 0 ? line.Length : space;
    }

    private static bool EndsSentence(string line) =>
        line[^1] is '.' or '!' or '?' or '"' or '”' or '\'' or '’' or ')' or ':';

    /// <summary>How many lines in [<paramref name="from"/>, <paramref name="to"/>) are long enough to be article text.</summary>
    private static int TextLines(List<string> lines, int from, int to) =>
        lines.Skip(from).Take(to - from).Count(l => l.Length >= MinTextLine);

    private static int PreviousText(List<string> lines, int before, int first)
    {
        var j = before - 1;
        while (j > first && lines[j].Length == 0)
        {
            j--;
        }

        return j;
    }

    private static int NextText(List<string> lines, int from)
    {
        while (from < lines.Count && lines[from].Length == 0)
        {
            from++;
        }

        return from;
    }
}
