namespace NewsReader.Search.Benchmark;

/// <summary>
/// The fixed query mix, in the generated corpus's vocabulary (see <see cref="NewsReader.Corpus.CorpusWords"/>): topic words
/// match roughly one article in eight, so these are realistic, not trivially rare, searches.
/// </summary>
public static class BenchmarkQueries
{
    public static readonly (string Kind, string Q)[] All =
    [
        ("1-word", "inflation"),
        ("1-word", "vaccine"),
        ("1-word", "stadium"),
        ("1-word", "refugees"),
        ("2-word", "climate drought"),
        ("2-word", "court verdict"),
        ("2-word", "election turnout"),
        ("2-word", "museum festival"),
        ("phrase", "\"central bank\""),
        ("phrase", "\"energy regulator\""),
        ("phrase", "\"supreme court\" judge"),
        ("phrase", "\"port authority\""),
        ("prefix", "semicon*"),
        ("prefix", "vacc*"),
        ("prefix", "harv*"),
        ("prefix", "refine*"),
        ("filtered", "inflation from:2024-01-01 to:2024-06-30"),
        ("filtered", "election source:gazette"),
        ("filtered", "author:ruiz climate"),
        ("filtered", "title:harvest"),
    ];
}
