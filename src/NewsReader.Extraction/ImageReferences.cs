using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsReader.Extraction.Markdown;

namespace NewsReader.Extraction;

/// <summary>
/// An image the body shows from a file beside the page: <paramref name="Url"/> exactly as the body's Markdown gives it
/// ("photo_files/a.jpg", "./images/b.png#640x480"), <paramref name="Path"/> that address resolved against the page file's
/// folder. Nothing here reads the file: whether it exists, stays inside the seeds folder and is an image is the caller's call.
/// </summary>
public sealed record ImageReference(string Url, string Path);

/// <summary>The images of a body that are relative paths (not web addresses, not site paths), resolved against the page's folder.</summary>
public static class ImageReferences
{
    public static IReadOnlyList<ImageReference> Find(string bodyMarkdown, string pagePath)
    {
        // Cheap gate: bodies without an image (every text file: its brackets are escaped) are not parsed again.
        if (!bodyMarkdown.Contains("![", StringComparison.Ordinal))
        {
            return [];
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(pagePath)) ?? "";
        var found = new List<ImageReference>();
        foreach (var image in MarkdownBlocks.Parse(bodyMarkdown).Descendants<LinkInline>().Where(l => l.IsImage))
        {
            if (image.Url is { } url && LocalPath(url) is { } relative && found.All(f => f.Url != url))
            {
                found.Add(new ImageReference(url, System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, relative))));
            }
        }

        return found;
    }

    /// <summary>
    /// The Markdown with the addresses of its images replaced (<paramref name="addresses"/>: old address to new), in
    /// inline images and in the reference definitions images use; every other character stays as it was.
    /// </summary>
    public static string Replace(string bodyMarkdown, IReadOnlyDictionary<string, string> addresses)
    {
        if (addresses.Count == 0)
        {
            return bodyMarkdown;
        }

        var document = MarkdownBlocks.Parse(bodyMarkdown);
        var spans = document.Descendants<LinkInline>().Where(l => l.IsImage && l.Reference is null).Select(l => (l.Url, l.UrlSpan))
            .Concat(document.Descendants<LinkReferenceDefinition>().Select(d => (d.Url, d.UrlSpan)))
            .Where(s => s.Url is not null && addresses.ContainsKey(s.Url) && !s.UrlSpan.IsEmpty && s.UrlSpan.End < bodyMarkdown.Length)
            .OrderByDescending(s => s.UrlSpan.Start);
        var md = new System.Text.StringBuilder(bodyMarkdown);
        foreach (var (url, span) in spans)
        {
            md.Remove(span.Start, span.Length).Insert(span.Start, addresses[url!]);
        }

        return md.ToString();
    }

    /// <summary>The file path a relative image address names, or null for web addresses, site paths, data: and the like.</summary>
    public static string? LocalPath(string url)
    {
        var path = url.Split('#', 2)[0].Split('?', 2)[0].Trim();
        if (path.Length == 0 || path[0] is '/' or '\\' || path.Contains(':', StringComparison.Ordinal))
        {
            return null; // "/img/a.jpg" is on the publisher's site; "https:", "data:", "C:" are not paths beside the page
        }

        try
        {
            path = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }

        return path.Replace('\\', '/').Contains('\0', StringComparison.Ordinal) ? null : path.Replace('/', System.IO.Path.DirectorySeparatorChar);
    }
}
