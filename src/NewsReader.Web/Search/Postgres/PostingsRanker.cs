namespace NewsReader.Search.Postgres;

/// <summary>
/// <see cref="Ranker"/>'s score worked out from the postings the merges return, so ranking reads no vector: for each
/// positive term, ts_rank's sum over its occurrences in position order (the title's first, weight 1.0, then the byline's
/// 0.4, the outlet's 0.2 and the body's 0.1, the i-th counting 1/i²) over ts_rank's π²/6, divided by log2 of the
/// article's length + 1 (normalisation 1), times the term's idf; the sum divided by 1 + 0.2 per year of age. A phrase
/// counts as often as its rarest word in each field, which is as often as it can be there. Like ts_rank, a word asked
/// for in one field counts wherever it is.
/// </summary>
public static class PostingsRanker
{
    private static readonly double[] Weights = [1.0, 0.4, 0.2, 0.1];

    private const double SumOfInverseSquares = 1.64493406685;

    /// <summary>
    /// The ids of <paramref name="window"/> and <paramref name="strong"/>, best first; <paramref name="terms"/> are the
    /// positive terms' lists, <paramref name="idf"/> their weights.
    /// </summary>
    public static List<long> Rank(long today, IEnumerable<PostingMatch> window, IEnumerable<PostingMatch> strong, IReadOnlyList<TermPostings> terms, IReadOnlyList<double> idf) =>
        window.Concat(strong)
            .DistinctBy(m => m.Id)
            .Select(m => (m.Key, m.Id, Score: Score(m, terms, idf) / (1.0 + 0.2 * Math.Max(0, today - (m.Key >> 32)) / 365.25)))
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Key)
            .Select(s => s.Id)
            .ToList();

    internal static double Score(PostingMatch m, IReadOnlyList<TermPostings> terms, IReadOnlyList<double> idf)
    {
        var length = m.Fields.Length == 0 ? 1.0 : Math.Max(1.0, PostingFields.LogLength(m.Fields[0]));
        var score = 0.0;
        for (var t = 0; t < terms.Count; t++)
        {
            if (terms[t].Lists.Length == 0)
            {
                continue;
            }

            var sum = 0.0;
            var j = 0;
            for (var field = 0; field < Weights.Length; field++)
            {
                var count = terms[t].Lists.Min(k => PostingFields.Count(m.Fields[k], field));
                for (var n = 0; n < count; n++, j++)
                {
                    sum += Weights[field] / ((j + 1.0) * (j + 1.0));
                }
            }

            score += idf[t] * sum / SumOfInverseSquares;
        }

        return score / length;
    }
}
