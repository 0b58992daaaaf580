using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NewsReader.Api;

/// <summary>
/// ETag and Last-Modified for feeds, sitemaps and the API. The ETag hashes the exact bytes sent, so it changes exactly
/// when the response does; a matching If-None-Match (or, without one, a fresh If-Modified-Since) gets 304 and no body.
/// </summary>
public static class ConditionalGet
{
    // Clients may reuse a response for a minute, then must revalidate (cheap: usually a 304).
    private const string CacheControl = "public, max-age=60";

    public static IResult Respond(HttpContext http, byte[] body, string contentType, DateTimeOffset? lastModified)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        var modified = lastModified is { } lm ? WholeSeconds(lm) : (DateTimeOffset?)null;
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = modified;
        http.Response.Headers.CacheControl = CacheControl;
        return IsNotModified(http.Request, etag, modified) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Bytes(body, contentType);
    }

    /// <summary>Whether the client's copy is current; the reading pages' middleware asks the same question.</summary>
    public static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? modified)
    {
        var headers = request.GetTypedHeaders();
        // RFC 9110 §13.2.2: If-None-Match, when present, decides alone.
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return headers.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        return modified is { } m && headers.IfModifiedSince is { } since && m <= since;
    }

    // HTTP dates have whole seconds; without truncation a copy stamped 12:00:00.5 would never count as fresh.
    public static DateTimeOffset WholeSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}

/// <summary>Turns an endpoint's 200 JSON result into a conditional one; other results (problems) pass through.</summary>
public sealed class ConditionalJsonFilter(IOptions<JsonOptions> json) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value })
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
            var lastModified = (value as IHasLastModified)?.LastModified;
            return ConditionalGet.Respond(context.HttpContext, body, "application/json; charset=utf-8", lastModified);
        }

        return result;
    }
}
