namespace NewsReader.Extraction;

/// <summary>
/// One input format. To add a format, implement this and add it to <see cref="ArticleParsers.All"/>;
/// the ingestion pipeline, store and pages need no change.
/// </summary>
public interface IArticleParser
{
    /// <summary>Short name reported by <c>parse</c> and kept in provenance: text, html, markdown.</summary>
    string Format { get; }

    /// <summary>Bumped when the parser's output changes, so provenance says which rules made a revision.</summary>
    string Version { get; }

    bool CanParse(string path);

    /// <exception cref="ArticleRejectedException">The file cannot be an article; the message says why.</exception>
    ParsedArticle Parse(ReadOnlySpan<byte> content, string path);
}

/// <summary>A file that cannot be an article. The message is shown to the user as the reason.</summary>
public sealed class ArticleRejectedException(string reason) : Exception(reason);
