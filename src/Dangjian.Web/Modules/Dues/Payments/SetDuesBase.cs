using Microsoft.Extensions.Localization;
using System.Globalization;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Payments;

/// <summary>
/// Sets a member's dues base from a month on (第十条: a new base applies from the month the new pay is received). A base
/// for a month that already has one replaces it (a correction, audited with before and after).
/// </summary>
public sealed class SetDuesBase(AppDbContext db, MemberAccess access, TimeProvider clock, IOptionsSnapshot<DuesOptions> options, IStringLocalizer<DuesText> T,
    InputCheck inputCheck)
{
    public const int NoteMaxLength = 200;

    public async Task<Result<(DuesBaseDto Base, bool Created)>> HandleAsync(Guid memberId, SetDuesBaseRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        // The person first: one outside the caller's reach is refused before anything about the input is said.
        var loaded = await access.LoadAsync(memberId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var member = loaded.Value!;

        var today = clock.Today();
        var errors = new FieldErrors();
        var month = errors.Take(DuesInput.Month(r.EffectiveMonth, "effectiveMonth", today.Year + 1, T));
        var parsed = DuesApi.Parse(r.Category, r.BaseFen?.ToString(CultureInfo.InvariantCulture));
        errors.Add(parsed.Error);
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (note?.Length > NoteMaxLength) errors.Add(Error.Validation("note", T["Dues.NoteTooLong"]));
        if (errors.ToError() is { } invalid) return invalid;
        var (category, baseFen) = parsed.Value;
        var effective = month!.Value;

        var now = clock.GetUtcNow();
        var row = await db.DuesBases.FirstOrDefaultAsync(b => b.MemberId == member.Id && b.EffectiveMonth == effective, ct);
        var created = row is null;
        if (row is null)
        {
            row = new DuesBase
            {
                Id = Guid.CreateVersion7(now), MemberId = member.Id, OrgUnitId = member.OrgUnitId, EffectiveMonth = effective, CreatedAt = now,
            };
            db.DuesBases.Add(row);
        }
        else
        {
            row.UpdatedAt = now;
        }
        row.Category = category;
        row.BaseFen = baseFen;
        row.Note = note;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (created)
        {
            // Someone set a base for the same month at the same moment: the unique index refused the second one.
            return Error.Conflict("DUES_BASE_CONFLICT", T["Dues.BaseConflict", DuesMonth.Format(effective)]);
        }
        return (DuesMapping.ToDto(row, options.Value), created);
    }
}
