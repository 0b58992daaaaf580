namespace NewsReader.Corrections;

/// <summary>The four kinds of notice a newsroom appends to a story.</summary>
public enum CorrectionKind
{
    Correction,
    Clarification,
    Update,
    EditorsNote,
}

public static class CorrectionKinds
{
    public static readonly IReadOnlyList<CorrectionKind> All = Enum.GetValues<CorrectionKind>();

    public static string ToDb(this CorrectionKind kind) => kind switch
    {
        CorrectionKind.Correction => "correction",
        CorrectionKind.Clarification => "clarification",
        CorrectionKind.Update => "update",
        _ => "editors-note",
    };

    public static CorrectionKind? FromDb(string? value) => value switch
    {
        "correction" => CorrectionKind.Correction,
        "clarification" => CorrectionKind.Clarification,
        "update" => CorrectionKind.Update,
        "editors-note" => CorrectionKind.EditorsNote,
        _ => null,
    };

    /// <summary>The kind a form sent, by name only (Enum.TryParse would also take "7").</summary>
    public static CorrectionKind? Parse(string? name) =>
        All.Cast<CorrectionKind?>().FirstOrDefault(k => string.Equals(k.ToString(), name, StringComparison.Ordinal));

    public static string Label(this CorrectionKind kind) => kind == CorrectionKind.EditorsNote ? "Editor's note" : kind.ToString();

    /// <summary>Corrections and clarifications change what the reader should believe, so they come before the text.</summary>
    public static bool ShowsAtTop(this CorrectionKind kind) => kind is CorrectionKind.Correction or CorrectionKind.Clarification;
}

/// <summary>A correction as stored, with its article.</summary>
public sealed record CorrectionRecord
{
    public long Id { get; init; }
    public long ArticleId { get; init; }
    public string Kind { get; init; } = "";
    public string NoteMarkdown { get; init; } = "";
    public string NoteHtml { get; init; } = "";
    public long? RevisionId { get; init; }

    /// <summary>The number of the revision the amendment created; null for a note without a text change.</summary>
    public int? RevisionNumber { get; init; }
    public long? PreviousRevisionId { get; init; }
    public string PublishedAt { get; init; } = "";
    public string CreatedBy { get; init; } = "";
    public string? EditedAt { get; init; }
    public string? EditedBy { get; init; }
    public string? WithdrawnAt { get; init; }
    public string? WithdrawnReason { get; init; }
    public string ArticleSlug { get; init; } = "";
    public string ArticleTitle { get; init; } = "";
    public string? OutletName { get; init; }

    public CorrectionKind KindValue => CorrectionKinds.FromDb(Kind) ?? CorrectionKind.Correction;

    public bool Withdrawn => WithdrawnAt is not null;

    public bool Amended => RevisionId is not null;
}

/// <summary>The text of one revision, for editing and diffs.</summary>
public sealed record RevisionText
{
    public long Id { get; init; }
    public long ArticleId { get; init; }
    public int Number { get; init; }
    public string Origin { get; init; } = "";
    public string Status { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Byline { get; init; }
    public string BodyMarkdown { get; init; } = "";
    public string BodyText { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string? CreatedBy { get; init; }
    public string ArticleSlug { get; init; } = "";
    public string ArticleTitle { get; init; } = "";
}

/// <summary>A reader's error report.</summary>
public sealed record ErrorReport
{
    public long Id { get; init; }
    public long ArticleId { get; init; }
    public string Passage { get; init; } = "";
    public string Problem { get; init; } = "";
    public string? ReporterName { get; init; }
    public string? ReporterEmail { get; init; }
    public string Status { get; init; } = "new";
    public long? CorrectionId { get; init; }
    public string CreatedAt { get; init; } = "";
    public string? UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }
    public string ArticleSlug { get; init; } = "";
    public string ArticleTitle { get; init; } = "";
}

public static class ReportStatuses
{
    public static readonly IReadOnlyList<string> All = ["new", "investigating", "corrected", "declined"];

    public static bool IsValid(string? status) => status is not null && All.Contains(status);
}

/// <summary>What an editor submits to file or edit a correction.</summary>
public sealed record CorrectionDraft(CorrectionKind Kind, string Note, string? AmendedBody);
