using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Admin;
using NewsReader.Corrections;
using NewsReader.Ingestion;

namespace NewsReader.BrowserTests.Infrastructure;

/// <summary>
/// The newsroom side of the fixture, made through the app's own services: an editor and an admin (with a password made up
/// for this run; the app has none), one published amendment, one reader's report and one pending text to review,
/// so every admin page and "See what changed" have something real to show.
/// </summary>
public sealed class NewsroomSetup
{
    public const string EditorName = "edna-editor";

    public const string AdminName = "ada-admin";

    /// <summary>The generated article the fixture corrects (seed article stays untouched for the reading tests).</summary>
    public const string CorrectedSlug = "harbour-council-approves-plan-number-1-for-the-old-docks";

    public string Password { get; } = "browser-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public async Task PrepareAsync(LiveApp app)
    {
        var services = app.Services;
        var users = services.GetRequiredService<UserStore>();
        Assert.Null(await users.AddAsync(EditorName, Roles.Editor, Password, CancellationToken.None));
        Assert.Null(await users.AddAsync(AdminName, Roles.Admin, Password, CancellationToken.None));

        var corrections = services.GetRequiredService<CorrectionStore>();
        var live = await corrections.LiveRevisionAsync(CorrectedSlug, CancellationToken.None)
            ?? throw new InvalidOperationException($"The fixture article {CorrectedSlug} was not ingested.");
        var amended = live.BodyMarkdown.Replace("a long evening", "a short evening", StringComparison.Ordinal);
        Assert.NotEqual(live.BodyMarkdown, amended);
        var draft = new CorrectionDraft(CorrectionKind.Correction, "An earlier version said the debate took a long evening; it was short.", amended);
        var published = await corrections.PublishAsync(live.ArticleId, live.Id, draft, EditorName, CancellationToken.None);
        Assert.True(published.Ok, string.Join("; ", published.Problems));

        await services.GetRequiredService<ErrorReportStore>().AddAsync(
            live.ArticleId, "plan 1", "The plan number looks wrong to me.", "A reader", null, CancellationToken.None);

        // The source file changes after the correction: the app keeps the corrected text live and queues the new one for review.
        var file = Path.Combine(app.SeedsPath, "generated-01.txt");
        await File.AppendAllTextAsync(file, "Work is expected to start in the spring, the council said.\n");
        await services.GetRequiredService<Ingester>().IngestFolderAsync(app.SeedsPath, CancellationToken.None);
    }
}
