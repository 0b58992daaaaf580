using NewsReader.Corrections;

namespace NewsReader.Tests.Corrections;

public sealed class CorrectionRulesTests
{
    private const string Note = "An earlier version misspelled the mayor's name; he is John Smyth.";

    private static CorrectionRecord Published(string kind = "correction", string? withdrawnAt = null) =>
        new() { Id = 1, Kind = kind, NoteMarkdown = Note, WithdrawnAt = withdrawnAt, PublishedAt = "2024-03-04T10:00:00.000+00:00" };

    [Fact]
    public void ANoteThatCannotStandAlone_IsRefused() =>
        Assert.Contains("on its own", Assert.Single(CorrectionRules.Check(new CorrectionDraft(CorrectionKind.Correction, "Fixed.", null), "body")));

    [Fact]
    public void AGoodNote_WithOrWithoutAmendment_IsAccepted()
    {
        Assert.Empty(CorrectionRules.Check(new CorrectionDraft(CorrectionKind.Correction, Note, null), "body"));
        Assert.Empty(CorrectionRules.Check(new CorrectionDraft(CorrectionKind.Correction, Note, "new body"), "body"));
    }

    [Fact]
    public void EmptyingTheText_IsRefused() =>
        Assert.Single(CorrectionRules.Check(new CorrectionDraft(CorrectionKind.Correction, Note, "  \n "), "body"));

    [Theory]
    [InlineData("First para.\n\nSecond para.", "First para.\r\n\r\nSecond para.  \n", false)]
    [InlineData("First para.\n\nSecond para.", "First para.\n\nSecond paragraph.", true)]
    [InlineData("First para.", null, false)]
    public void OnlyARealChangeOfTextIsAnAmendment(string live, string? edited, bool amends) =>
        Assert.Equal(amends, CorrectionRules.IsAmendment(edited, live));

    [Fact]
    public void AWithdrawnCorrection_CannotBeEditedOrWithdrawnAgain()
    {
        var withdrawn = Published(withdrawnAt: "2024-03-05T10:00:00.000+00:00");

        Assert.Contains("withdrawn", Assert.Single(CorrectionRules.CheckEdit(withdrawn, CorrectionKind.Clarification, Note + " More.")));
        Assert.Contains("already withdrawn", Assert.Single(CorrectionRules.CheckWithdrawal(withdrawn, "Because.")));
    }

    [Fact]
    public void AnEditThatChangesNothing_IsRefused_ButAChangedTypeIsAnEdit()
    {
        Assert.Equal(["Nothing changed."], CorrectionRules.CheckEdit(Published(), CorrectionKind.Correction, Note + "  "));
        Assert.Empty(CorrectionRules.CheckEdit(Published(), CorrectionKind.Clarification, Note));
    }

    [Fact]
    public void AWithdrawalNeedsAReason() => Assert.Single(CorrectionRules.CheckWithdrawal(Published(), " "));

    [Theory]
    [InlineData(CorrectionKind.Correction, true, "Correction")]
    [InlineData(CorrectionKind.Clarification, true, "Clarification")]
    [InlineData(CorrectionKind.Update, false, "Update")]
    [InlineData(CorrectionKind.EditorsNote, false, "Editor's note")]
    public void KindsHaveALabelAndAPlace(CorrectionKind kind, bool top, string label)
    {
        Assert.Equal(top, kind.ShowsAtTop());
        Assert.Equal(label, kind.Label());
        Assert.Equal(kind, CorrectionKinds.FromDb(kind.ToDb()));
        Assert.Equal(kind, CorrectionKinds.Parse(kind.ToString()));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("correction")]
    [InlineData(null)]
    public void UnknownKindsFromAForm_AreNotGuessed(string? value) => Assert.Null(CorrectionKinds.Parse(value));
}
