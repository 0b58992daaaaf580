using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>
/// Finds the article's container the way Readability does: every paragraph scores five levels of its ancestors by
/// length and commas, containers are weighed by their class words and discounted by link density, and siblings of the
/// winner that read like article text are taken along (bodies split by a newsletter box or an ad slot).
/// </summary>
public static class ContentFinder
{
    private const int MinParagraph = 25;
    private const int AncestorLevels = 5;
    private const int MinAlternatives = 3;
    private const int MaxClimb = 25;
    private const int MinSiblingText = 80;
    private const double MaxClimbExtra = 0.2;
    private const int MaxClimbLevels = 6;
    private const int MinLead = 80;
    private const int MaxLeadParagraphs = 4;

    public static IReadOnlyList<IElement> Find(IElement body, PageStats stats)
    {
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var paragraph in stats.Paragraphs)
        {
            var s = stats[paragraph];
            if (s.Text >= MinParagraph)
            {
                Propagate(scores, stats, paragraph.ParentElement, 1 + s.Commas + Math.Min(s.Text / 100, 3));
            }
        }

        // Bare text beside blocks ("<div>text<br><br>text<div class=ad></div>text</div>") is paragraphs of that block.
        foreach (var holder in stats.MixedTexts)
        {
            var s = stats[holder];
            Propagate(scores, stats, holder, 1 + Math.Min(s.DirectText / 100, 3));
        }

        if (scores.Count == 0)
        {
            return [body];
        }

        var final = new Dictionary<IElement, double>(scores.Count, ReferenceEqualityComparer.Instance);
        foreach (var (element, score) in scores)
        {
            final[element] = score * (1 - stats[element].LinkDensity);
        }

        var (top, topScore) = final.MaxBy(kv => kv.Value);
        top = CommonAncestorOfAlternatives(top, final, body);

        // A wrapper holding only the winner says nothing more; its parent's other children are the siblings to weigh.
        for (var level = 0; level < MaxClimb && top.ParentElement is { } parent && parent != body && parent.ChildElementCount == 1; level++)
        {
            top = parent;
        }

