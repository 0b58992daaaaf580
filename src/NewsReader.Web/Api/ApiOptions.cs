namespace NewsReader.Api;

/// <summary>The "NewsReader:Api" configuration section.</summary>
public sealed class ApiOptions
{
    public const string Section = "NewsReader:Api";

    /// <summary>Requests an anonymous client (one IP address) may make to /api per window; 0 turns the limit off.</summary>
    public int RateLimitPermits { get; set; } = 120;

    /// <summary>Length of the fixed rate-limit window.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The "NewsReader:Cors" configuration section: cross-origin reads are off until origins are listed.</summary>
public sealed class ApiCorsOptions
{
    public const string Section = "NewsReader:Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
