namespace Dangjian.Web.Platform.Tenancy;

/// <summary>A top-level organisation (a group company or a region); every tenant-owned row carries its id.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Marks a row that belongs to one tenant; the context filters and stamps it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
