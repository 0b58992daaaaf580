using NewsReader.Api;
using NewsReader.Articles;

namespace NewsReader.Corrections;

/// <summary>The corrections the JSON API lists on an article: published, not withdrawn, with the note as plain text.</summary>
public sealed class ApiCorrections(CorrectionStore corrections) : IArticleCorrections
{
    public async Task<IReadOnlyList<ArticleCorrection>> ForArticleAsync(long articleId, CancellationToken ct) =>
        (await corrections.ForArticleAsync(articleId, ct))
            .Where(c => !c.Withdrawn)
            .Select(c => new ArticleCorrection
            {
                RevisionNumber = c.RevisionNumber ?? 0,
                Kind = c.Kind,
                CorrectedAt = c.PublishedAt,
                CorrectedBy = c.CreatedBy,
                Note = BodyRenderer.ToPlainText(c.NoteMarkdown),
            })
            .ToList();
}
