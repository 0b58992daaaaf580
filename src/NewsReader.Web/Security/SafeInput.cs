using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using NewsReader.Extraction;

namespace NewsReader.Security;

/// <summary>
/// Cleans every query-string and form value with <see cref="SafeText"/> before any endpoint sees it, so a search query,
/// a correction note, an error report or a return address cannot carry control characters into the store or a feed.
/// On the pages (not the API, which answers a bad page with a 400 problem), the page number is clamped to a whole number
/// from 1 to <see cref="MaxPage"/>: "abc", "1.5" or "99999999999" show a page rather than a 500.
/// </summary>
public sealed class SafeInput(RequestDelegate next)
{
    public const int MaxPage = 1_000_000;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.HasValue && Clean(request.Query, ClampsPage(request)) is { } query)
        {
            request.Query = new QueryCollection(query);
        }

        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // Too many fields, a value past the limits, a broken multipart body: the client's fault, not a 500.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (Clean(form, clampPage: false) is { } fields)
            {
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, form.Files)));
            }
        }

        await next(context);
    }

    private static bool ClampsPage(HttpRequest request) => !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The cleaned values, or null when every value was already safe.</summary>
    private static Dictionary<string, StringValues>? Clean(IEnumerable<KeyValuePair<string, StringValues>> values, bool clampPage)
    {
        if (values.All(kv => SafeText.IsSafe(kv.Key) && kv.Value.All(v => v is null || SafeText.IsSafe(v)) && !(clampPage && IsPage(kv.Key) && NeedsClamp(kv.Value))))
        {
            return null;
        }

        var cleaned = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            var safeKey = SafeText.Clean(key);
            if (clampPage && IsPage(safeKey))
            {
                cleaned[safeKey] = Clamp(value);
                continue;
            }

            var safeValues = value.Select(v => v is null ? null : SafeText.Clean(v)).ToArray();
            cleaned[safeKey] = cleaned.TryGetValue(safeKey, out var existing) ? StringValues.Concat(existing, safeValues) : new StringValues(safeValues);
        }

        return cleaned;
    }

    private static bool IsPage(string key) => key.Equals("page", StringComparison.OrdinalIgnoreCase);

    private static bool NeedsClamp(StringValues value) => value.Count != 1 || Clamp(value) != value[0];

    /// <summary>A whole number from 1 to <see cref="MaxPage"/>: negative numbers, decimals and words are the first page, digits past the limit the last allowed.</summary>
    private static string Clamp(StringValues value)
    {
        var digits = (value.Count > 0 ? value[0] : null)?.Trim().TrimStart('+').TrimStart('0') ?? "";
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return "1";
        }

        return digits.Length > 7 || int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) > MaxPage
            ? MaxPage.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : digits;
    }
}
