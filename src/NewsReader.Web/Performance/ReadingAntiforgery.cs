using Microsoft.AspNetCore.Antiforgery;

namespace NewsReader.Performance;

/// <summary>
/// With an interactive render mode configured, Blazor asks for an antiforgery token on every page it renders, and
/// storing one sets a cookie and "Cache-Control: no-store": no reading page could then be cached or revalidated, and
/// every first visit would differ. Shared reading pages post nothing, so for anonymous reads of them the token is made but
/// not stored; every other request (article pages with their report form, admin pages) gets the normal behaviour.
/// </summary>
public sealed class ReadingAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public static void Decorate(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery) && d.ImplementationType is not null)
            ?? throw new InvalidOperationException("AddPerformance() must come after the pages are added (AddReader), which add antiforgery.");
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(
            typeof(IAntiforgery),
            sp => new ReadingAntiforgery((IAntiforgery)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)),
            original.Lifetime));
    }

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        ReadingPages.IsSharedRead(httpContext.Request) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);
}
