using Dangjian.Web.Data;
using Dangjian.Web.Platform.CodeTables;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Records;

public sealed record RecordEntryDto(Guid Id, RecordKind Kind, string? Category, string Title, string? Organisation, DateOnly? StartedOn,
    DateOnly? EndedOn, string? Detail);

/// <summary>
/// The record tabs 职务, 奖惩, 出国出境, 困难情况, 家庭成员 of one person. Reading needs the right to see the person (the
/// person sees their own); 困难情况 and 家庭成员 need personal-data rights and each look is written to the access log.
/// Changes need the right to manage members on the person's unit and are audited.
/// </summary>
public sealed class MemberRecords(AppDbContext db, MemberAccess access, CodeTableService codeTables, CurrentUser user, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T, InputCheck inputCheck)
{
    public async Task<Result<IReadOnlyList<RecordEntryDto>>> ListAsync(Guid memberId, string kindText, CancellationToken ct)
    {
        if (RecordKinds.Parse(kindText) is not { } kind) return Error.NotFound(T["Record.UnknownKind", kindText]);
        var rule = RecordKinds.Of(kind);
        var loaded = await access.LoadAsync(memberId, rule.PersonalData ? Permission.ViewPersonalData : Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (rule.PersonalData && loaded.Value!.UserId != user.UserId)
        {
            access.Log([memberId], "view", T["Record.LogView", T["Record.Tab." + kind]]);
            await db.SaveChangesAsync(ct);
        }
        return await db.MemberRecordEntries.AsNoTracking().Where(e => e.MemberId == memberId && e.Kind == kind)
            .OrderByDescending(e => e.StartedOn).ThenBy(e => e.CreatedAt)
            .Select(e => new RecordEntryDto(e.Id, e.Kind, e.Category, e.Title, e.Organisation, e.StartedOn, e.EndedOn, e.Detail))
            .ToListAsync(ct);
    }

    public async Task<Result<RecordEntryDto>> AddAsync(Guid memberId, string kindText, RecordEntryInput r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (RecordKinds.Parse(kindText) is not { } kind) return Error.NotFound(T["Record.UnknownKind", kindText]);
        var loaded = await access.LoadAsync(memberId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (await ValidateAsync(kind, r, ct) is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        var entry = new MemberRecordEntry
        {
            Id = Guid.CreateVersion7(now), MemberId = memberId, OrgUnitId = loaded.Value!.OrgUnitId, Kind = kind, Title = r.Title!.Trim(),
            CreatedAt = now,
        };
        Apply(entry, r);
        db.MemberRecordEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return ToDto(entry);
    }

    public async Task<Result<RecordEntryDto>> UpdateAsync(Guid memberId, string kindText, Guid entryId, RecordEntryInput r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var found = await LoadEntryAsync(memberId, kindText, entryId, ct);
        if (!found.IsSuccess) return found.Error!;
        var entry = found.Value!;
        if (await ValidateAsync(entry.Kind, r, ct) is { } invalid) return invalid;
        entry.Title = r.Title!.Trim();
        Apply(entry, r);
        entry.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(entry);
    }

    public async Task<Result<RecordEntryDto>> DeleteAsync(Guid memberId, string kindText, Guid entryId, CancellationToken ct)
    {
        var found = await LoadEntryAsync(memberId, kindText, entryId, ct);
        if (!found.IsSuccess) return found.Error!;
        // The audit log keeps the deleted values, so a deletion can be read back and re-entered.
        db.MemberRecordEntries.Remove(found.Value!);
        await db.SaveChangesAsync(ct);
        return ToDto(found.Value!);
    }

    private async Task<Result<MemberRecordEntry>> LoadEntryAsync(Guid memberId, string kindText, Guid entryId, CancellationToken ct)
    {
        if (RecordKinds.Parse(kindText) is not { } kind) return Error.NotFound(T["Record.UnknownKind", kindText]);
        var loaded = await access.LoadAsync(memberId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var entry = await db.MemberRecordEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.MemberId == memberId && e.Kind == kind, ct);
        return entry is null ? Error.NotFound(T["Record.NotFound"]) : entry;
    }

    private async Task<Error?> ValidateAsync(RecordKind kind, RecordEntryInput r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        RecordEntryRules.Validate(RecordKinds.Of(kind), r, clock.Today(), await codeTables.LoadActiveAsync(ct), errors, L, T);
        return errors.ToError();
    }

    private static void Apply(MemberRecordEntry e, RecordEntryInput r)
    {
        var columns = RecordKinds.Of(e.Kind).Columns;
        e.Category = columns.Contains("category") ? Clean(r.Category) : null;
        e.Organisation = columns.Contains("organisation") ? Clean(r.Organisation) : null;
        e.StartedOn = columns.Contains("startedOn") ? r.StartedOn : null;
        e.EndedOn = columns.Contains("endedOn") ? r.EndedOn : null;
        e.Detail = columns.Contains("detail") ? Clean(r.Detail) : null;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static RecordEntryDto ToDto(MemberRecordEntry e) =>
        new(e.Id, e.Kind, e.Category, e.Title, e.Organisation, e.StartedOn, e.EndedOn, e.Detail);
}
