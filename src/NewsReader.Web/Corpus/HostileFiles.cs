using System.Text;

namespace NewsReader.Corpus;

/// <summary>One generated file: its name (the extension picks the parser), its bytes, and the shape it was built to test.</summary>
public sealed record HostileFile(string Name, byte[] Bytes, string Shape);

/// <summary>
/// Files built to break a parser, seeded and reproducible: the worst shapes found so far (self-referencing YAML,
/// control characters, repeated date and byline lines, deep lists and nesting, many link references, huge lines,
/// unclosed front matter, table bombs) mixed with random mutations of real articles. Used by the <c>fuzz</c> and
/// <c>bench-parse</c> verbs and by the fuzz tests.
/// </summary>
public static class HostileFiles
{
    public static readonly string[] Formats = ["txt", "md", "html"];

    /// <summary>The worst shapes by format, each grown to about the given size.</summary>
    public static readonly (string Format, string Shape)[] WorstShapes =
    [
        ("txt", "repeated-dateline"), ("txt", "huge-line"), ("md", "nested-list"), ("md", "link-references"),
        ("md", "unclosed-front-matter"), ("md", "table-bomb"), ("md", "huge-line"), ("html", "deep-nesting"), ("html", "table-bomb"), ("html", "huge-line"),
    ];

    private const string Paragraph = "The harbour authority said on Monday that the ferry terminal would reopen after “urgent” repairs — costing €4.2 million — were finished. ";

    public static HostileFile Shape(string format, string shape, int bytes)
    {
        var sb = new StringBuilder(bytes + 1024);
        switch (format, shape)
        {
            case ("txt", "repeated-dateline"):
                sb.Append("Ferry terminal reopens\n\nFerry terminal reopens / Harbour Gazette\n");
                while (sb.Length < bytes) sb.Append("By Ana Ruiz March 3, 2024\n");
                break;
            case (_, "huge-line"):
                sb.Append(format == "html" ? "<html><body><article><h1>Huge line</h1><p>" : format == "md" ? "# Huge line\n\n" : "Huge line\n\nHuge line / Gazette\nBy Ana Ruiz March 3, 2024\n\n");
                while (sb.Length < bytes) sb.Append(Paragraph);
                break;
            case ("md", "nested-list"):
                sb.Append("# Nested list\n\n");
                for (var depth = 0; sb.Length < bytes; depth = (depth + 1) % 3_000) sb.Append(' ', depth * 2 % 6_000).Append("- item\n");
                break;
            case ("md", "link-references"):
                sb.Append("# Many link references\n\n").Append(Paragraph).Append("\n\n");
                for (var i = 0; sb.Length < bytes; i++) sb.Append("[r").Append(i).Append("]: https://example.org/").Append(i).Append('\n');
                break;
            case ("md", "unclosed-front-matter"):
                sb.Append("---\n");
                for (var i = 0; sb.Length < bytes; i++) sb.Append("key").Append(i).Append(": value ").Append(i).Append('\n');
                break;
            case ("md", "table-bomb"):
                sb.Append("# Table\n\n|").Append(string.Concat(Enumerable.Repeat(" a |", 200))).Append("\n|").Append(string.Concat(Enumerable.Repeat("---|", 200))).Append('\n');
                while (sb.Length < bytes) sb.Append('|').Append(string.Concat(Enumerable.Repeat(" x |", 200))).Append('\n');
                break;
            case ("html", "deep-nesting"):
                sb.Append("<html><head><title>Deep</title></head><body>");
                while (sb.Length < bytes / 2) sb.Append("<div>");
                while (sb.Length < bytes) sb.Append("<p>").Append(Paragraph).Append("</p>");
                break;
            case ("html", "table-bomb"):
                sb.Append("<html><head><title>Table</title></head><body><table>");
                while (sb.Length < bytes) sb.Append("<tr>").Append(string.Concat(Enumerable.Repeat("<td>x</td>", 100))).Append("</tr>");
                break;
            default:
                throw new ArgumentException($"No shape '{shape}' for {format}.");
        }

        return new HostileFile($"{shape}.{format}", Encoding.UTF8.GetBytes(sb.ToString()), shape);
    }

    /// <summary>The i-th fuzz file of a seeded run: small (up to ~64 KB) so thousands run in minutes.</summary>
    public static HostileFile Fuzz(int seed, int i)
    {
        // Not HashCode.Combine: its seed changes with every process, and file i of a seed must be the same bytes in every run.
        var random = new Random(unchecked((seed * 1_000_003) + i));
        var format = Formats[random.Next(Formats.Length)];
        var kind = random.Next(12);
        byte[] bytes = kind switch
        {
            0 => Encoding.UTF8.GetBytes($"---\na: &a [*a]\ntitle: *a\n{(random.Next(2) == 0 ? "b: &b [*a, *a, *a]\nc: [*b, *b, *b]\n" : "")}---\n\n{Paragraph}\n"),
            1 => Controls(random, Article(format)),
            2 => Random(random),
            3 => Truncate(random, Encoding.UTF8.GetBytes(Article(format))),
            4 => Mutate(random, Encoding.UTF8.GetBytes(Article(format))),
            5 => Encoding.UTF8.GetBytes(Article(format).Replace("Ferry", new string('F', random.Next(1, 50_000)), StringComparison.Ordinal)),
            6 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.Unicode.GetBytes(Article(format))],
            _ => WorstSmall(random, format),
        };
        return new HostileFile($"fuzz-{i:D6}.{format}", bytes, kind switch { 0 => "yaml-alias", 1 => "controls", 2 => "random", 3 => "truncated", 4 => "mutated", 5 => "long-title", 6 => "utf16", _ => "worst-shape" });
    }

    private static byte[] WorstSmall(Random random, string format)
    {
        var shapes = WorstShapes.Where(s => s.Format == format).ToArray();
        var (f, shape) = shapes[random.Next(shapes.Length)];
        return Shape(f, shape, random.Next(256, 64 * 1024)).Bytes;
    }

    private static string Article(string format) => format switch
    {
        "txt" => $"Ferry terminal reopens\n\nFerry terminal reopens / Harbour Gazette\nBy Ana Ruiz March 3, 2024\n\n{Paragraph}\n\n{Paragraph}\n\nShare\n",
        "md" => $"---\ntitle: Ferry terminal reopens\nsite: Harbour Gazette\nauthor: Ana Ruiz\ndate: 2024-03-03\nurl: https://gazette.example/ferry\n---\n\n{Paragraph}\n\n- a list\n  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        _ => $"<html><head><title>Ferry terminal reopens</title><meta name=\"author\" content=\"Ana Ruiz\"></head><body><nav>Home</nav><article><h1>Ferry terminal reopens</h1><p>{Paragraph}</p><p>{Paragraph}</p></article></body></html>",
    };

    private static byte[] Controls(Random random, string text)
    {
        var chars = text.ToCharArray();
        for (var n = 0; n < 20; n++)
        {
            chars[random.Next(chars.Length)] = (char)(random.Next(3) switch { 0 => random.Next(1, 0x20), 1 => random.Next(0x7F, 0xA0), _ => random.Next(0xD800, 0xE000) });
        }

        return Encoding.UTF8.GetBytes(new string(chars));
    }

    private static byte[] Random(Random random)
    {
        var bytes = new byte[random.Next(1, 8 * 1024)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Truncate(Random random, byte[] bytes) => bytes[..random.Next(bytes.Length)];

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        for (var n = random.Next(1, 40); n > 0; n--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return bytes;
    }
}
