using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>
/// The figures of a unit's whole subtree as they stand (people, structure, compliance of its branches, terms): one row
/// per unit, so the dashboard of any unit reads one row and its children's rows, never the raw tables.
/// </summary>
public sealed class UnitRollup : ITenantOwned, IHasOrgPath
{
    public Guid OrgUnitId { get; set; }
    public Guid TenantId { get; set; }
    public Guid? ParentId { get; set; }
    public required string OrgPath { get; set; }
    public required string Name { get; set; }
    public OrgUnitKind Kind { get; set; }
    public int Branches { get; set; }
    public int Groups { get; set; }

    /// <summary>Branches with fewer than three full members (a branch needs three, 《中国共产党支部工作条例（试行）》第四条).</summary>
    public int SmallBranches { get; set; }
    public int People { get; set; }
    public int Party { get; set; }
    public int Full { get; set; }
    public int Probationary { get; set; }
    public int Candidates { get; set; }
    public int Activists { get; set; }
    public int Applicants { get; set; }
    public int Female { get; set; }
    public int Under35 { get; set; }
    public int Mobile { get; set; }
    public int OutOfContact { get; set; }

    /// <summary>Branches whose year so far has a missed period (red), an open one still short (yellow), or neither (green).</summary>
    public int BranchesRed { get; set; }
    public int BranchesYellow { get; set; }
    public int BranchesGreen { get; set; }

    /// <summary>Units whose committee's term ends within the reminder window or has ended.</summary>
    public int TermsExpiring { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
}

/// <summary>The activity of a unit's whole subtree in one month (China time): meetings, attendance, dues.</summary>
public sealed class UnitMonthRollup : ITenantOwned, IHasOrgPath
{
    public Guid OrgUnitId { get; set; }
    public int Month { get; set; }
    public Guid TenantId { get; set; }
    public required string OrgPath { get; set; }
    public int Meetings { get; set; }
    public int ThemeDays { get; set; }
    public int Expected { get; set; }
    public int SignedIn { get; set; }
    public int OnLeave { get; set; }
    public int DuesBilled { get; set; }
    public int DuesPaid { get; set; }
    public long DuesPaidFen { get; set; }
}

internal sealed class UnitRollupConfiguration : IEntityTypeConfiguration<UnitRollup>, IEntityTypeConfiguration<UnitMonthRollup>
{
    public void Configure(EntityTypeBuilder<UnitRollup> e)
    {
        e.ToTable("UnitRollups");
        e.HasKey(r => r.OrgUnitId);
        e.Property(r => r.OrgPath).HasMaxLength(400);
        e.Property(r => r.Name).HasMaxLength(200);
        e.HasIndex(r => new { r.TenantId, r.ParentId });
    }

    public void Configure(EntityTypeBuilder<UnitMonthRollup> e)
    {
        e.ToTable("UnitMonthRollups");
        // Led by the tenant, as every key: with the tenant's filter on each query, SQLite otherwise picked the
        // (TenantId, OrgPath, Month) index for the children's months and read the tenant's every month row per request.
        e.HasKey(r => new { r.TenantId, r.OrgUnitId, r.Month });
        e.Property(r => r.OrgPath).HasMaxLength(400);
        e.HasIndex(r => new { r.TenantId, r.OrgPath, r.Month });
    }
}
