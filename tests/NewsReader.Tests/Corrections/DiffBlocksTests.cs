using Bunit;
using NewsReader.Corrections;
using NewsReader.Corrections.Components;

namespace NewsReader.Tests.Corrections;

/// <summary>What a reader sees of a change: whole figures, the text's own structure, and only the passages that changed.</summary>
public sealed class DiffBlocksTests : BunitContext
{
    [Theory]
    [InlineData("Turnout was 40 per cent.", "Turnout was 44 per cent.", "40", "44")]
    [InlineData("Inflation rose to 6.5% in May.", "Inflation rose to 6.8% in May.", "6.5%", "6.8%")]
    [InlineData("The bill came to $1,200 in all.", "The bill came to $1,250 in all.", "$1,200", "$1,250")]
    [InlineData("Talks began at 09:30 on Monday.", "Talks began at 10:15 on Monday.", "09:30", "10:15")]
    [InlineData("भारत की जनसंख्या बढ़ी है।", "भारत की आबादी बढ़ी है।", "जनसंख्या", "आबादी")]
    public void Numbers_AndWordsOfAnyScript_ChangeAsAUnit(string before, string after, string removed, string added)
    {
        var pieces = WordDiff.Between(before, after);

        Assert.Equal([removed], pieces.Where(p => p.Kind == DiffKind.Deleted).Select(p => p.Text));
        Assert.Equal([added], pieces.Where(p => p.Kind == DiffKind.Inserted).Select(p => p.Text));
    }

    [Fact]
    public void Between_KeepsHeadingsListsAndQuotes_OfTheMarkdown()
    {
        const string before = "## Results\n\nThe count ended late.\n\n- Ana Ruiz: 40%\n- Tom Okafor: 35%\n\n> We won, said Ruiz.";
        const string after = "## Results\n\nThe count ended late.\n\n- Ana Ruiz: 44%\n- Tom Okafor: 35%\n\n> We won, said Ruiz.";

        var blocks = DiffBlocks.Between(before, after);

        Assert.Equal(
            [DiffBlockKind.Heading, DiffBlockKind.Paragraph, DiffBlockKind.ListItem, DiffBlockKind.ListItem, DiffBlockKind.Quote],
            blocks.Select(b => b.Kind));
        Assert.Equal([false, false, true, false, false], blocks.Select(b => b.Changed));
        Assert.Equal("Results", string.Concat(blocks[0].Pieces.Select(p => p.Text)));
    }

    [Fact]
    public void Between_ARemovedParagraph_KeepsItsOwnKind()
    {
        var blocks = DiffBlocks.Between("Intro.\n\n1. First step\n2. Second step\n\nOutro.", "Intro.\n\n1. First step\n\nOutro.");

        var removed = Assert.Single(blocks, b => b.Changed);
        Assert.Equal(DiffBlockKind.OrderedListItem, removed.Kind);
        Assert.All(removed.Pieces, p => Assert.Equal(DiffKind.Deleted, p.Kind));
    }

    [Fact]
    public void DiffView_FoldsUnchangedParagraphs_AndStepsBetweenChanges()
    {
        var before = string.Join("\n\n", Enumerable.Range(1, 8).Select(i => $"Paragraph {Words[i]} stays as it was."));
        var after = before.Replace("Paragraph two stays", "Paragraph two changes", StringComparison.Ordinal)
            .Replace("Paragraph seven stays", "Paragraph seven changes", StringComparison.Ordinal);

        var view = Render<DiffView>(p => p.Add(c => c.Diff, DiffBlocks.Between(before, after)).Add(c => c.IdPrefix, "v2"));

        var folds = view.FindAll("details.diff-context");
        Assert.Equal(["Show context: 1 unchanged paragraph", "Show context: 4 unchanged paragraphs", "Show context: 1 unchanged paragraph"],
            folds.Select(d => d.QuerySelector("summary")!.TextContent.Trim()));
        Assert.Equal(2, view.FindAll(".diff > p > del").Count);
        Assert.NotNull(view.Find("#v2-change-1"));
        Assert.EndsWith("#v2-change-2", view.Find("#v2-change-1").ParentElement!.QuerySelector("a[aria-label^='Next change']")!.GetAttribute("href"));
        Assert.EndsWith("#v2-change-1", view.Find("#v2-change-2").ParentElement!.QuerySelector("a[aria-label^='Previous change']")!.GetAttribute("href"));
    }

    [Fact]
    public void DiffView_AReplacedNumber_ReadsAsTwoNumbers()
    {
        var view = Render<DiffView>(p => p.Add(c => c.Diff, DiffBlocks.Between("Turnout was 40 per cent.", "Turnout was 44 per cent.")));

        Assert.Contains("40 44", view.Find(".diff > p").TextContent);
    }

    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight"];
}
