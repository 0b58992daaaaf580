namespace NewsReader.BrowserTests.Infrastructure;

/// <summary>Every public reading page that exists today, with the status it must answer. Add new pages here.</summary>
public static class PublicPages
{
    public static readonly (string Url, int Status)[] All =
    [
        ("/", 200),
        ("/?page=1&outlet=harbour-gazette", 200),
        ($"/articles/{SeedArticles.SeedSlug}", 200),
        ($"/articles/{SeedArticles.SeedSlug}/source", 200),
        ("/sources", 200),
        ($"/sources/{SeedArticles.SeedOutletSlug}", 200),
        ("/articles/no-such-article-here", 404),
        ("/search?q=docks", 200),
        ("/search", 200),
        ("/corrections", 200),
        ($"/articles/{NewsroomSetup.CorrectedSlug}/changes", 200),
        ($"/articles/{SeedArticles.SeedSlug}/report", 200),
        ("/api/docs", 200),
        ("/admin/login", 200),
    ];

    public static TheoryData<string> Urls()
    {
        var data = new TheoryData<string>();
        foreach (var (url, _) in All)
        {
            data.Add(url);
        }

        return data;
    }
}
