namespace NewsReader.BrowserTests.Infrastructure;

/// <summary>The signed-in pages: what an editor sees, and what only an admin sees. Add new admin pages here.</summary>
public static class NewsroomPages
{
    public static readonly string[] Editor =
    [
        "/admin",
        $"/admin/articles/{SeedArticles.SeedSlug}/correct",
        "/admin/corrections",
        "/admin/reports",
        "/admin/pending",
    ];

    public static readonly string[] Admin = ["/admin/users", "/admin/audit"];

    /// <summary>Every page with the user who opens it: editors their pages, the admin the user-management ones.</summary>
    public static IEnumerable<(string Url, string User)> WithUser() =>
        Editor.Select(url => (url, NewsroomSetup.EditorName)).Concat(Admin.Select(url => (url, NewsroomSetup.AdminName)));
}
