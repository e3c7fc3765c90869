using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Modules.Organizations.Committees;

/// <summary>A term (届) of a unit's committee, with the record of the election that opened it.</summary>
public sealed class CommitteeTerm : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public int Number { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
    public DateOnly? ElectedOn { get; set; }
    public string? ElectionMethod { get; set; }
    public int? VotersEntitled { get; set; }
    public int? VotersPresent { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The last reminder stage sent for this term: "expiring" or "expired".</summary>
    public string? ReminderStage { get; set; }
    public List<CommitteeMember> Members { get; set; } = [];

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

/// <summary>职务 in a committee.</summary>
public enum CommitteePost
{
    Secretary,
    DeputySecretary,
    OrganizationCommissioner,
    PublicityCommissioner,
    DisciplineCommissioner,
    CommitteeMember,
}

/// <summary>A person on a committee for one term, with the post, the votes and the higher organisation's approval.</summary>
public sealed class CommitteeMember : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid TermId { get; set; }
    public Guid OrgUnitId { get; set; }
    public Guid? MemberId { get; set; }
    public required string Name { get; set; }
    public CommitteePost Post { get; set; }
    public int? VotesReceived { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public DateOnly? LeftOn { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}
