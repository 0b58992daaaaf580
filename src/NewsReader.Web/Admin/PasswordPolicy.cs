using System.Collections.Frozen;

namespace NewsReader.Admin;

/// <summary>
/// Length beats composition rules: at least 12 characters, and not one of the passwords attackers try first
/// (a list shipped inside the app, so the check works offline).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    /// <summary>Null when the password is acceptable, else the reason to show.</summary>
    public static string? Check(string password, string? userName = null)
    {
        if (password.Length < MinLength)
        {
            return $"The password must be at least {MinLength} characters long.";
        }

        if (password.Length > MaxLength)
        {
            return $"The password must be at most {MaxLength} characters long.";
        }

        if (password.Distinct().Count() < 4)
        {
            return "The password repeats too few different characters.";
        }

        if (userName is { Length: > 0 } && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return "The password must not contain the user name.";
        }

        return IsCommon(password) ? "That password is on a list of common passwords; choose another." : null;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    public static int CommonCount => Common.Value.Count;

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("NewsReader.Admin.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
