using Dangjian.Web.Platform;
using Microsoft.Extensions.Localization;
using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Dues.Reports;

/// <summary>
/// The unit a dues report is about and the people it covers: the party members in good standing (党籍正常) on the roll
/// of the unit's subtree, or of the unit alone when the caller's role holds only on that unit.
/// </summary>
[ModuleContract]
public sealed class DuesRoll(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, IStringLocalizer<DuesText> T)
{
    public sealed record Scope(OrgUnit Unit, bool Subtree, IQueryable<Member> Members);

    /// <summary>A report's scope and year: the first and last month of the year, and today (China time).</summary>
    public sealed record YearScope(Scope Scope, int Year, DateOnly FirstMonth, DateOnly LastMonth, DateOnly Today);

    /// <summary>A member of the roll with what their bills depend on.</summary>
    public sealed record Payer(Guid Id, string Name, Guid OrgUnitId, string OrgPath, DuesPayer Dues,
        List<(DateOnly EffectiveMonth, DuesCategory Category, long BaseFen)> Bases);

    public async Task<Result<Scope>> LoadAsync(Guid? orgUnitId, CancellationToken ct)
    {
        if (orgUnitId is not { } id) return Error.Validation("orgUnitId", T["Dues.OrgUnitRequired"]);
        var loaded = await access.LoadAsync(id, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;
        var subtree = user.CanInSubtree(Permission.ViewMembers, unit.Path);
        var members = (subtree ? db.Members.InSubtree(unit.Path) : db.Members.Where(m => m.OrgUnitId == unit.Id))
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal);
        return new Scope(unit, subtree, members);
    }

    /// <summary>The scope of a yearly report and its year from the query (none: this year).</summary>
    public async Task<Result<YearScope>> LoadYearAsync(Guid? orgUnitId, string? year, CancellationToken ct)
    {
        var scope = await LoadAsync(orgUnitId, ct);
        if (!scope.IsSuccess) return scope.Error!;
        var today = clock.Today();
        var parsed = DuesInput.Year(year, today.Year, T);
        if (!parsed.IsSuccess) return parsed.Error!;
        var y = parsed.Value;
        return new YearScope(scope.Value!, y, new DateOnly(y, 1, 1), new DateOnly(y, 12, 1), today);
    }

    /// <summary>The roll with every member's bases: two queries.</summary>
    public async Task<List<Payer>> PayersAsync(Scope scope, CancellationToken ct)
    {
        var members = await scope.Members.AsNoTracking()
            .Select(m => new { m.Id, m.Name, m.OrgUnitId, m.OrgPath, m.Category, m.JoinedOn, m.DuesSettledUntil })
            .ToListAsync(ct);
        var ids = scope.Members.Select(m => m.Id);
        var bases = (await db.DuesBases.AsNoTracking().Where(b => ids.Contains(b.MemberId))
                .Select(b => new { b.MemberId, b.EffectiveMonth, b.Category, b.BaseFen })
                .ToListAsync(ct))
            .ToLookup(b => b.MemberId, b => (b.EffectiveMonth, b.Category, b.BaseFen));
        return members.Select(m => new Payer(m.Id, m.Name, m.OrgUnitId, m.OrgPath, DuesPayer.Of(m.Category, m.JoinedOn, m.DuesSettledUntil), bases[m.Id].ToList()))
            .ToList();
    }

    /// <summary>Whether a payment was collected by the unit of the scope (recorded in its subtree, or in the unit itself).</summary>
    public static bool CollectedIn(Scope scope, string paymentPath) =>
        scope.Subtree ? OrgPaths.IsWithin(paymentPath, scope.Unit.Path) : string.Equals(paymentPath, scope.Unit.Path, StringComparison.Ordinal);
}

/// <summary>Payments over a subtree: one index range on (TenantId, OrgPath, Month).</summary>
public static class DuesQueries
{
    public static IQueryable<DuesPayment> InSubtree(this IQueryable<DuesPayment> payments, string path)
    {
        var upper = OrgPaths.UpperBound(path);
        return payments.Where(p => string.Compare(p.OrgPath, path) >= 0 && string.Compare(p.OrgPath, upper) < 0);
    }
}
