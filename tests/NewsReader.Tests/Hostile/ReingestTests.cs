using Dapper;
using Microsoft.Data.Sqlite;
using NewsReader.Admin;
using NewsReader.Ingestion;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Corrections;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

/// <summary>Files renamed, edited, copied, deleted and restored, per format: no text is lost and no uncorrected text goes live.</summary>
public sealed class ReingestTests : IDisposable
{
    private const string Title = "Harbour minister resigns over ferry contract";
    private const string Opening = "The harbour minister resigned on Monday after an inquiry into the ferry contract.";
    private const string Edited = "The harbour minister resigned on Monday, hours after an inquiry into the ferry contract reported.";
    private const string Url = "https://gazette.example/2024/minister-resigns";

    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string> Formats => new() { "txt", "md", "html" };

    private static string Article(string format, string opening) => format switch
    {
        "txt" => Seeds.TextArticle(Title, paragraphs: [opening, "Officials said a successor would be named within the week."]),
        "md" => $"---\ntitle: {Title}\nsite: Harbour Gazette\nurl: {Url}\n---\n\n{opening}\n\nOfficials said a successor would be named within the week.\n",
        _ => $"<html><head><title>{Title}</title><link rel=\"canonical\" href=\"{Url}\"></head><body><article><h1>{Title}</h1><p>{opening}</p><p>Officials said a successor would be named within the week.</p></article></body></html>",
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Rename_KeepsOneArticle(string format)
    {
        await Write($"a.{format}", Article(format, Opening));
        await _app.IngestAsync();

        File.Move(Path.Combine(_app.SeedsPath, $"a.{format}"), Path.Combine(_app.SeedsPath, $"b.{format}"));
        await _app.IngestAsync();

        Assert.Equal([Opening], await LiveOpeningsAsync());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task RenameAndEdit_BecomesARevisionOfTheSameArticle_AndKeepsTheOldText(string format)
    {
        await Write($"a.{format}", Article(format, Opening));
        await _app.IngestAsync();

        File.Delete(Path.Combine(_app.SeedsPath, $"a.{format}"));
        await Write($"b.{format}", Article(format, Edited));
        var summary = await _app.IngestAsync();

        Assert.Equal(IngestionResult.Revised, summary.Outcomes.Single().Result);
        Assert.Equal([Edited], await LiveOpeningsAsync());
        Assert.Equal(2, await ScalarAsync<long>("SELECT COUNT(*) FROM article_revisions"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Copy_DeleteAndRestore_KeepOneArticleWithItsText(string format)
    {
        await Write($"a.{format}", Article(format, Opening));
        await _app.IngestAsync();
        File.Copy(Path.Combine(_app.SeedsPath, $"a.{format}"), Path.Combine(_app.SeedsPath, $"copy.{format}"));
        await _app.IngestAsync();
        var content = await File.ReadAllTextAsync(Path.Combine(_app.SeedsPath, $"a.{format}"));

        File.Delete(Path.Combine(_app.SeedsPath, $"a.{format}"));
        File.Delete(Path.Combine(_app.SeedsPath, $"copy.{format}"));
        await _app.IngestAsync();
        var missing = await ScalarAsync<bool>("SELECT source_missing FROM articles");
        await Write($"a.{format}", content);
        await _app.IngestAsync();

        Assert.True(missing);
        Assert.False(await ScalarAsync<bool>("SELECT source_missing FROM articles"));
        Assert.Equal([Opening], await LiveOpeningsAsync());
    }

    [Fact]
    public async Task AmendedArticle_RenamedAndEdited_WaitsForReview_AndTheCorrectionStaysLive()
    {
        await CorrectionDesk.SeedAsync(_app);
        var editor = await Newsroom.SignedInAsync(_app, "edna", Roles.Editor);
        await CorrectionDesk.PublishAsync(editor, "Correction", "The mayor's name was misspelt.", body => body.Replace("John Smith", "John Smyth", StringComparison.Ordinal));

        File.Delete(Path.Combine(_app.SeedsPath, CorrectionDesk.FileName));
        await Write("bridge-renamed.txt", CorrectionDesk.Article(second: "Traffic was diverted through the old town and the harbour road during the works."));
        var summary = await _app.IngestAsync();

        Assert.Equal(IngestionResult.PendingReview, summary.Outcomes.Single().Result);
        Assert.Equal(1, await ScalarAsync<long>("SELECT COUNT(*) FROM articles"));
        Assert.Contains("John Smyth", await ScalarAsync<string>("SELECT r.body_text FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id"), StringComparison.Ordinal);
    }

    private Task Write(string name, string content) => File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, name), content);

    private async Task<List<string>> LiveOpeningsAsync()
    {
        await using var c = await ConnectAsync();
        var bodies = await c.QueryAsync<string>("SELECT r.body_text FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id");
        return bodies.Select(b => b.Split('\n', StringSplitOptions.RemoveEmptyEntries).First(p => p.StartsWith("The harbour minister", StringComparison.Ordinal))).ToList();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var c = await ConnectAsync();
        return await c.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException(sql);
    }

    private Task<System.Data.Common.DbConnection> ConnectAsync() => _app.OpenDatabaseAsync();
}
