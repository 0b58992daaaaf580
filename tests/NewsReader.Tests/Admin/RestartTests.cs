using System.Net;
using NewsReader.Admin;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Admin;

/// <summary>
/// The app restarted (here: run again from another home folder, as after a redeploy to a fresh machine or container)
/// keeps its editors signed in: the keys that sign their cookies are in the database, not in the home folder.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("newsreader-restart-").FullName;
    private TestDatabase _database = null!;

    public Task InitializeAsync()
    {
        _database = TestDatabase.Create(_root);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ACookieIssuedBeforeARestart_StillSignsIn()
    {
        var settings = new Dictionary<string, string?>(_database.Settings) { ["NewsReader:WatchSeeds"] = "false" };
        Cookie session;
        await using (var before = await AppNode.StartAsync("before", _root, settings))
        {
            await AddEditorAsync();
            var cookies = new CookieContainer();
            using var client = before.Client(cookies);
            Assert.Equal("/admin", (await Newsroom.SignInAsync(client, "edna", Newsroom.Password)).Headers.Location!.OriginalString);
            session = cookies.GetCookies(before.BaseAddress)[SessionCookie.Name]!;
        }

        await using var after = await AppNode.StartAsync("after", _root, settings);
        using var again = after.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        var desk = await Newsroom.ParseAsync(await again.SendAsync(request), "/admin");

        Assert.Contains("Signed in as edna", desk.QuerySelector(".admin-nav")?.TextContent);
    }

    private async Task AddEditorAsync()
    {
        await using var db = _database.OpenStore();
        Assert.Null(await new UserStore(db, TimeProvider.System).AddAsync("edna", Roles.Editor, Newsroom.Password, CancellationToken.None));
    }
}
