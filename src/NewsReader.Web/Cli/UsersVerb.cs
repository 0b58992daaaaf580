using System.Text;
using NewsReader.Admin;

namespace NewsReader.Cli;

/// <summary>
/// <c>users add|list|disable|reset-password</c>: the only way to create the first account, so there is never a default password.
/// Passwords come from standard input (<c>--password-stdin</c>) or a prompt that does not echo.
/// </summary>
public static class UsersVerb
{
    public const string Summary = "users add|list|disable|reset-password ...";

    public const string Usage = "users add <name> --role admin|editor [--password-stdin] | list | disable <name> | reset-password <name> [--password-stdin]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        await CommandLine.MigrateAsync(services, ct);
        var users = services.GetRequiredService<UserStore>();
        var audit = services.GetRequiredService<AuditLog>();
        var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--role")).ToList();
        var fromStdin = args.Contains("--password-stdin");
        switch (positional.FirstOrDefault())
        {
            case "list":
                return await ListAsync(users, ct);
            case "add" when positional.Count == 2 && Option(args, "--role") is { } role:
                return await AddAsync(users, audit, positional[1], role, fromStdin, ct);
            case "disable" when positional.Count == 2:
                return await DisableAsync(users, audit, positional[1], ct);
            case "reset-password" when positional.Count == 2:
                return await ResetAsync(users, audit, positional[1], fromStdin, ct);
            default:
                await Console.Error.WriteLineAsync($"Usage: {Usage}");
                return 2;
        }
    }

    private static async Task<int> ListAsync(UserStore users, CancellationToken ct)
    {
        var list = await users.ListAsync(ct);
        if (list.Count == 0)
        {
            Console.WriteLine("No users yet. Create one: users add <name> --role admin");
        }

        foreach (var u in list)
        {
            Console.WriteLine($"{u.Name,-24} {u.Role,-7} {(u.Disabled ? "disabled" : "active"),-8} created {u.CreatedAt}");
        }

        return 0;
    }

    private static async Task<int> AddAsync(UserStore users, AuditLog audit, string name, string role, bool fromStdin, CancellationToken ct)
    {
        var password = await ReadPasswordAsync(fromStdin, confirm: true);
        if (password is null)
        {
            return 2;
        }

        if (await users.AddAsync(name, role, password, ct) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }

        await audit.WriteAsync("command line", $"added {role} {name.Trim()}", null, null, ct);
        Console.WriteLine($"Added {role} '{name.Trim()}'. Sign in at /admin.");
        return 0;
    }

    private static async Task<int> DisableAsync(UserStore users, AuditLog audit, string name, CancellationToken ct)
    {
        if (await users.FindAsync(name, ct) is not { } user)
        {
            await Console.Error.WriteLineAsync($"No user named '{name}'.");
            return 1;
        }

        await users.SetDisabledAsync(user, true, ct);
        await audit.WriteAsync("command line", $"disabled {user.Name}", null, null, ct);
        Console.WriteLine($"Disabled '{user.Name}'; their sessions have ended.");
        return 0;
    }

    private static async Task<int> ResetAsync(UserStore users, AuditLog audit, string name, bool fromStdin, CancellationToken ct)
    {
        if (await users.FindAsync(name, ct) is not { } user)
        {
            await Console.Error.WriteLineAsync($"No user named '{name}'.");
            return 1;
        }

        var password = await ReadPasswordAsync(fromStdin, confirm: true);
        if (password is null)
        {
            return 2;
        }

        if (await users.ResetPasswordAsync(user, password, ct) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }

        await audit.WriteAsync("command line", $"reset the password of {user.Name}", null, null, ct);
        Console.WriteLine($"New password set for '{user.Name}'; their sessions have ended.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>One line from standard input, or a no-echo prompt (asked twice) on a terminal.</summary>
    private static async Task<string?> ReadPasswordAsync(bool fromStdin, bool confirm)
    {
        if (fromStdin)
        {
            var line = await Console.In.ReadLineAsync();
            if (string.IsNullOrEmpty(line))
            {
                await Console.Error.WriteLineAsync("No password on standard input.");
                return null;
            }

            return line.TrimEnd('\r', '\n');
        }

        if (Console.IsInputRedirected)
        {
            await Console.Error.WriteLineAsync("Standard input is not a terminal: pass --password-stdin to read the password from it.");
            return null;
        }

        var first = Prompt("Password: ");
        if (confirm && Prompt("Repeat password: ") != first)
        {
            await Console.Error.WriteLineAsync("The passwords do not match.");
            return null;
        }

        return first;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return sb.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0)
                {
                    sb.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                sb.Append(key.KeyChar);
            }
        }
    }
}
