using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Admin;
using NewsReader.Store;

namespace NewsReader.Tests.Admin;

/// <summary>Server-side sessions end after 30 idle minutes or 12 hours in all, and when revoked.</summary>
public sealed class SessionTimeoutTests : IAsyncLifetime
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-sessions-").FullName;
    private readonly ManualClock _clock = new();
    private UserStore _users = null!;
    private AdminUser _edna = null!;

    public async Task InitializeAsync()
    {
        var db = new Db(Path.Combine(_folder, "test.db"));
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync();
        _users = new UserStore(db, _clock);
        Assert.Null(await _users.AddAsync("edna", Roles.Editor, Newsroom.Password, CancellationToken.None));
        _edna = (await _users.FindAsync("edna", CancellationToken.None))!;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ThirtyIdleMinutes_EndTheSession()
    {
        var id = await _users.StartSessionAsync(_edna, CancellationToken.None);
        _clock.Now += TimeSpan.FromMinutes(29);
        Assert.NotNull(await _users.ValidateSessionAsync(id, CancellationToken.None));

        _clock.Now += TimeSpan.FromMinutes(30);

        Assert.Null(await _users.ValidateSessionAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task AnActiveSession_StillEndsAfterTwelveHours()
    {
        var id = await _users.StartSessionAsync(_edna, CancellationToken.None);
        // 35 requests, 20 minutes apart: active all along, 11 h 40 min in.
        for (var i = 0; i < 35; i++)
        {
            _clock.Now += TimeSpan.FromMinutes(20);
            Assert.NotNull(await _users.ValidateSessionAsync(id, CancellationToken.None));
        }

        _clock.Now += TimeSpan.FromMinutes(20);

        Assert.Null(await _users.ValidateSessionAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task ResetPassword_EndsSessions_AndOnlyTheNewPasswordWorks()
    {
        var id = await _users.StartSessionAsync(_edna, CancellationToken.None);

        Assert.Null(await _users.ResetPasswordAsync(_edna, "quiet-orchard-window-9", CancellationToken.None));

        Assert.Null(await _users.ValidateSessionAsync(id, CancellationToken.None));
        Assert.Null(await _users.VerifyAsync("edna", Newsroom.Password, CancellationToken.None));
        Assert.NotNull(await _users.VerifyAsync("EDNA", "quiet-orchard-window-9", CancellationToken.None));
    }

    [Fact]
    public async Task PasswordsAreStoredHashed_AndADisabledUserCannotSignIn()
    {
        Assert.DoesNotContain(Newsroom.Password, _edna.PasswordHash);
        Assert.StartsWith("AQAAAA", _edna.PasswordHash); // ASP.NET Core Identity v3 format: PBKDF2 with a random salt

        await _users.SetDisabledAsync(_edna, true, CancellationToken.None);

        Assert.Null(await _users.VerifyAsync("edna", Newsroom.Password, CancellationToken.None));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("has space")]
    [InlineData("<script>")]
    public async Task OddUserNames_AreRefused(string name) =>
        Assert.Equal(UserNames.Rule, await _users.AddAsync(name, Roles.Editor, Newsroom.Password, CancellationToken.None));
}
