using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NewsReader.Api;

/// <summary>The API reference page's view of the OpenAPI document, generated in-process (no fetch, no scripts).</summary>
public sealed record ApiDocs(string Title, string? Description, IReadOnlyList<ApiDocs.Operation> Operations)
{
    public const string DocumentName = "v1";

    public sealed record Operation(string Method, string Path, string? Summary, string? Description, IReadOnlyList<Parameter> Parameters, IReadOnlyList<Response> Responses);

    public sealed record Parameter(string Name, string Location, string Type, bool Required, string? Description);

    public sealed record Response(string Status, string? Description, string? MediaTypes);

    public static async Task<ApiDocs> LoadAsync(IOpenApiDocumentProvider provider, CancellationToken ct)
    {
        var document = await provider.GetOpenApiDocumentAsync(ct);
        var operations = (document.Paths ?? new OpenApiPaths())
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => new Operation(
                op.Key.Method,
                path.Key,
                op.Value.Summary,
                op.Value.Description,
                (op.Value.Parameters ?? []).Select(p => new Parameter(
                    p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Schema?.Type?.ToString().ToLowerInvariant() ?? "", p.Required, p.Description)).ToList(),
                (op.Value.Responses ?? new OpenApiResponses()).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new Response(
                    r.Key, r.Value.Description, r.Value.Content is { Count: > 0 } content ? string.Join(", ", content.Keys) : null)).ToList())))
            .ToList();
        return new ApiDocs(document.Info?.Title ?? "API", document.Info?.Description, operations);
    }
}
