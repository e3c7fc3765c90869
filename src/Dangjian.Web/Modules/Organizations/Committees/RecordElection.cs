using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Organizations.Committees;

public sealed record CommitteeMemberInput([MaxLength(50)] string? Name, string? Post, int? VotesReceived, DateOnly? ApprovedOn);

public sealed record RecordElectionRequest(
    DateOnly? StartOn, DateOnly? ElectedOn, [MaxLength(100)] string? ElectionMethod, int? VotersEntitled, int? VotersPresent,
    [MultiLine, MaxLength(2000)] string? Notes,
    IReadOnlyList<CommitteeMemberInput>? Members);

/// <summary>
/// Records an election (换届选举): opens a new term whose end follows from the unit's kind (5 years for a 党委 and for
/// village/community organisations, 3 for 总支/支部), with the committee elected.
/// </summary>
public sealed class RecordElection(AppDbContext db, OrgAccess access, Platform.Ledger.Ledger ledger, TimeProvider clock,
    IOptions<OrgRulesOptions> options, IStringLocalizer<SharedResource> L, IStringLocalizer<OrganizationsText> T,
    InputCheck inputCheck)
{
    public async Task<Result<CommitteeTerm>> HandleAsync(Guid orgUnitId, RecordElectionRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.StartOn is not { } start) return Error.Validation("startOn", L["Validation.Required", "startOn"]);
        if (r.ElectedOn is { } elected && elected > start) return Error.Validation("electedOn", T["Committee.ElectedAfterStart"]);
        if (r.VotersPresent is { } present && r.VotersEntitled is { } entitled)
        {
            if (present > entitled) return Error.Validation("votersPresent", T["Committee.PresentExceedsEntitled"]);
            // 党员大会: more than half of the voting members must be present (第十一条).
            if (present * 2 <= entitled) return Error.Rule("ELECTION_NO_QUORUM", T["Committee.NoQuorum", present, entitled], OrgArticles.ElectionQuorum);
        }
        var members = new List<(string Name, CommitteePost Post, int? Votes, DateOnly? Approved)>();
        for (var i = 0; i < (r.Members?.Count ?? 0); i++)
        {
            var m = r.Members![i];
            if (string.IsNullOrWhiteSpace(m.Name)) return Error.Validation($"members[{i}].name", L["Validation.Required", "name"]);
            var post = OrgInput.Enum<CommitteePost>(m.Post, $"members[{i}].post", CommitteePost.CommitteeMember, L);
            if (!post.IsSuccess) return post.Error!;
            members.Add((m.Name.Trim(), post.Value, m.VotesReceived, m.ApprovedOn));
        }
        if (members.Count(m => m.Post == CommitteePost.Secretary) > 1) return Error.Validation("members", T["Committee.OneSecretary"]);

        var loaded = await access.LoadAsync(orgUnitId, Permission.ManageCommittee, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;
        var years = TermRules.TermYears(unit.Kind, unit.HostUnitType, options.Value);
        if (years is null) return Error.Rule("GROUP_NO_COMMITTEE", T["Committee.GroupHasNone"], OrgArticles.BranchCommittee);

        var number = (await db.CommitteeTerms.Where(t => t.OrgUnitId == orgUnitId).MaxAsync(t => (int?)t.Number, ct) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var term = new CommitteeTerm
        {
            Id = Guid.CreateVersion7(now),
            OrgUnitId = orgUnitId,
            Number = number,
            StartOn = start,
            EndOn = TermRules.EndOn(start, years.Value),
            ElectedOn = r.ElectedOn ?? start,
            ElectionMethod = r.ElectionMethod?.Trim(),
            VotersEntitled = r.VotersEntitled,
            VotersPresent = r.VotersPresent,
            Notes = r.Notes?.Trim(),
            CreatedAt = now,
        };
        foreach (var m in members)
        {
            term.Members.Add(new CommitteeMember
            {
                Id = Guid.CreateVersion7(now), OrgUnitId = orgUnitId, Name = m.Name, Post = m.Post, VotesReceived = m.Votes, ApprovedOn = m.Approved,
            });
        }
        db.CommitteeTerms.Add(term);
        ledger.Append("committee.elected", term.Id.ToString(),
            new { OrgUnitId = orgUnitId, term.Number, term.StartOn, term.EndOn, Members = members.Select(m => new { m.Name, Post = m.Post.ToString() }) });
        await db.SaveChangesAsync(ct);
        return term;
    }
}
