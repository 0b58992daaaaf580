using Dapper;
using System.Data.Common;
using NewsReader.Store;

namespace NewsReader.Images;

/// <summary>An image saved beside an article file, kept by the SHA-256 of its bytes: the same picture is stored once.</summary>
public sealed record StoredImage(string Sha256, ImageFormat Format, byte[] Bytes)
{
    /// <summary>Where the app serves it; the address never changes, as the bytes behind it cannot.</summary>
    public string Url => $"/media/{Sha256}.{Format.Extension}";
}

/// <summary>A stored image as served.</summary>
public sealed record ImageFile
{
    public string Extension { get; init; } = "";
    public string ContentType { get; init; } = "";
    public byte[] Bytes { get; init; } = [];
    public string CreatedAt { get; init; } = "";
}

/// <summary>The media table: images stored with the articles that show them, in the same SQLite file (one file to back up).</summary>
public sealed class ImageStore(Db db)
{
    private const string InsertSql = """
        INSERT INTO media (sha256, extension, content_type, width, height, size_bytes, bytes, created_at)
        VALUES (@Sha256, @Extension, @ContentType, @Width, @Height, @Size, @Bytes, @Now)
        ON CONFLICT (sha256) DO NOTHING
        """;

    private const string FindSql = """
        SELECT extension, content_type AS ContentType, bytes, created_at AS CreatedAt FROM media WHERE sha256 = @sha256
        """;

    /// <summary>Stores images inside the caller's transaction (the article's); an image already stored is left as it is.</summary>
    public static async Task SaveAsync(DbTransaction tx, IEnumerable<StoredImage> images)
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        foreach (var image in images)
        {
            await tx.Connection!.ExecuteAsync(InsertSql, new
            {
                image.Sha256, image.Format.Extension, image.Format.ContentType, image.Format.Width, image.Format.Height,
                Size = image.Bytes.LongLength, image.Bytes, Now = now,
            }, tx);
        }
    }

    public async Task<ImageFile?> FindAsync(string sha256, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ImageFile>(new CommandDefinition(FindSql, new { sha256 }, cancellationToken: ct));
    }
}
