namespace NewsReader.Extraction.Limits;

/// <summary>
/// Refuses, before parsing, file shapes that no real article has and that the Markdown and HTML libraries handle in
/// worse than linear time (measured with <c>bench-parse</c>): lists and quotes nested past the depth limit, thousands of
/// link reference definitions, table bombs. One pass over the bytes; a refusal names the shape and the limit.
/// </summary>
public static class ShapeGuard
{
    /// <summary>The reason the file is refused, or null when its shape is within the limits.</summary>
    public static string? Check(string path, ReadOnlySpan<byte> content, ParseLimits limits)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".md" => Markdown(content, limits),
            ".html" or ".htm" => Html(content, limits),
            _ => null,
        };
    }

    private static string? Markdown(ReadOnlySpan<byte> content, ParseLimits limits)
    {
        var references = 0;
        var cells = 0;
        var depth = 0;
        // YAML front matter has its own depth guard (FrontMatter); its indented "- " lines are not Markdown lists.
        var inFront = content.StartsWith("---\n"u8) || content.StartsWith("---\r\n"u8);
        var first = true;
        foreach (var range in content.Split((byte)'\n'))
        {
            var line = content[range];
            if (inFront)
            {
                var trimmed = line.TrimEnd("\r \t"u8);
                inFront = first || !(trimmed.SequenceEqual("---"u8) || trimmed.SequenceEqual("..."u8));
                first = false;
                continue;
            }
            var indent = 0;
            var quotes = 0;
            while (indent < line.Length && line[indent] is (byte)' ' or (byte)'\t' or (byte)'>')
            {
                quotes += line[indent] == '>' ? 1 : 0;
                indent += 1;
            }

            var rest = line[indent..];
            if (rest.Length > 1 && (rest[0] is (byte)'-' or (byte)'*' or (byte)'+' || char.IsAsciiDigit((char)rest[0])))
            {
                depth = Math.Max(depth, indent / 2 + quotes);
            }
            else
            {
                depth = Math.Max(depth, quotes);
            }

            if (rest.Length > 3 && rest[0] == '[' && rest.IndexOf("]:"u8) > 0)
            {
                references++;
            }

            if (rest.Length > 0 && rest[0] == '|')
            {
                cells += rest.Count((byte)'|');
            }
        }

        return depth > limits.MaxDepth ? $"Markdown is nested too deeply to read safely: lists or quotes about {depth:N0} deep, over the {limits.MaxDepth:N0} limit."
            : references > limits.MaxLinkReferences ? $"The Markdown has {references:N0} link reference definitions, over the {limits.MaxLinkReferences:N0} limit; it was refused."
            : cells > limits.MaxTableCells ? $"The Markdown has tables of about {cells:N0} cells, over the {limits.MaxTableCells:N0} limit; it was refused."
            : null;
    }

    private static string? Html(ReadOnlySpan<byte> content, ParseLimits limits)
    {
        var cells = 0;
        for (var i = content.IndexOf("<t"u8); i >= 0 && i + 3 < content.Length; i = NextTag(content, i + 3))
        {
            if (content[i + 2] is (byte)'d' or (byte)'D' or (byte)'h' or (byte)'H' && content[i + 3] is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\n')
            {
                cells++;
            }
        }

        return cells > limits.MaxTableCells ? $"The page has tables of {cells:N0} cells, over the {limits.MaxTableCells:N0} limit; it was refused." : null;
    }

    private static int NextTag(ReadOnlySpan<byte> content, int from)
    {
        var next = content[from..].IndexOf("<t"u8);
        return next < 0 ? -1 : from + next;
    }
}
