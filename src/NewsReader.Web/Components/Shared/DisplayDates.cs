using System.Globalization;

namespace NewsReader.Components.Shared;

/// <summary>
/// Formats stored ISO 8601 dates for readers: "17 January 2025"; a time with a known offset in UTC, the one zone every
/// reader can place ("17 January 2025, 15:32 UTC"); a time without an offset as it was written.
/// </summary>
public static class DisplayDates
{
    public static string Format(string iso)
    {
        if (iso.Length == 10 && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        }

        if (DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
        {
            return HasOffset(iso)
                ? dto.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)
                : dto.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        }

        return iso;
    }

    /// <summary>Whether the value names its offset ("Z", "+01:00"), so it is an instant, not a wall-clock time.</summary>
    public static bool HasOffset(string iso) =>
        iso.Length > 19 && (iso.EndsWith('Z') || iso.EndsWith("z", StringComparison.Ordinal) || iso[^6] is '+' or '-');

    /// <summary>Just the day, for compact lists.</summary>
    public static string Day(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : "";
}
