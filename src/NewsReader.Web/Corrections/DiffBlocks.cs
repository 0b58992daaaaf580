using System.Text.RegularExpressions;
using NewsReader.Articles;

namespace NewsReader.Corrections;

public enum DiffBlockKind
{
    Paragraph,
    Heading,
    ListItem,
    OrderedListItem,
    Quote,
}

/// <summary>One block of a diff (a paragraph, a heading, a list item, a quote) and its word-level pieces.</summary>
public sealed record DiffBlock(DiffBlockKind Kind, IReadOnlyList<DiffPiece> Pieces)
{
    public bool Changed => WordDiff.HasChanges(Pieces);
}

/// <summary>
/// A word diff that keeps the text's structure: both Markdown texts are cut into blocks (headings, list items, quotes,
/// paragraphs), their plain text is diffed word by word as one text, and each block of the result takes the kind of
/// the block it came from (the new text's, or the old one's for a block that was removed).
/// </summary>
public static partial class DiffBlocks
{
    public static IReadOnlyList<DiffBlock> Between(string beforeMarkdown, string afterMarkdown)
    {
        var before = Parse(beforeMarkdown);
        var after = Parse(afterMarkdown);
        var pieces = WordDiff.Between(string.Join("\n\n", before.Select(b => b.Text)), string.Join("\n\n", after.Select(b => b.Text)));
        return Split(pieces, before.Select(b => b.Kind).ToList(), after.Select(b => b.Kind).ToList());
    }

    /// <summary>Plain texts (a headline): paragraphs only.</summary>
    public static IReadOnlyList<DiffBlock> BetweenPlain(string before, string after) =>
        Split(WordDiff.Between(before, after), [], []);

    private static List<DiffBlock> Split(IReadOnlyList<DiffPiece> pieces, IReadOnlyList<DiffBlockKind> beforeKinds, IReadOnlyList<DiffBlockKind> afterKinds)
    {
        var blocks = new List<DiffBlock>();
        var current = new List<DiffPiece>();
        int beforeIndex = 0, afterIndex = 0;
        var hasAfter = false;
        void Close()
        {
            if (current.Count > 0)
            {
                var kinds = hasAfter ? afterKinds : beforeKinds;
                var index = hasAfter ? afterIndex : beforeIndex;
                blocks.Add(new DiffBlock(index < kinds.Count ? kinds[index] : DiffBlockKind.Paragraph, current));
            }

            current = [];
            hasAfter = false;
        }

        foreach (var piece in pieces)
        {
            var parts = BlockBreak().Split(piece.Text);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    Close();
                    // A break in text both sides share moves on in both; an inserted or deleted break only on its own side.
                    beforeIndex += piece.Kind == DiffKind.Inserted ? 0 : 1;
                    afterIndex += piece.Kind == DiffKind.Deleted ? 0 : 1;
                }

                if (parts[i].Length > 0)
                {
                    current.Add(piece with { Text = parts[i] });
                    hasAfter |= piece.Kind != DiffKind.Deleted;
                }
            }
        }

        Close();
        return blocks;
    }

    private sealed record Block(DiffBlockKind Kind, string Text);

    /// <summary>The blocks of a Markdown text, each list item on its own, as plain text.</summary>
    private static List<Block> Parse(string markdown)
    {
        var blocks = new List<Block>();
        foreach (var chunk in BlankLines().Split(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var lines = chunk.Split('\n');
            if (lines.All(l => l.Length == 0))
            {
                continue;
            }

            if (ListItem().IsMatch(lines[0]))
            {
                // A list: each item starts at a marker; lines without one continue the item before.
                var items = new List<(bool Ordered, string Text)>();
                foreach (var line in lines)
                {
                    var m = ListItem().Match(line);
                    if (m.Success)
                    {
                        items.Add((char.IsDigit(m.Value.TrimStart()[0]), line[m.Length..]));
                    }
                    else if (items.Count > 0)
                    {
                        items[^1] = (items[^1].Ordered, items[^1].Text + "\n" + line.Trim());
                    }
                }

                blocks.AddRange(items.Select(i => new Block(i.Ordered ? DiffBlockKind.OrderedListItem : DiffBlockKind.ListItem, Plain(i.Text))));
                continue;
            }

            var kind = Heading().IsMatch(lines[0]) ? DiffBlockKind.Heading : lines[0].TrimStart().StartsWith('>') ? DiffBlockKind.Quote : DiffBlockKind.Paragraph;
            blocks.Add(new Block(kind, Plain(chunk)));
        }

        return blocks.Where(b => b.Text.Length > 0).ToList();
    }

    // Plain text of one block, on one line: a break inside it must not read as a block break to the splitter.
    private static string Plain(string markdown) => Whitespace().Replace(BodyRenderer.ToPlainText(markdown), " ");

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlockBreak();

    [GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s{0,3}#{1,6}(?:\s|$)")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex Whitespace();
}
