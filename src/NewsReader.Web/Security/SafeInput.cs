using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace NewsReader.Security;

/// <summary>
/// Cleans every query-string and form value with <see cref="SafeText"/> before any endpoint sees it, so a search query,
/// a correction note, an error report or a return address cannot carry control characters into the store or a feed.
/// </summary>
public sealed class SafeInput(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.HasValue && Clean(request.Query) is { } query)
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

            if (Clean(form) is { } fields)
            {
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, form.Files)));
            }
        }

        await next(context);
    }

    /// <summary>The cleaned values, or null when every value was already safe.</summary>
    private static Dictionary<string, StringValues>? Clean(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        if (values.All(kv => SafeText.IsSafe(kv.Key) && kv.Value.All(v => v is null || SafeText.IsSafe(v))))
        {
            return null;
        }

        var cleaned = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            var safeKey = SafeText.Clean(key);
            var safeValues = value.Select(v => v is null ? null : SafeText.Clean(v)).ToArray();
            cleaned[safeKey] = cleaned.TryGetValue(safeKey, out var existing) ? StringValues.Concat(existing, safeValues) : new StringValues(safeValues);
        }

        return cleaned;
    }
}
