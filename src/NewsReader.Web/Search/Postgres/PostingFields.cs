namespace NewsReader.Search.Postgres;

/// <summary>
/// The <c>fields</c> of a posting (<see cref="SearchPostingsSchema"/>): how often the lexeme is in the title, the byline,
/// the outlet name and the body, four bits each from the lowest (15 for 15 or more), and the article's length above them.
/// </summary>
public static class PostingFields
{
    public const int Anywhere = 0xFFFF;

    /// <summary>The title and byline counts: the strong matches, and the partial index that holds only them.</summary>
    public const int Headline = 0xFF;

    /// <summary>The counts of the fields a tsquery weight string names (A title, B byline, C outlet, D body; "" anywhere).</summary>
    public static int Mask(string weights) => weights.Length == 0
        ? Anywhere
        : weights.Aggregate(0, (mask, w) => mask | (0xF << (4 * Field(w))));

    /// <summary>How often the lexeme is in field <paramref name="field"/> (0 title, 1 byline, 2 outlet, 3 body).</summary>
    public static int Count(int fields, int field) => (fields >> (4 * field)) & 0xF;

    /// <summary>log2 of the article's number of word positions + 1, as ts_rank's normalisation 1 divides by it.</summary>
    public static double LogLength(int fields) => ((fields >> 16) & 0xFF) / 8.0;

    private static int Field(char weight) => weight switch { 'A' => 0, 'B' => 1, 'C' => 2, _ => 3 };
}
