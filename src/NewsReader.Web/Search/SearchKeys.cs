namespace NewsReader.Search;

/// <summary>The index's rowid: publication day (days since 1970) in the high 32 bits, article id in the low 32.</summary>
public static class SearchKeys
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    public static long DayStart(DateOnly day) => (long)Math.Max(0, day.DayNumber - Epoch) << 32;

    public static long ArticleId(long key) => key & 0xFFFF_FFFFL;

    public static long Today => DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - Epoch;
}
