using System.Globalization;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>
/// 1,200 articles whose words are known from their number, published on 1,200 different days in an order unlike the
/// order they are stored in: a word in most articles, one in a tenth, one in a fiftieth, a phrase and its words apart,
/// a word in some titles and one in every article. Every search over it has an answer worked out here, without the index.
/// </summary>
public class KnownWordsArchive : IAsyncLifetime
{
    public const int Count = 1_200;

    public KnownWordsArchive()
        : this(null)
    {
    }

    /// <summary>The archive on a database of the caller's choosing (by default, the store the tests run on).</summary>
    protected KnownWordsArchive(TestDatabase? database) =>
        App = new NewsReaderApp(settings: new Dictionary<string, string?> { ["NewsReader:Api:RateLimitPermits"] = "0" }, database: database);

    public NewsReaderApp App { get; }

    // 7,919 is prime and does not divide 1,200, so the days are a permutation of 0..1,199.
    public static DateOnly Date(int i) => new DateOnly(2021, 1, 1).AddDays(i * 7_919 % Count);

    public static bool Alpha(int i) => i % 10 < 6;

    public static bool Beta(int i) => i % 10 == 6;

    public static bool Gamma(int i) => i % 50 == 3;

    public static bool BetaInTitle(int i) => i % 20 == 6;

    public static bool BlueHeron(int i) => i % 10 == 6;

    public static bool HeronAndBlueApart(int i) => i % 10 == 7;

    public static string Title(int i) => $"Report {i:D4}" + (BetaInTitle(i) ? " on beta" : "");

    /// <summary>Titles of the articles <paramref name="matches"/> picks, newest first.</summary>
    public static List<string> NewestFirst(Func<int, bool> matches) =>
        Enumerable.Range(0, Count).Where(matches).OrderByDescending(Date).Select(Title).ToList();

    public async Task InitializeAsync()
    {
        var files = Enumerable.Range(0, Count).Select(i => ($"a{i:D4}.txt", Seeds.TextArticle(Title(i),
            date: Date(i).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), paragraphs: [Body(i)]))).ToArray();
        await App.SeedAsync(files);
    }

    private static string Body(int i)
    {
        // The number first: articles with the same text, or the same opening, would be one article.
        var words = new List<string> { $"Meeting {i} of the council, about the harbour budget and omega." };
        words.Add(Alpha(i) ? "Members spoke of alpha." : "Members went home.");
        words.Add(Beta(i) ? "The beta plan was read out." : "Nothing else was read out.");
        words.Add(Gamma(i) ? "Gamma rays were measured." : "Nothing was measured.");
        words.Add(BlueHeron(i) ? "A blue heron stood by the pond." : HeronAndBlueApart(i) ? "The heron flew over a blue roof." : "Ducks swam.");
        return string.Join(" ", words);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
