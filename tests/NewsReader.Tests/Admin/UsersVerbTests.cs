using Microsoft.Data.Sqlite;
using NewsReader.Admin;
using NewsReader.Cli;
using NewsReader.Store;

namespace NewsReader.Tests.Admin;

/// <summary>The command line is how the first account is made; these run the verb as the executable would.</summary>
[Collection(ConsoleInput.Name)]
public sealed class UsersVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-users-").FullName;

    private string DbArg => $"--NewsReader:DatabasePath={Path.Combine(_folder, "users.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<int> RunAsync(string stdin, params string[] args)
    {
        var original = Console.In;
        Console.SetIn(new StringReader(stdin));
        try
        {
            return await CommandLine.RunAsync([.. args, DbArg]);
        }
        finally
        {
            Console.SetIn(original);
        }
    }

    private async Task<AdminUser?> FindAsync(string name) =>
        await new UserStore(new Db(Path.Combine(_folder, "users.db")), TimeProvider.System).FindAsync(name, CancellationToken.None);

    [Fact]
    public async Task AddWithPasswordStdin_CreatesAnAccountThatCanSignIn()
    {
        Assert.Equal(0, await RunAsync("tangerine-harbour-lamp\n", "users", "add", "ada", "--role", "admin", "--password-stdin"));

        var ada = await FindAsync("ada");
        Assert.Equal(Roles.Admin, ada!.Role);
        Assert.NotNull(await new UserStore(new Db(Path.Combine(_folder, "users.db")), TimeProvider.System).VerifyAsync("ada", "tangerine-harbour-lamp", CancellationToken.None));
    }

    [Fact]
    public async Task AddAUserNamedLikeTheirRole_KeepsBothWords()
    {
        Assert.Equal(0, await RunAsync("tangerine-harbour-lamp\n", "users", "add", "admin", "--role", "admin", "--password-stdin"));

        Assert.Equal(Roles.Admin, (await FindAsync("admin"))!.Role);
    }

    [Theory]
    [InlineData("password123456\n")]
    [InlineData("short\n")]
    [InlineData("")]
    public async Task WeakOrMissingPasswords_CreateNothing(string stdin)
    {
        Assert.NotEqual(0, await RunAsync(stdin, "users", "add", "ada", "--role", "admin", "--password-stdin"));
        Assert.Null(await FindAsync("ada"));
    }

    [Fact]
    public async Task AnUnknownRole_IsRefused()
    {
        Assert.Equal(1, await RunAsync("tangerine-harbour-lamp\n", "users", "add", "ada", "--role", "owner", "--password-stdin"));
        Assert.Null(await FindAsync("ada"));
    }

    [Fact]
    public async Task DisableAndResetPassword_ChangeTheAccount()
    {
        await RunAsync("tangerine-harbour-lamp\n", "users", "add", "edna", "--role", "editor", "--password-stdin");

        Assert.Equal(0, await RunAsync("quiet-orchard-window-9\n", "users", "reset-password", "edna", "--password-stdin"));
        Assert.Equal(0, await RunAsync("", "users", "disable", "edna"));
        Assert.Equal(1, await RunAsync("", "users", "disable", "nobody"));

        Assert.True((await FindAsync("edna"))!.Disabled);
    }

    [Fact]
    public async Task WithoutATerminalOrPasswordStdin_ItRefusesToGuess()
    {
        // Test runners redirect standard input, so this is the "not a terminal" path.
        Assert.Equal(2, await RunAsync("tangerine-harbour-lamp\n", "users", "add", "ada", "--role", "admin"));
        Assert.Null(await FindAsync("ada"));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleInput
{
    public const string Name = "Console input";
}
