using System.Globalization;
using NewsReader.Ingestion;

namespace NewsReader.Cli;

/// <summary>
/// One line that rewrites itself on a terminal ("1,200/2,000 files · 410 files/s · about 2 s left"), at most a few
/// times a second. Reports come from the ingester's writer thread, one at a time.
/// </summary>
public sealed class ProgressLine(TextWriter to, TimeProvider clock) : IProgress<IngestionProgress>
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    private readonly long _started = clock.GetTimestamp();

    private long _lastShown = long.MinValue;

    private int _width;

    public void Report(IngestionProgress value)
    {
        var now = clock.GetTimestamp();
        if (value.Done < value.Total && _lastShown != long.MinValue && clock.GetElapsedTime(_lastShown, now) < Every)
        {
            return;
        }

        _lastShown = now;
        var text = Describe(value, clock.GetElapsedTime(_started, now));
        // Pad over a longer previous line, then return to the line's start for the next one.
        to.Write("\r" + text.PadRight(_width));
        _width = text.Length;
        to.Flush();
    }

    /// <summary>Clears the line, so the summary starts on a clean one.</summary>
    public void Finish()
    {
        if (_width > 0)
        {
            to.Write("\r" + new string(' ', _width) + "\r");
            to.Flush();
        }
    }

    public static string Describe(IngestionProgress value, TimeSpan elapsed)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{value.Done:N0}/{value.Total:N0} files");
        if (elapsed < TimeSpan.FromMilliseconds(500) || value.Done == 0)
        {
            return text;
        }

        var rate = value.Done / elapsed.TotalSeconds;
        text += string.Create(CultureInfo.InvariantCulture, $" · {rate:N0} files/s");
        return value.Done < value.Total ? $"{text} · about {Duration(TimeSpan.FromSeconds((value.Total - value.Done) / rate))} left" : text;
    }

    /// <summary>"4 s", "2 min 5 s", "1 h 3 min": as precise as a reader waiting needs.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))} s",
        { TotalMinutes: < 60 } => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };
}
