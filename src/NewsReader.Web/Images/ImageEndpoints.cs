using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace NewsReader.Images;

/// <summary>
/// GET /media/{sha256}.{ext}: a stored image with the content type its bytes were recognised as (never one the file name
/// claimed), nosniff (from the security headers on every response), and a year's immutable caching, as the address is
/// the hash of the bytes.
/// </summary>
public static partial class ImageEndpoints
{
    [GeneratedRegex("^([0-9a-f]{64})\\.(png|jpg|gif|webp|avif)$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaName();

    public static async Task<IResult> GetAsync(string name, ImageStore store, HttpContext context, CancellationToken ct)
    {
        var match = MediaName().Match(name);
        if (!match.Success || await store.FindAsync(match.Groups[1].Value, ct) is not { } file || file.Extension != match.Groups[2].Value)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(file.Bytes, file.ContentType, entityTag: new EntityTagHeaderValue($"\"{match.Groups[1].Value}\""),
            lastModified: DateTimeOffset.TryParse(file.CreatedAt, out var created) ? created : null);
    }
}
