using System.Globalization;

namespace NewsReader.Components.Shared;

/// <summary>Formats stored ISO 8601 dates for readers: "17 January 2025", "17 January 2025, 10:32 (UTC-05:00)".</summary>
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
            var hasOffset = iso.Length > 19;
            var text = dto.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
            return hasOffset ? $"{text} (UTC{dto.ToString("zzz", CultureInfo.InvariantCulture)})" : text;
        }

        return iso;
    }

    /// <summary>Just the day, for compact lists.</summary>
    public static string Day(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : "";
}
