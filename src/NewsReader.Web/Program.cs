using NewsReader.Admin;
using NewsReader.Api;
using NewsReader.Articles;
using NewsReader.Cli;
using NewsReader.Corrections;
using NewsReader.Feeds;
using NewsReader.Hosting;
using NewsReader.Ingestion;
using NewsReader.Images;
using NewsReader.Performance;
using NewsReader.Search;
using NewsReader.Security;
using NewsReader.Seo;
using NewsReader.Store;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

// The content root is the app's own folder, so appsettings.json and static assets are found wherever it is started from;
// relative seeds and database paths still resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTrustedProxies(); // X-Forwarded-* from the reverse proxies named in settings, if any
builder.AddSecurity();       // CSP, nosniff, Referrer-Policy, HSTS on every response
builder.AddStore();          // SQLite, migrations at start-up
builder.AddIngestion();      // parsers and the seeds watcher
builder.AddImages();         // images stored from beside article files
builder.AddReader();         // article and source pages
builder.AddPerformance();    // compression, output cache of reading pages, ETag/304
builder.AddSearch();         // keyword search over the full-text index
builder.AddAdmin();          // accounts, login, audit log
builder.AddCorrections();    // corrections, error reports, revisions under review
builder.AddApi();            // read-only JSON API, OpenAPI, rate limit, CORS
builder.AddFeeds();          // Atom and RSS feeds
builder.AddSeo();            // sitemap and robots.txt

var app = builder.Build();
app.UseTrustedProxies();     // first: everything after sees the client, not the proxy
app.UseSecurity();           // input cleaned of control characters, page numbers clamped
app.UsePerformance();        // before the pages: wraps them
app.MapReader();
app.MapImages();
app.MapSearch();
app.MapAdmin();
app.MapCorrections();
app.MapApi();
app.MapFeeds();
app.MapSeo();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
