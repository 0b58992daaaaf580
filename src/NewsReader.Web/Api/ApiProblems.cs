using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsReader.Api;

/// <summary>The API's RFC 9457 errors, so every endpoint words them the same way.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");

    /// <summary>Seconds a client is asked to wait after a search stopped at its time budget (the Retry-After header).</summary>
    public const int SearchRetryAfterSeconds = 5;

    /// <summary>503 with Retry-After: the search ran past its time budget and was stopped.</summary>
    public static ProblemHttpResult SearchTooSlow(HttpContext http)
    {
        http.Response.Headers.RetryAfter = SearchRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem("This search took too long and was stopped. Narrow it: fewer or rarer words, a phrase, an outlet or a date range.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "The search took too long");
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
