using System.Globalization;

namespace NewsReader.Api;

/// <summary>The validated query of GET /api/articles. Dates are whole days; To is turned into an exclusive bound.</summary>
public sealed record ArticleQuery(int Page, int PageSize, string? Outlet, string? From, string? ToExclusive)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Parses the raw query values; returns a reader-facing message instead when one is wrong.</summary>
    public static (ArticleQuery? Query, string? Error) Parse(string? page, string? pageSize, string? outlet, string? from, string? to)
    {
        if (!TryWhole(page, 1, out var pageNumber) || pageNumber < 1)
        {
            return (null, $"page must be a whole number from 1 to {int.MaxValue}; got '{page}'.");
        }

        if (!TryWhole(pageSize, DefaultPageSize, out var size) || size is < 1 or > MaxPageSize)
        {
            return (null, $"pageSize must be a whole number from 1 to {MaxPageSize}; got '{pageSize}'.");
        }

        if (!TryDay(from, out var fromDay))
        {
            return (null, $"from must be a date written yyyy-MM-dd; got '{from}'.");
        }

        if (!TryDay(to, out var toDay))
        {
            return (null, $"to must be a date written yyyy-MM-dd; got '{to}'.");
        }

        if (fromDay > toDay)
        {
            return (null, $"from ({from}) is after to ({to}).");
        }

        // Stored dates are ISO strings (a day, or a day and time), so they compare as text against day bounds.
        return (new ArticleQuery(
            pageNumber,
            size,
            string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim(),
            fromDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            toDay is { } d && d < DateOnly.MaxValue ? d.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null), null);
    }

    private static bool TryWhole(string? raw, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDay(string? raw, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }
}
