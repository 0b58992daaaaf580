using NewsReader.Corrections;

namespace NewsReader.Tests.Corrections;

public sealed class WordDiffTests
{
    [Fact]
    public void AChangedName_MarksOnlyThatWord()
    {
        var pieces = WordDiff.Between("The mayor, John Smith, said so.", "The mayor, John Smyth, said so.");

        Assert.Equal(
            [new(DiffKind.Same, "The mayor, John "), new(DiffKind.Deleted, "Smith"), new(DiffKind.Inserted, "Smyth"), new(DiffKind.Same, ", said so.")],
            pieces);
    }

    [Fact]
    public void PiecesRebuildBothTexts()
    {
        const string before = "One two three.\n\nFour five six.";
        const string after = "One 2 three.\n\nFour five six seven.";

        var pieces = WordDiff.Between(before, after);

        Assert.Equal(before, string.Concat(pieces.Where(p => p.Kind != DiffKind.Inserted).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(pieces.Where(p => p.Kind != DiffKind.Deleted).Select(p => p.Text)));
    }

    [Fact]
    public void SameText_HasNoChanges() => Assert.False(WordDiff.HasChanges(WordDiff.Between("Same words.", "Same words.")));

    [Fact]
    public void Paragraphs_SplitAtBlankLines_KeepingTheKindOnBothSides()
    {
        var pieces = WordDiff.Between("One.\n\nTwo.", "One.\n\nNew paragraph.\n\nTwo.");

        var paragraphs = WordDiff.Paragraphs(pieces);

        Assert.Equal(["One.", "New paragraph.", "Two."], paragraphs.Select(p => string.Concat(p.Select(x => x.Text))));
        Assert.All(paragraphs[1], p => Assert.Equal(DiffKind.Inserted, p.Kind));
    }
}