        top = ArticleAroundWinner(top, stats, body);
        var chosen = WithSiblings(top, Math.Max(topScore, final.GetValueOrDefault(top)), final, stats, body);
        return [.. LeadAbove(chosen, stats), .. chosen];
    }

    // The standfirst of a news article often sits in the article's header, a few levels away from the body's container:
    // paragraphs of prose inside the same <article> element, above the chosen text, are its lead. Only a little text, so a
    // page wrapped whole in one <article> lends none of its teasers.
    private static List<IElement> LeadAbove(IReadOnlyList<IElement> chosen, PageStats stats)
    {
        var first = chosen[0];
        if (first.Closest("article") is not { } article || article == first || chosen.Any(c => c.Contains(article)))
        {
            return [];
        }

        var lead = new List<IElement>();
        var length = 0;
        foreach (var paragraph in stats.Paragraphs)
        {
            Limits.ParseBudget.Check();
            if (paragraph == first || paragraph.Contains(first) || first.Contains(paragraph) || chosen.Any(c => c.Contains(paragraph)))
            {
                break;
            }

            var s = stats[paragraph];
            if (article.Contains(paragraph) && (first.CompareDocumentPosition(paragraph) & DocumentPositions.Preceding) != 0
                && s.Text >= MinLead && s.LinkDensity < 0.1)
            {
                lead.Add(paragraph);
                length += s.Text;
            }
        }

        var text = chosen.Sum(c => stats[c].Text);
        return lead.Count is > 0 and <= MaxLeadParagraphs && length * 2 <= text ? lead : [];
    }

    // The highest ancestor (a few levels up) that adds a little more text above the winner, most of it paragraphs (a
    // standfirst or lead above the body), is the article; one that adds links, much more text, or text below (bios,
    // share boxes) is the page around it.
    private static IElement ArticleAroundWinner(IElement top, PageStats stats, IElement body)
    {
        var t = stats[top];
        var best = top;
        var after = 0;
        var child = top;
        for (var level = 0; level < MaxClimbLevels && child.ParentElement is { } ancestor && ancestor != body; level++, child = ancestor)
        {
            for (var next = child.NextElementSibling; next is not null; next = next.NextElementSibling)
            {
                after += stats[next].Text;
            }

            var a = stats[ancestor];
            var extra = a.Text - t.Text;
            if (extra > t.Text * MaxClimbExtra)
            {
                break;
            }

            if (after <= extra * 0.3 && a.LinkText - t.LinkText <= extra * 0.3 && a.ParagraphText - t.ParagraphText >= extra * 0.5)
            {
                best = ancestor;
            }
        }

        return best;
    }

    private static void Propagate(Dictionary<IElement, double> scores, PageStats stats, IElement? ancestor, double score)
    {
        for (var level = 0; level < AncestorLevels && ancestor is not null; level++, ancestor = ancestor.ParentElement)
        {
            if (!scores.TryGetValue(ancestor, out var current))
            {
                current = Initial(ancestor, stats[ancestor]);
            }

            scores[ancestor] = current + (level == 0 ? score : level == 1 ? score / 2.0 : score / (level * 3.0));
        }
    }

    private static double Initial(IElement element, ElementStats s)
    {
        var score = element.LocalName switch
        {
            "article" => 10,
            "div" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if ((s.Hint & Hint.Content) != 0)
        {
            score += 25;
        }

        if ((s.Hint & (Hint.Weak | Hint.Strong | Hint.Always)) != 0)
        {
            score -= 25;
        }

        return score;
    }

    // When several near-best containers share an ancestor, the article is that ancestor (paragraphs split into sections).
    private static IElement CommonAncestorOfAlternatives(IElement top, Dictionary<IElement, double> final, IElement body)
    {
        var best = final[top];
        var alternatives = final.Where(kv => kv.Key != top && kv.Value >= best * 0.75).Select(kv => kv.Key).ToList();
        if (alternatives.Count < MinAlternatives)
        {
            return top;
        }

        var counts = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        foreach (var alternative in alternatives)
        {
            var ancestor = alternative.ParentElement;
            for (var level = 0; level < MaxClimb && ancestor is not null; level++, ancestor = ancestor.ParentElement)
            {
                counts[ancestor] = counts.GetValueOrDefault(ancestor) + 1;
            }
        }

        var candidate = top.ParentElement;
        for (var level = 0; level < MaxClimb && candidate is not null && candidate != body; level++, candidate = candidate.ParentElement)
        {
            if (counts.GetValueOrDefault(candidate) >= MinAlternatives)
            {
                return candidate;
            }
        }

        return top;
    }

    private static List<IElement> WithSiblings(IElement top, double topScore, Dictionary<IElement, double> final, PageStats stats, IElement body)
    {
        if (top.ParentElement is not { } parent || top == body)
        {
            return [top];
        }

        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.GetAttribute("class");
        var kept = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                kept.Add(sibling);
                continue;
            }

            var s = stats[sibling];
            if (s.Removed)
            {
                continue;
            }

            var bonus = !string.IsNullOrEmpty(topClass) && topClass == sibling.GetAttribute("class") ? topScore * 0.2 : 0;
            if (final.TryGetValue(sibling, out var score) && score + bonus >= threshold)
            {
                kept.Add(sibling);
            }
            else if (PageStats.IsParagraph(sibling, s) ? ReadsLikeText(sibling, s) : s.Text >= MinSiblingText && s.LinkDensity < 0.1)
            {
                // A list of key points or a block of plain text beside the body is part of it; link rails are not.
                kept.Add(sibling);
            }
        }

        return kept;
    }

    private static bool ReadsLikeText(IElement paragraph, ElementStats s)
    {
        if (s.Text > 80)
        {
            return s.LinkDensity < 0.25;
        }

        return s.Text > 0 && s.LinkText == 0 && Dom.TextOf(paragraph).EndsWith('.');
    }
}
