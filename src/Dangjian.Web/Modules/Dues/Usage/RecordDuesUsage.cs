using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Usage;

/// <summary>
/// Records how a unit spent retained dues (党费使用), append-only: each entry and each reversal is a ledger entry
/// ("dues.used", "dues.usage.reversed"). An entry that would take the year's balance of the unit's subtree below
/// the allowed floor is refused (<see cref="DuesUsageRules"/>). Writes of one tenant are serialised, so two entries
/// recorded at the same moment cannot both spend the same money.
/// </summary>
public sealed class RecordDuesUsage(AppDbContext db, OrgAccess access, DuesBalance balances, Platform.Ledger.Ledger ledger, CurrentUser user,
    TimeProvider clock, IOptionsSnapshot<DuesOptions> options, IStringLocalizer<DuesText> T, InputCheck inputCheck)
{
    public const long MaxAmountFen = 100_000_000_000;

    public async Task<Result<DuesUsageRecordedDto>> HandleAsync(Guid orgUnitId, RecordDuesUsageRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(orgUnitId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;
        var today = clock.Today();

        var errors = new FieldErrors();
        var spentOn = errors.Take(Day(r.SpentOn, "spentOn", "DuesUsage.SpentOn", today));
        if (r.AmountFen is null) errors.Add(Error.Validation("amountFen", T["DuesUsage.AmountRequired"]));
        else if (r.AmountFen <= 0) errors.Add(Error.Validation("amountFen", T["DuesUsage.AmountPositive"]));
        else if (r.AmountFen > MaxAmountFen) errors.Add(Error.Validation("amountFen", T["DuesUsage.AmountTooLarge"]));
        var purpose = errors.Take(Purpose(r.Purpose));
        var description = errors.Take(Text(r.Description, "description", "DuesUsage.Description", DuesUsageConfiguration.DescriptionMaxLength));
        var approvedBy = errors.Take(Text(r.ApprovedBy, "approvedBy", "DuesUsage.ApprovedBy", DuesUsageConfiguration.ApprovedByMaxLength));
        var approvedOn = errors.Take(Day(r.ApprovedOn, "approvedOn", "DuesUsage.ApprovedOn", today));
        if (errors.ToError() is { } invalid) return invalid;
        var amount = r.AmountFen!.Value;
        var year = spentOn!.Value.Year;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockTenantAsync(ct);
        var before = await balances.ForAsync(unit, subtree: true, year, ct);
        var decision = DuesUsageRules.Check(before.BalanceFen, amount, options.Value);
        if (!decision.Allowed)
        {
            return Error.Rule("DUES_USAGE_OVER_BALANCE", T["DuesUsage.OverBalance", DuesFormat.Yuan(amount), year, DuesFormat.Yuan(decision.BalanceAfterFen),
                DuesFormat.Yuan(decision.FloorFen), DuesFormat.Yuan(before.BalanceFen)], decision.Article!);
        }

        var now = clock.GetUtcNow();
        var usage = new DuesUsage
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, OrgPath = unit.Path, SpentOn = spentOn.Value, AmountFen = amount, Purpose = purpose!.Value,
            Description = description!.Value.Text, ApprovedBy = approvedBy!.Value.Text, ApprovedOn = approvedOn!.Value,
            RecordedByUserId = user.IsAuthenticated ? user.UserId : null, CreatedAt = now,
        };
        db.DuesUsages.Add(usage);
        ledger.Append("dues.used", unit.Id.ToString(), new
        {
            OrgUnitId = unit.Id, usage.Id, SpentOn = ChinaTime.Format(usage.SpentOn), usage.AmountFen, Purpose = usage.Purpose.ToString(), usage.Description,
            usage.ApprovedBy, ApprovedOn = ChinaTime.Format(usage.ApprovedOn),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DuesUsageRecordedDto(ToDto(usage, unit.Name, null), before with { UsedFen = before.UsedFen + amount, BalanceFen = decision.BalanceAfterFen });
    }

    /// <summary>
    /// Cancels an entry of the unit in the route with a negative entry of the same day and purpose (so the same year's
    /// balance is restored) and the reason. An entry is reversed once; a reversal is not reversed.
    /// </summary>
    public async Task<Result<DuesUsageRecordedDto>> ReverseAsync(Guid orgUnitId, Guid usageId, ReverseDuesUsageRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(orgUnitId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;
        // The entry must belong to the unit in the route: an id from elsewhere is simply not found here.
        var original = await db.DuesUsages.AsNoTracking().FirstOrDefaultAsync(u => u.Id == usageId && u.OrgUnitId == unit.Id, ct);
        if (original is null) return Error.NotFound(T["DuesUsage.NotFound"]);
        var reason = Text(r.Reason, "reason", "DuesUsage.Reason", DuesUsageConfiguration.DescriptionMaxLength);
        if (!reason.IsSuccess) return reason.Error!;
        if (original.ReversesId is not null) return Error.Conflict("DUES_USAGE_IS_REVERSAL", T["DuesUsage.CannotReverseReversal"]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockTenantAsync(ct);
        if (await db.DuesUsages.AnyAsync(u => u.ReversesId == original.Id, ct)) return Error.Conflict("DUES_USAGE_REVERSED", T["DuesUsage.AlreadyReversed"]);
        var now = clock.GetUtcNow();
        var reversal = new DuesUsage
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, OrgPath = original.OrgPath, SpentOn = original.SpentOn, AmountFen = -original.AmountFen,
            Purpose = original.Purpose, Description = reason.Value.Text, ApprovedBy = Trim(user.DisplayName, DuesUsageConfiguration.ApprovedByMaxLength),
            ApprovedOn = clock.Today(), ReversesId = original.Id, RecordedByUserId = user.IsAuthenticated ? user.UserId : null, CreatedAt = now,
        };
        db.DuesUsages.Add(reversal);
        ledger.Append("dues.usage.reversed", unit.Id.ToString(), new
        {
            OrgUnitId = unit.Id, reversal.Id, ReversesId = original.Id, reversal.AmountFen, Reason = reversal.Description,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var after = await balances.ForAsync(unit, subtree: true, original.SpentOn.Year, ct);
        return new DuesUsageRecordedDto(ToDto(reversal, unit.Name, null), after);
    }

    internal static DuesUsageDto ToDto(DuesUsage u, string unitName, Guid? reversedById) =>
        new(u.Id, u.OrgUnitId, unitName, u.SpentOn, u.AmountFen, u.Purpose, u.Description, u.ApprovedBy, u.ApprovedOn, u.ReversesId, reversedById, u.CreatedAt);

    /// <summary>The same no-op update of the tenant's row the ledger takes: later writers of the tenant wait for this transaction.</summary>
    private Task<int> LockTenantAsync(CancellationToken ct)
    {
        var tenantId = db.CurrentTenantId;
        return db.Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, t => t.Name), ct);
    }

    private Result<DateOnly> Day(string? text, string field, string key, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return Error.Validation(field, T[key + "Required"]);
        if (!DuesMonth.TryParseDay(text, out var day) || day.Year < DuesMonth.MinYear) return Error.Validation(field, T[key + "Invalid"]);
        if (day > today) return Error.Validation(field, T[key + "Future"]);
        return day;
    }

    private Result<DuesUsagePurpose> Purpose(string? text)
    {
        var names = string.Join(" | ", Enum.GetNames<DuesUsagePurpose>());
        if (string.IsNullOrWhiteSpace(text)) return Error.Validation("purpose", T["DuesUsage.PurposeRequired", names]);
        // Names only: no numbers and no comma-separated combinations, which Enum.TryParse would accept.
        var name = Enum.GetNames<DuesUsagePurpose>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null ? Enum.Parse<DuesUsagePurpose>(name) : Error.Validation("purpose", T["DuesUsage.PurposeInvalid", names]);
    }

    /// <summary>Required text up to a length, trimmed (a struct wrapper so it can go through <see cref="FieldErrors.Take{T}"/>).</summary>
    private Result<RequiredText> Text(string? text, string field, string key, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return Error.Validation(field, T[key + "Required"]);
        var trimmed = text.Trim();
        return trimmed.Length > max ? Error.Validation(field, T[key + "TooLong", max]) : new RequiredText(trimmed);
    }

    private static string Trim(string s, int max) => s.Length > max ? s[..max] : s;

    private readonly record struct RequiredText(string Text);
}
