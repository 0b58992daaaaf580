using System.Text;
using Dapper;
using Npgsql;
using NewsReader.Extraction;
using NewsReader.Search.Highlighting;
using NewsReader.Tests.Infrastructure;
using NewsReader.Tests.Search;

namespace NewsReader.Tests.Postgres;

/// <summary>
/// What only PostgreSQL's search index does or could get wrong: its triggers follow writes SQLite's index has no trigger
/// for, a body longer than a tsvector may hold, and its word splitting against the app's.
/// </summary>
public sealed class PostgresSearchTests : IDisposable
{
    private readonly NewsReaderApp _app = new(database: TestDatabase.CreatePostgres());

    public void Dispose() => _app.Dispose();

    private Task<List<string>> TitlesAsync(string q) => _app.SearchTitlesAsync(q);

    [Fact]
    public async Task RenamedOutlet_IsFoundByItsNewNameOnly()
    {
        await _app.SeedAsync(("tide.txt", Seeds.TextArticle("Tide report", "Harbour Gazette", paragraphs: ["The tide came in."])));
        await using (var c = await _app.OpenDatabaseAsync())
        {
            await c.ExecuteAsync("UPDATE outlets SET name = 'Coastal Herald' WHERE name = 'Harbour Gazette'");
        }

        Assert.Equal(["Tide report"], await TitlesAsync("source:coastal"));
        Assert.Empty(await TitlesAsync("source:gazette"));
    }

    [Fact]
    public async Task LiveTextChangedInPlace_IsSearchedAsItNowReads()
    {
        await _app.SeedAsync(("tide.txt", Seeds.TextArticle("Tide report", paragraphs: ["The tide carried seaweed ashore."])));
        await using (var c = await _app.OpenDatabaseAsync())
        {
            await c.ExecuteAsync("""
                UPDATE article_revisions SET body_text = 'The tide carried driftwood ashore.'
                WHERE id = (SELECT current_revision_id FROM articles)
                """);
        }

        Assert.Empty(await TitlesAsync("seaweed"));
        Assert.Equal(["Tide report"], await TitlesAsync("driftwood"));
    }

    [Fact]
    public async Task BodyFarLongerThanATsvectorHolds_IsStored_AndFoundByItsOpening()
    {
        // Over a megabyte of words that are all different: every one a lexeme, more than a tsvector may hold whole.
        var words = new StringBuilder("Quayside opening words. ");
        for (var i = 0; words.Length < 1_200_000; i++)
        {
            words.Append("w").Append(ToLetters(i)).Append(' ');
        }

        var summary = await _app.SeedAsync(("long.txt", Seeds.TextArticle("A very long read", paragraphs: [words.ToString()])));

        Assert.Equal(1, summary.Count(NewsReader.Ingestion.IngestionResult.Ingested));
        Assert.Equal(["A very long read"], await TitlesAsync("quayside"));
        Assert.Equal(["A very long read"], await TitlesAsync("\"quayside opening\""));
        Assert.Empty(await TitlesAsync("\"opening quayside\""));

        // Past the 16,383rd word PostgreSQL puts every word at one position, so the word before it is followed by
        // thousands: its posting lists none, and a phrase starting with it is decided by the article, as @@ decides it.
        await using var c = await _app.OpenDatabaseAsync();
        var (first, next) = await c.QuerySingleAsync<(string, string)>("""
            SELECT l.lexeme, (SELECT n.lexeme FROM search_vectors v, unnest(v.document) n WHERE 16383 = ANY (n.positions) ORDER BY n.lexeme LIMIT 1)
            FROM search_postings p JOIN search_lexemes l ON l.id = p.lexeme_id WHERE p.follows IS NULL
            """);
        var phrase = $"\"{first} {next}\"";
        var matchesInPostgres = await c.ExecuteScalarAsync<bool>(
            "SELECT document @@ search_query(ARRAY[@Words], ARRAY[''], ARRAY[false], ARRAY[1], false) FROM search_vectors", new { Words = $"{first} {next}" });
        Assert.True(matchesInPostgres);
        Assert.Equal(["A very long read"], await TitlesAsync(phrase));
    }

    private static string ToLetters(int n)
    {
        var sb = new StringBuilder();
        do
        {
            sb.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return sb.ToString();
    }

    [Theory]
    [InlineData("КИЇВ")]
    [InlineData("київ")]
    [InlineData("ECONOMIE")]
    [InlineData("économie")]
    [InlineData("zurich")]
    [InlineData("СНІГ")]
    public async Task InADatabaseMadeWithTheCLocale_WordsAreSplitLowerCasedAndFoldedAsInAnyOther(string q)
    {
        // In the C locale PostgreSQL's own parser takes every character outside ASCII for a letter (“l’économie” one word)
        // and lower-cases only ASCII.
        var name = "nr_test_c_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(TestDatabase.ClusterConnectionString()))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"); // a name we made
        }

        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ClusterConnectionString()) { Database = name }.ToString();
            using var app = new NewsReaderApp(settings: new Dictionary<string, string?>
            {
                ["NewsReader:Database:Provider"] = "Postgres",
                ["ConnectionStrings:NewsReader"] = connectionString,
            });
            var summary = await app.SeedAsync(("kyiv.txt", Seeds.TextArticle("Київ зустрічає весну",
                paragraphs: ["У Києві — сніг, хоча вже березень, і міська рада знову кличе прибиральників на вулиці.", "Dans les cafés, on dit que “l’économie” reste forte à Zürich comme à Kyiv."])));
            Assert.Equal(1, summary.Count(NewsReader.Ingestion.IngestionResult.Ingested));

            var (_, page) = await app.GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

            Assert.Equal(["Київ зустрічає весну"], page.QuerySelectorAll(".search-hit h2 a").Select(a => a.TextContent));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestDatabase.ClusterConnectionString());
            await admin.OpenAsync();
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task IndexSplitsWords_WhereTheQueryParserAndSnippetsDo_InAnyScriptOrPunctuation()
    {
        await using var c = await _app.OpenDatabaseAsync();
        var failures = new List<string>();
        for (var seed = 0; seed < 200; seed++)
        {
            // Text as it is stored: cleaned of what SafeText removes at ingestion (controls, lone surrogates, non-characters).
            var text = SafeText.Clean(UnicodeText.Text(new Random(seed), 40));
            var expected = new List<string>();
            var tokens = new TokenReader(text);
            for (var i = 0; tokens.Has(i); i++)
            {
                expected.Add(tokens.Word(i).ToString());
            }

            // Both sides in lower case by the same (ICU's) rules: the index lower-cases as it splits.
            var split = (await c.ExecuteScalarAsync<string>("SELECT search_words(@text)", new { text }))!
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            expected = (await c.QueryAsync<string>("SELECT lower(w COLLATE search_fold) FROM unnest(@expected) WITH ORDINALITY AS u(w, i) ORDER BY i", new { expected = expected.ToArray() })).ToList();
            if (!split.SequenceEqual(expected))
            {
                failures.Add($"seed {seed}: [{string.Join("|", split)}] vs [{string.Join("|", expected)}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }
}
