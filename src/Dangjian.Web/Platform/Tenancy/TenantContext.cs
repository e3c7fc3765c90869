namespace Dangjian.Web.Platform.Tenancy;

/// <summary>The tenant the current request or job works in. Set once, from the signed-in user or by a job.</summary>
public sealed class TenantContext
{
    public Guid TenantId { get; private set; }
    public bool IsSet => TenantId != Guid.Empty;

    public void Set(Guid tenantId)
    {
        if (IsSet && TenantId != tenantId) throw new InvalidOperationException("The tenant of a scope cannot change.");
        TenantId = tenantId;
    }
}
