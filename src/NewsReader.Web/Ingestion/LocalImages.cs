using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NewsReader.Extraction;
using NewsReader.Images;

namespace NewsReader.Ingestion;

/// <summary>
/// The images a parsed page names beside it (a saved page's "_files" folder, a Markdown file's relative paths): each is
/// read only from inside the seeds folder (no "..", no link out, <see cref="SeedFiles.MayRead"/>), under the size limit,
/// and only when its bytes are a real raster image (<see cref="ImageFormats"/>). The body then points at the stored copy,
/// /media/{sha256}.{ext}, with a "#640x480" size hint: the page's own when it gave one, else the image's. An image that
/// cannot be stored is a warning; the article is stored all the same and shows the image's alt text, or, when no such
/// file is there and the page names its web address, the picture from the page's site.
/// </summary>
public static partial class LocalImages
{
    [GeneratedRegex("#[0-9]{1,5}x[0-9]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex SizeHint();

    public static async Task<(ParsedArticle Article, IReadOnlyList<StoredImage> Images)> StoreAsync(
        ParsedArticle parsed, string root, NewsReaderOptions options, CancellationToken ct)
    {
        if (parsed.Images.Count == 0)
        {
            return (parsed, []);
        }

        var warnings = parsed.Warnings.ToList();
        var images = new Dictionary<string, StoredImage>(StringComparer.Ordinal);
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in parsed.Images)
        {
            var (image, problem, onDisk) = await ReadAsync(reference.Path, root, options, ct);
            if (image is null)
            {
                // A page saved without its pictures still names them relative to where it came from.
                var web = onDisk ? null : OnTheWeb(reference.Url, parsed.CanonicalUrl);
                if (web is not null)
                {
                    addresses[reference.Url] = web;
                }

                var shown = SafeText.Clean(reference.Url.Length > 200 ? reference.Url[..200] + "…" : reference.Url);
                warnings.Add($"Image \"{shown}\" not stored: {problem}{(web is null ? "" : "; shown from the page's site instead")}.");
                continue;
            }

            images.TryAdd(image.Sha256, image);
            var hint = SizeHint().Match(reference.Url) is { Success: true } given ? given.Value
                : image.Format is { Width: { } w, Height: { } h } ? string.Create(CultureInfo.InvariantCulture, $"#{w}x{h}") : "";
            addresses[reference.Url] = image.Url + hint;
        }

        var article = parsed with { BodyMarkdown = ImageReferences.Replace(parsed.BodyMarkdown, addresses), Warnings = warnings };
        return (article, images.Values.ToList());
    }

    /// <summary>The relative address made absolute against the page's own web address (http or https only), or null.</summary>
    private static string? OnTheWeb(string url, string? canonical) =>
        Uri.TryCreate(canonical, UriKind.Absolute, out var page) && page.Scheme is "http" or "https" && Uri.TryCreate(page, url, out var web)
            ? web.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            : null;

    /// <returns>The stored image, or why not and whether a file was there at all.</returns>
    private static async Task<(StoredImage? Image, string? Problem, bool OnDisk)> ReadAsync(string path, string root, NewsReaderOptions options, CancellationToken ct)
    {
        if (!SeedFiles.MayRead(root, path, options.FollowLinksInsideSeeds))
        {
            return (null, "it is outside the seeds folder, hidden, or behind a symbolic link", File.Exists(path));
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return (null, "no such file beside the page", false);
        }

        if (file.Length > options.MaxImageBytes)
        {
            return (null, $"{file.Length:N0} bytes, over the {options.MaxImageBytes:N0}-byte limit", true);
        }

        byte[] bytes;
        try
        {
            bytes = await ParserRegistry.ReadAsync(path, options.MaxImageBytes, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArticleRejectedException)
        {
            return (null, $"it cannot be read ({e.Message})", true);
        }

        return ImageFormats.Recognise(bytes) is { } format
            ? (new StoredImage(Convert.ToHexStringLower(SHA256.HashData(bytes)), format, bytes), null, true)
            : (null, "not a PNG, JPEG, GIF, WebP or AVIF image (SVG and other files are not served)", true);
    }
}
