using System.Globalization;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace NewsReader.Store;

/// <summary>
/// Where ASP.NET Core's Data Protection keeps its keys (which sign the session cookie and antiforgery tokens): the
/// <c>data_protection_keys</c> table. So every node on one database accepts what another issued, and a restart or a new
/// deployment folder keeps everyone signed in. The key manager calls these synchronously, at start-up and about once a day.
/// </summary>
public sealed class DataProtectionKeys(Db db) : IXmlRepository
{
    private const string AllSql = "SELECT xml FROM data_protection_keys ORDER BY id";

    private const string InsertSql = "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now)";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        // Off the caller's synchronization context (a Blazor render may ask), so blocking on it cannot deadlock.
        Task.Run(ReadAsync).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(() => WriteAsync(element, friendlyName)).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAsync()
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<string>(AllSql)).Select(xml => XElement.Parse(xml)).ToList();
    }

    private async Task WriteAsync(XElement element, string friendlyName)
    {
        await using var c = await db.OpenAsync();
        await c.ExecuteAsync(InsertSql, new
        {
            friendlyName,
            xml = element.ToString(SaveOptions.DisableFormatting),
            now = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        });
    }
}
