using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.CodeTables;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Members.Contact;

public sealed record ContactFollowUpRequest(DateOnly? On, string? Method, bool? Reached, [MaxLength(40)] string? ReasonCode,
    [MultiLine, MaxLength(1000)] string? Note);

public sealed record ContactFollowUpDto(Guid Id, DateOnly On, ContactMethod Method, bool Reached, string? ReasonCode, string? Note, string CreatedBy);

/// <summary>The out-of-contact state of one member and the follow-ups recorded for it.</summary>
public sealed record ContactStateDto(bool OutOfContact, DateOnly? Since, string? ReasonCode, int ThresholdMonths, string Article,
    IReadOnlyList<ContactFollowUpDto> FollowUps);

/// <summary>
/// 失联党员跟进: records a try to reach a member. Reaching the member is contact, so the flag clears at once; otherwise
/// the reason code (a code table) is kept on the member while the flag lasts.
/// </summary>
public sealed class ContactFollowUps(AppDbContext db, MemberAccess access, CodeTableService codes, CurrentUser user, TimeProvider clock,
    IOptions<ContactOptions> options, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T, InputCheck inputCheck)
{
    public async Task<Result<ContactStateDto>> GetAsync(Guid memberId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(memberId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        var list = await db.ContactFollowUps.AsNoTracking().Where(f => f.MemberId == memberId).OrderByDescending(f => f.On).ThenByDescending(f => f.CreatedAt)
            .Select(f => new ContactFollowUpDto(f.Id, f.On, f.Method, f.Reached, f.ReasonCode, f.Note, f.CreatedByName)).ToListAsync(ct);
        return new ContactStateDto(m.OutOfContactSince is not null, m.OutOfContactSince, m.OutOfContactReason, options.Value.Months,
            ContactArticles.Suspension, list);
    }

    public async Task<Result<ContactStateDto>> AddAsync(Guid memberId, ContactFollowUpRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(memberId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var today = clock.Today();
        var errors = new FieldErrors();
        if (r.On is null) errors.Add(Error.Validation("on", T["Contact.DateRequired"]));
        else if (r.On > today) errors.Add(Error.Validation("on", T["Member.DateInFuture"]));
        var method = r.Method is null ? (ContactMethod?)null : errors.Take(OrgInput.Enum<ContactMethod>(r.Method, "method", null, L));
        if (r.Method is null) errors.Add(Error.Validation("method", T["Contact.MethodRequired"]));
        if (r.Reached is null) errors.Add(Error.Validation("reached", T["Contact.ReachedRequired"]));
        if (!string.IsNullOrWhiteSpace(r.ReasonCode)) (await codes.LoadActiveAsync(ct)).Check(errors, CodeTableCatalog.OutOfContactReason, "reasonCode", r.ReasonCode, L);
        if (r.Note is { Length: > 1000 }) errors.Add(Error.Validation("note", L["Validation.TooLong", "note", 1000]));
        if (errors.ToError() is { } invalid) return invalid;

        var member = loaded.Value!;
        var now = clock.GetUtcNow();
        db.ContactFollowUps.Add(new ContactFollowUp
        {
            Id = Guid.CreateVersion7(now), MemberId = memberId, OrgUnitId = member.OrgUnitId, On = r.On!.Value, Method = method!.Value,
            Reached = r.Reached!.Value, ReasonCode = string.IsNullOrWhiteSpace(r.ReasonCode) ? null : r.ReasonCode.Trim(),
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), CreatedAt = now, CreatedByUserId = user.IsAuthenticated ? user.UserId : null,
            CreatedByName = Trim100(string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName),
        });
        await db.SaveChangesAsync(ct);
        await ContactStatus.RefreshAsync(db, today, options.Value.Months, [memberId], ct);
        if (!r.Reached!.Value && !string.IsNullOrWhiteSpace(r.ReasonCode))
        {
            var tracked = await db.Members.FirstAsync(m => m.Id == memberId, ct);
            if (tracked.OutOfContactSince is not null)
            {
                tracked.OutOfContactReason = r.ReasonCode.Trim();
                await db.SaveChangesAsync(ct);
            }
        }
        return await GetAsync(memberId, ct);
    }

    private static string Trim100(string s) => s.Length > 100 ? s[..100] : s;
}
