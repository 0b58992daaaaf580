using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Extraction.Markdown;

/// <summary>Reads Markdown into plain-text blocks (headings, paragraphs, list items, table rows), walking iteratively.</summary>
public static class MarkdownBlocks
{
    // The same extensions as BodyRenderer's pipeline, so what is read as a table here renders as one there.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseFigures()
        .DisableHtml()
        .Build();

    /// <exception cref="ArticleRejectedException">Markdig refuses input nested past its depth limit.</exception>
    public static MarkdownDocument Parse(string markdown)
    {
        try
        {
            return Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArticleRejectedException("Markdown is nested too deeply to read safely.");
        }
    }

    public static List<string> PlainBlocks(MarkdownDocument document)
    {
        var blocks = new List<string>();
        var stack = new Stack<Block>();
        for (var i = document.Count - 1; i >= 0; i--)
        {
            stack.Push(document[i]);
        }

        while (stack.Count > 0)
        {
            Limits.ParseBudget.Check();
            switch (stack.Pop())
            {
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        var cells = row.OfType<TableCell>().Select(c => string.Join(" ", c.OfType<LeafBlock>().Select(l => InlineText(l.Inline)))).Where(c => c.Length > 0);
                        Add(blocks, string.Join(" | ", cells));
                    }

                    break;
                case CodeBlock code:
                    Add(blocks, code.Lines.ToString());
                    break;
                case LeafBlock leaf:
                    Add(blocks, InlineText(leaf.Inline));
                    break;
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        stack.Push(container[i]);
                    }

                    break;
            }
        }

        return blocks;
    }

    /// <summary>The text a reader sees in a run of inlines: markup, raw HTML tags and autolink brackets dropped.</summary>
    public static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var sb = new StringBuilder();
        var stack = new Stack<Inline>();
        for (var child = inline.LastChild; child is not null; child = child.PreviousSibling)
        {
            stack.Push(child);
        }

        while (stack.Count > 0)
        {
            Limits.ParseBudget.Check();
            switch (stack.Pop())
            {
                case LiteralInline literal:
                    sb.Append(literal.Content);
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case AutolinkInline auto:
                    sb.Append(auto.Url);
                    break;
                case ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Add(List<string> blocks, string text)
    {
        text = text.Trim();
        if (text.Length > 0)
        {
            blocks.Add(text);
        }
    }
}
