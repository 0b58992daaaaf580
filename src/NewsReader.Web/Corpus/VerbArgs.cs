using System.Globalization;

namespace NewsReader.Corpus;

/// <summary>Reads "--name value" options from the corpus and benchmark verbs' arguments.</summary>
public static class VerbArgs
{
    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The option as a number; null when it is missing or not a number.</summary>
    public static int? Int(string[] args, string name) =>
        int.TryParse(Text(args, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
