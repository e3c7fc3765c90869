using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Organizations.Committees;

/// <summary>By-election (补选) of one committee member into the current term, or a member leaving it.</summary>
public sealed class ChangeCommitteeMember(AppDbContext db, OrgAccess access, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<OrganizationsText> T,
    InputCheck inputCheck)
{
    public async Task<Result<CommitteeMember>> AddAsync(Guid orgUnitId, Guid termId, CommitteeMemberInput input, CancellationToken ct)
    {
        if (inputCheck.Check(input) is { } badText) return badText;
        if (string.IsNullOrWhiteSpace(input.Name)) return Error.Validation("name", L["Validation.Required", "name"]);
        var post = OrgInput.Enum<CommitteePost>(input.Post, "post", CommitteePost.CommitteeMember, L);
        if (!post.IsSuccess) return post.Error!;
        var loaded = await access.LoadAsync(orgUnitId, Permission.ManageCommittee, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var term = await db.CommitteeTerms.FirstOrDefaultAsync(t => t.Id == termId && t.OrgUnitId == orgUnitId, ct);
        if (term is null) return Error.NotFound(T["Committee.TermNotFound"]);
        var current = await CurrentTerm.FindAsync(db, orgUnitId, ct);
        if (current?.Id != termId) return Error.Rule("TERM_NOT_CURRENT", T["Committee.NotCurrent"], OrgArticles.BranchCommittee);
        if (post.Value == CommitteePost.Secretary &&
            await db.CommitteeMembers.AnyAsync(m => m.TermId == termId && m.Post == CommitteePost.Secretary && m.LeftOn == null, ct))
        {
            return Error.Validation("post", T["Committee.OneSecretary"]);
        }
        var member = new CommitteeMember
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), TermId = termId, OrgUnitId = orgUnitId, Name = input.Name.Trim(),
            Post = post.Value, VotesReceived = input.VotesReceived, ApprovedOn = input.ApprovedOn,
        };
        db.CommitteeMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task<Result<CommitteeMember>> RemoveAsync(Guid orgUnitId, Guid termId, Guid memberId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(orgUnitId, Permission.ManageCommittee, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var member = await db.CommitteeMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.TermId == termId && m.OrgUnitId == orgUnitId, ct);
        if (member is null) return Error.NotFound(T["Committee.MemberNotFound"]);
        member.LeftOn ??= clock.Today();
        await db.SaveChangesAsync(ct);
        return member;
    }
}
