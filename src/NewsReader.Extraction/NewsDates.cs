using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsReader.Extraction;

/// <summary>
/// Finds and normalises the date forms news pages print ("Jan. 17, 2025 10:32 AM EST", "Wed 5 Feb 2025 14.02 GMT",
/// "2025-01-17", "17. Januar 2025", "17 de enero de 2025") into ISO 8601, keeping the offset when the text gives a time and zone.
/// </summary>
public static partial class NewsDates
{
    /// <summary>A found date: where it sits in the text, and its ISO 8601 form.</summary>
    public readonly record struct Found(int Index, int Length, string Iso);

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    // Full month names in the languages of the pages people save (German, Dutch, Scandinavian, French, Spanish,
    // Portuguese, Italian, Polish in the genitive a date uses).
    private static readonly Dictionary<string, int> LocalMonths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januar"] = 1, ["jänner"] = 1, ["januari"] = 1, ["janvier"] = 1, ["enero"] = 1, ["janeiro"] = 1,
        ["gennaio"] = 1, ["stycznia"] = 1, ["februar"] = 2, ["feber"] = 2, ["februari"] = 2, ["février"] = 2,
        ["fevrier"] = 2, ["febrero"] = 2, ["fevereiro"] = 2, ["febbraio"] = 2, ["lutego"] = 2, ["märz"] = 3,
        ["maerz"] = 3, ["maart"] = 3, ["mars"] = 3, ["marts"] = 3, ["marzo"] = 3, ["março"] = 3, ["marco"] = 3,
        ["marca"] = 3, ["april"] = 4, ["avril"] = 4, ["abril"] = 4, ["aprile"] = 4, ["kwietnia"] = 4, ["mai"] = 5,
        ["mei"] = 5, ["maj"] = 5, ["mayo"] = 5, ["maio"] = 5, ["maggio"] = 5, ["maja"] = 5, ["juni"] = 6, ["juin"] = 6,
        ["junio"] = 6, ["junho"] = 6, ["giugno"] = 6, ["czerwca"] = 6, ["juli"] = 7, ["juillet"] = 7, ["julio"] = 7,
        ["julho"] = 7, ["luglio"] = 7, ["lipca"] = 7, ["august"] = 8, ["augustus"] = 8, ["augusti"] = 8, ["août"] = 8,
        ["aout"] = 8, ["agosto"] = 8, ["sierpnia"] = 8, ["september"] = 9, ["septembre"] = 9, ["septiembre"] = 9,
        ["setiembre"] = 9, ["setembro"] = 9, ["settembre"] = 9, ["września"] = 9, ["oktober"] = 10, ["octobre"] = 10,
        ["octubre"] = 10, ["outubro"] = 10, ["ottobre"] = 10, ["października"] = 10, ["november"] = 11,
        ["novembre"] = 11, ["noviembre"] = 11, ["novembro"] = 11, ["listopada"] = 11, ["dezember"] = 12,
        ["december"] = 12, ["desember"] = 12, ["décembre"] = 12, ["decembre"] = 12, ["diciembre"] = 12,
        ["dezembro"] = 12, ["dicembre"] = 12, ["grudnia"] = 12,
    };

    // Zone abbreviations news sites print. Ambiguous ones (IST, CST in Asia) take the reading English-language newsrooms mean most often.
    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3), ["MSK"] = TimeSpan.FromHours(3),
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4), ["ET"] = TimeSpan.FromHours(-5),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7), ["PT"] = TimeSpan.FromHours(-8),
        ["IST"] = new TimeSpan(5, 30, 0), ["HKT"] = TimeSpan.FromHours(8), ["SGT"] = TimeSpan.FromHours(8),
        ["JST"] = TimeSpan.FromHours(9), ["KST"] = TimeSpan.FromHours(9),
        ["AEST"] = TimeSpan.FromHours(10), ["AEDT"] = TimeSpan.FromHours(11), ["NZDT"] = TimeSpan.FromHours(13), ["NZST"] = TimeSpan.FromHours(12),
    };

    private const string MonthName = @"(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    // The am/pm and zone parts are each optional as a whole (space included), so "14.02 GMT" keeps its zone;
    // zones are upper-case abbreviations or numeric offsets, so a following word ("in Athens") is never read as one.
    private const string Time = @"(?:,?\s+(?:at\s+)?(?:(?<hour>\d{1,2})[:.](?<minute>\d{2})(?:[:.](?<second>\d{2}))?(?:\s*" + AmPm + @")?|(?<hour>\d{1,2})\s*" + AmPm + @")(?:\s+(?<zone>(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|(?-i:[A-Z]{1,5})\b))?)?";

    // "10:32 AM", "10.32pm", "10 a.m.": an hour alone counts as a time only with am/pm.
    private const string AmPm = @"(?<ampm>[AaPp]\.?[Mm]\b\.?)";

    // "Friday, March 1, 2024", "Wed 5 Feb 2025": a leading weekday belongs to the date, not to the byline around it.
    // It is matched backwards from a found date: as an optional start of the date patterns it would make every search slow.
    [GeneratedRegex(@"\b(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?,?\s+\G", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex WeekdayBefore();

    // "22:00 GMT, 26 September 2020", "10:32 AM EST on Jan. 17, 2025": a time printed before the date belongs to it.
    // Matched backwards from a found date without a time of its own, as the weekday is.
    [GeneratedRegex(@"\b(?<hour>\d{1,2})[:.](?<minute>\d{2})(?:\s*" + AmPm + @")?(?:\s+(?<zone>(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|(?-i:[A-Z]{1,5})\b))?(?:\s*[,|·–—-]\s*|\s+on\s+|\s+)\G", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex TimeBefore();

    // "January 17, 2025", "Jan. 17, 2025 10:32 AM EST"
    [GeneratedRegex(@"\b" + MonthName + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})\b" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    // "17 January 2025", "Wed 5 Feb 2025 14.02 GMT"
    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthName + @",?\s+(?<year>\d{4})\b" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    // "17. Januar 2025", "17 mars 2025", "17 de enero de 2025", "17 stycznia 2025 10:32": day first, the month spelled out.
    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:\.|º|°|er)?\s+(?:de\s+)?(?<lmonth>października|septiembre|diciembre|fevereiro|listopada|noviembre|september|septembre|setiembre|settembre|augustus|december|decembre|desember|dezember|dezembro|dicembre|décembre|febbraio|februari|kwietnia|november|novembre|novembro|setembro|sierpnia|stycznia|września|augusti|czerwca|febrero|februar|fevrier|février|gennaio|grudnia|janeiro|januari|janvier|juillet|octobre|octubre|oktober|ottobre|outubro|agosto|aprile|august|giugno|januar|jänner|luglio|lutego|maggio|abril|april|avril|enero|feber|julho|julio|junho|junio|lipca|maart|maerz|marca|marco|marts|marzo|março|aout|août|juin|juli|juni|maio|maja|mars|mayo|märz|mai|maj|mei)\.?,?\s+(?:de\s+)?(?<year>\d{4})\b" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayLocalMonthYear();

    // "2025-01-17", "2025-01-17T10:32:00Z", "2025-01-17 10:32:00+01:00"; CMSs also write "2022-5-3T23:57:00" and
    // "2018-11-28CET11:59:00+0100".
    [GeneratedRegex(@"\b(?<year>\d{4})-(?<mon>\d{1,2})-(?<day>\d{1,2})(?:(?:[T ]|[A-Z]{3,4})(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?(?<zone>Z|[+-]\d{2}:?\d{2})?)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    // "17/01/2025", "1/17/2025", "17.01.2025": read only when day and month cannot be confused (dots are day-first everywhere).
    [GeneratedRegex(@"\b(?<a>\d{1,2})(?<sep>[/.])(?<b>\d{1,2})\k<sep>(?<year>\d{4})\b" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    /// <summary>The first date in the text, or null. Digits of any script count ("১৭ জানুয়ারি ২০২৫" has its numbers read).</summary>
    public static Found? Find(string text)
    {
        text = Digits.ToAscii(text);
        Found? best = null;
        foreach (var regex in (ReadOnlySpan<Regex>)[MonthDayYear(), DayMonthYear(), DayLocalMonthYear(), IsoDate(), NumericDate()])
        {
            foreach (Match m in regex.Matches(text))
            {
                if (best is { } earlier && m.Index >= earlier.Index)
                {
                    break;
                }

                var time = m.Groups["hour"].Success ? null : TimeBefore().Match(text, 0, m.Index) is { Success: true } t && t.Index + t.Length == m.Index ? t : null;
                if (ToIso(m, time) is { } iso)
                {
                    var start = time?.Index ?? m.Index;
                    var weekday = WeekdayBefore().Match(text, 0, start);
                    start = weekday.Success && weekday.Index + weekday.Length == start ? weekday.Index : start;
                    best = new Found(start, m.Index + m.Length - start, iso);
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The first date of a line that is mostly dates ("17. März 2025", "Published: 5 May 2025 | Politics", "Published:
    /// 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020"), or null.
    /// </summary>
    public static Found? OfDateLine(string line)
    {
        if (Find(line) is not { } first)
        {
            return null;
        }

        var covered = first.Length;
        for (var at = first.Index + first.Length; covered * 2 < line.Length && Find(line[at..]) is { } next; at += next.Index + next.Length)
        {
            covered += next.Length;
        }

        return covered * 2 >= line.Length ? first : null;
    }

    // "Published 2 hours ago", "Updated: 5 mins ago", "yesterday at 14:05", "vor 5 Stunden", "hace 3 horas": a time relative to a moment the file does not record.
    [GeneratedRegex(@"^(?:(?:first\s+)?published|posted|(?:last\s+)?updated|modified|aktualisiert|veröffentlicht|actualizado|publicado|mis\s+à\s+jour|publié|aggiornato|pubblicato|bijgewerkt|gepubliceerd|zaktualizowano|opublikowano)?\s*(?:on|at)?\s*:?\s*(?:(?:about\s+|over\s+)?(?:an?|\d{1,3})\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago|just\s+now|today|yesterday|(?:vor|hace|il\s+y\s+a|há)\s+(?:einem|einer|\d{1,3}|una?|une?|um|uma)\s+(?:sek(?:unden?)?|min(?:uten?)?|std|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|segundos?|minutos?|horas?|días?|dias?|semanas?|mes(?:es)?|meses|años?|anos?|secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)|\d{1,3}\s+(?:secondi|minuti|ore|giorni|settimane|mesi|anni|seconden|minuten|uur|dagen|weken|maanden|jaar|sekund|minut|godzin[ya]?|dni|tygodni|miesięcy|lat)\s+(?:fa|geleden|temu)|gestern|heute|ayer|hoy|hier|aujourd'hui|ontem|hoje|ieri|oggi|gisteren|vandaag|wczoraj|dzisiaj)(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTime();

    /// <summary>True for a line that only gives a relative time ("Published 2 hours ago"): no date can be read from it.</summary>
    public static bool IsRelative(string line) => line.Length < 80 && RelativeTime().IsMatch(line.Trim());

    /// <summary>Normalises one date string as a whole (ISO 8601, RFC 1123 or the English forms above).</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = Digits.ToAscii(text.Trim());
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto)
            && text.Length > 10 && HasExplicitOffset(text))
        {
            return Sane(dto.Year) && dto < DateTimeOffset.UtcNow.AddDays(2) ? FormatOffset(dto) : null;
        }

        return Find(text)?.Iso;
    }

    private static bool HasExplicitOffset(string text) =>
        text.EndsWith('Z') || text.Contains("GMT", StringComparison.Ordinal) || OffsetSuffix().IsMatch(text);

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();

    /// <summary>The date of <paramref name="m"/>, at the time it gives or else the time printed before it (<paramref name="time"/>).</summary>
    private static string? ToIso(Match m, Match? time = null)
    {
        var year = Number(m.Groups["year"].Value);
        if (DayAndMonth(m) is not { } dayMonth)
        {
            return null;
        }

        var (day, month) = dayMonth;
        if (!Sane(year) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || new DateTime(year, month, day) > DateTime.UtcNow.AddDays(2))
        {
            return null;
        }

        if (!m.Groups["hour"].Success)
        {
            if (time is null)
            {
                return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            m = time;
        }

        var hour = Number(m.Groups["hour"].Value);
        var minute = m.Groups["minute"].Success ? Number(m.Groups["minute"].Value) : 0;
        var second = m.Groups["second"].Success ? Number(m.Groups["second"].Value) : 0;
        if (m.Groups["ampm"].Success)
        {
            var pm = char.ToUpperInvariant(m.Groups["ampm"].Value[0]) == 'P';
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return null;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        var offset = ParseZone(m.Groups["zone"].Success ? m.Groups["zone"].Value : null);
        return offset is { } o
            ? FormatOffset(new DateTimeOffset(local, o))
            : local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static (int Day, int Month)? DayAndMonth(Match m)
    {
        if (m.Groups["month"].Success)
        {
            return (Number(m.Groups["day"].Value), Months[m.Groups["month"].Value[..3].ToLowerInvariant()]);
        }

        if (m.Groups["lmonth"].Success)
        {
            return (Number(m.Groups["day"].Value), LocalMonths[m.Groups["lmonth"].Value]);
        }

        if (m.Groups["mon"].Success)
        {
            return (Number(m.Groups["day"].Value), Number(m.Groups["mon"].Value));
        }

        var a = Number(m.Groups["a"].Value);
        var b = Number(m.Groups["b"].Value);
        return m.Groups["sep"].Value == "." || a > 12 || a == b ? (a, b)
            : b > 12 ? (b, a)
            : null;
    }

    // Regex \d matches every script's digits; a number that still cannot be read is out of range, never an exception.
    private static int Number(string digits) => Digits.Parse(digits) ?? -1;

    private static TimeSpan? ParseZone(string? zone)
    {
        if (string.IsNullOrEmpty(zone))
        {
            return null;
        }

        if (Zones.TryGetValue(zone, out var known))
        {
            return known;
        }

        var numeric = zone.Replace("GMT", "", StringComparison.Ordinal).Replace("UTC", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal);
        if (numeric.Length >= 2 && (numeric[0] == '+' || numeric[0] == '-'))
        {
            var digits = numeric[1..];
            var hours = Number(digits.Length <= 2 ? digits : digits[..^2]);
            var minutes = digits.Length > 2 ? Number(digits[^2..]) : 0;
            if (hours is >= 0 and <= 14 && minutes is >= 0 and < 60)
            {
                var span = new TimeSpan(hours, minutes, 0);
                return numeric[0] == '-' ? -span : span;
            }
        }

        return null;
    }

    private static string FormatOffset(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    // A news article from before the printing press or from next year is a misread, not a date.
    private static bool Sane(int year) => year >= 1800 && year <= DateTime.UtcNow.Year + 1;
}
