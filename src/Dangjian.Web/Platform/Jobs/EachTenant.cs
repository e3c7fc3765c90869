using Dangjian.Web.Data;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Jobs;

/// <summary>Runs a job's work once per tenant, each in its own scope with the tenant set; returns the sum of the counts.</summary>
public static class EachTenant
{
    public static async Task<int> RunAsync(IServiceProvider services, Func<IServiceProvider, Task<int>> work, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        List<Guid> tenants;
        await using (var s = scopes.CreateAsyncScope())
        {
            tenants = await s.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Select(t => t.Id).ToListAsync(ct);
        }
        var total = 0;
        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
            total += await work(scope.ServiceProvider);
        }
        return total;
    }
}
