using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace NewsReader.Hosting;

/// <summary>
/// Running behind a reverse proxy (Caddy, nginx) that terminates HTTPS: the proxies listed in NewsReader:TrustedProxies
/// (addresses or CIDR networks) are believed about the client's address, scheme and host (X-Forwarded-For, -Proto,
/// -Host). Then the API rate limit and login throttling count each reader rather than the proxy, the session cookie is
/// Secure, and canonical links, feeds and the sitemap carry the public https address. Nobody is trusted by default, so
/// an app reached directly cannot be fooled by a client that writes those headers itself.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "NewsReader:TrustedProxies";

    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        var entries = builder.Configuration.GetSection(Setting).Get<string[]>() ?? [];
        var networks = entries.Select(Parse).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so rate limits, sign-in and links all see the forwarded values.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static IPNetwork Parse(string entry)
    {
        if (IPAddress.TryParse(entry, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        return IPNetwork.TryParse(entry, out var network)
            ? network
            : throw new InvalidOperationException($"{Setting}: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
    }
}
