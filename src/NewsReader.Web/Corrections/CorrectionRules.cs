namespace NewsReader.Corrections;

/// <summary>The newsroom's rules for a correction, checked before anything is stored.</summary>
public static class CorrectionRules
{
    /// <summary>A note must say what was wrong and what is right, which takes more than a few words.</summary>
    public const int MinNoteLength = 20;
    public const int MaxNoteLength = 4000;
    public const int MaxBodyLength = 500_000;

    /// <summary>Problems with a new correction; empty when it may be published.</summary>
    public static IReadOnlyList<string> Check(CorrectionDraft draft, string liveBodyMarkdown)
    {
        var problems = CheckNote(draft.Note);
        if (draft.AmendedBody is { } body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                problems.Add("The amended text is empty. To correct without changing the text, leave the text as it is.");
            }
            else if (body.Length > MaxBodyLength)
            {
                problems.Add($"The amended text is longer than {MaxBodyLength:N0} characters.");
            }
        }

        return problems;
    }

    /// <summary>Problems with an edit of a published correction; the text amendment itself cannot be edited, only the notice.</summary>
    public static IReadOnlyList<string> CheckEdit(CorrectionRecord current, CorrectionKind kind, string note)
    {
        if (current.Withdrawn)
        {
            return ["A withdrawn correction cannot be edited; it stays in the record as it was."];
        }

        var problems = CheckNote(note);
        if (problems.Count == 0 && kind == current.KindValue && Normalize(note) == Normalize(current.NoteMarkdown))
        {
            problems.Add("Nothing changed.");
        }

        return problems;
    }

    public static IReadOnlyList<string> CheckWithdrawal(CorrectionRecord current, string reason)
    {
        if (current.Withdrawn)
        {
            return ["This correction is already withdrawn."];
        }

        return string.IsNullOrWhiteSpace(reason) ? ["Say why the correction is withdrawn; readers see the reason."] : [];
    }

    /// <summary>True when the editor actually changed the text (line endings and trailing space do not count).</summary>
    public static bool IsAmendment(string? amended, string live) => amended is not null && Normalize(amended) != Normalize(live);

    public static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();

    private static List<string> CheckNote(string note)
    {
        var problems = new List<string>();
        var trimmed = note.Trim();
        if (trimmed.Length < MinNoteLength)
        {
            problems.Add($"Write a note of at least {MinNoteLength} characters that makes sense on its own: what was wrong, and what is right.");
        }
        else if (trimmed.Length > MaxNoteLength)
        {
            problems.Add($"The note is longer than {MaxNoteLength:N0} characters.");
        }

        return problems;
    }
}
