using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Model;

namespace NewsReader.Corrections;

public enum DiffKind
{
    Same,
    Deleted,
    Inserted,
}

public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>Word-level differences between two texts (DiffPlex over words and the spaces between them).</summary>
public static partial class WordDiff
{
    private static readonly Differ Differ = new();
    private static readonly WordsAndSpaces Chunker = new();

    public static IReadOnlyList<DiffPiece> Between(string before, string after)
    {
        var result = Differ.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        var pieces = new List<DiffPiece>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(pieces, DiffKind.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(pieces, DiffKind.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(pieces, DiffKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(pieces, DiffKind.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        return pieces;
    }

    /// <summary>Splits the pieces at blank lines, so a diff reads as paragraphs even without a stylesheet.</summary>
    public static IReadOnlyList<IReadOnlyList<DiffPiece>> Paragraphs(IReadOnlyList<DiffPiece> pieces)
    {
        var paragraphs = new List<IReadOnlyList<DiffPiece>>();
        var current = new List<DiffPiece>();
        foreach (var piece in pieces)
        {
            var parts = ParagraphBreak().Split(piece.Text);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }

                if (parts[i].Length > 0)
                {
                    current.Add(piece with { Text = parts[i] });
                }
            }
        }

        paragraphs.Add(current);
        return paragraphs.Where(p => p.Count > 0).ToList();
    }

    public static bool HasChanges(IReadOnlyList<DiffPiece> pieces) => pieces.Any(p => p.Kind != DiffKind.Same);

    private static void Add(List<DiffPiece> pieces, DiffKind kind, IReadOnlyList<string> source, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(source.Skip(start).Take(count));
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(kind, text));
        }
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();

    // In order: whitespace; a number with its sign, currency, separators and unit ("-6.5%", "$1,200", "12:30", "3½");
    // a word, with the combining marks of scripts such as Devanagari and the joiners inside emoji and Indic words; any
    // other single character.
    [GeneratedRegex(@"\s+|[-+−]?[$€£¥₹]?\p{N}+(?:[.,:/]\p{N}+)*(?:%|‰|\p{Sc})?|[\p{L}\p{M}\p{N}'’\-\u200C\u200D]+|[^\s\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>
    /// Words, numbers, runs of whitespace and single punctuation marks each become a piece, so "Smith," vs "Smyth," marks
    /// only the name and 6.5% → 6.8% replaces the whole figure rather than a digit.
    /// </summary>
    private sealed class WordsAndSpaces : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => Token().Matches(text).Select(m => m.Value).ToArray();
    }
}
