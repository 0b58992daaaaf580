namespace NewsReader.Corrections;

/// <summary>The article's live correction notices as schema.org CorrectionComment text and date.</summary>
public static class CorrectionJsonLd
{
    public static IEnumerable<(string Text, string DatePublished)> Items(IEnumerable<CorrectionRecord> corrections) =>
        corrections.Where(c => !c.Withdrawn)
            .Select(c => ($"{c.KindValue.Label()}: {Articles.BodyRenderer.ToPlainText(c.NoteMarkdown)}", c.PublishedAt));
}
