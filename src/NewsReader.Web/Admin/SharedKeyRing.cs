using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using NewsReader.Store;

namespace NewsReader.Admin;

/// <summary>
/// Data Protection (the session cookie, antiforgery tokens) with its keys in the database (<see cref="DataProtectionKeys"/>)
/// under one application name, so that every node, whatever folder it runs from, reads and writes the same key ring: a
/// cookie issued by one node signs in on all of them, and survives a restart.
/// </summary>
public static class SharedKeyRing
{
    /// <summary>Fixed: by default the name is the content root, which differs between deployments and nodes.</summary>
    public const string ApplicationName = "NewsReader";

    /// <summary>Any constant unique to this app among the advisory locks taken on the database ("NRkeyrng").</summary>
    private const long FirstKeyLock = 0x4E_52_6B_65_79_72_6E_67;

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<DataProtectionKeys>();
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeys>((o, keys) => o.XmlRepository = keys);
        services.AddHostedService<FirstKeyOnStart>();
        return services;
    }

    /// <summary>
    /// Nodes that start together on a new database would each make a first key, and each sign with its own until their
    /// key rings next reload (a day later): cookies from one would fail on the other. So the first key is made here, by one
    /// node at a time, before Data Protection loads its key ring; rotations later are made two days ahead, time enough
    /// for every node to read them.
    /// </summary>
    private sealed class FirstKeyOnStart(IKeyManager keys, NodeLocks locks, IOptions<KeyManagementOptions> options) : Hosting.StartingHook
    {
        public override async Task StartingAsync(CancellationToken cancellationToken)
        {
            await using var lease = await locks.TakeAsync(FirstKeyLock, cancellationToken);
            // Data Protection's own clock is the real one, whatever TimeProvider the app was given.
            var now = DateTimeOffset.UtcNow;
            if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
            {
                keys.CreateNewKey(now, now + options.Value.NewKeyLifetime);
            }
        }
    }
}
