using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>
/// A party member's own check-ups: the recent quarters with their windows, and writing one (a draft, then submitted once)
/// inside its window (docs/rules/points-and-assessment.md#pa-10). Nobody writes another's.
/// </summary>
public sealed class MyCheckUps(AppDbContext db, CheckUpsAccess access, InputCheck input, TimeProvider clock, IOptionsSnapshot<CheckUpsOptions> options,
    IStringLocalizer<CheckUpsText> T)
{
    /// <summary>Quarters shown on the member's page: the current one and the seven before it.</summary>
    public const int QuartersShown = 8;

    public async Task<Result<IReadOnlyList<MyQuarterDto>>> ListAsync(CancellationToken ct)
    {
        if (await PartyMemberAsync(ct) is not { } me) return NotAMember();
        var today = clock.Today();
        var grace = options.Value.GraceDays;
        var quarters = new List<(int Year, int Quarter)>();
        var q = CheckUpWindowRule.QuarterOf(today);
        for (var i = 0; i < QuartersShown; i++, q = CheckUpWindowRule.Previous(q.Year, q.Quarter)) quarters.Add(q);
        var firstYear = quarters[^1].Year;
        var mine = await db.CheckUps.AsNoTracking().Where(c => c.MemberId == me.Id && c.Year >= firstYear).ToListAsync(ct);
        return quarters.Select(x => Quarter(x.Year, x.Quarter, today, grace, mine.FirstOrDefault(c => c.Year == x.Year && c.Quarter == x.Quarter))).ToList();
    }

    public async Task<Result<MyQuarterDto>> GetAsync(int year, int quarter, CancellationToken ct)
    {
        if (!CheckUpWindowRule.IsQuarter(year, quarter)) return Error.NotFound(T["CheckUps.NotFound"]);
        if (await PartyMemberAsync(ct) is not { } me) return NotAMember();
        var c = await db.CheckUps.AsNoTracking().FirstOrDefaultAsync(c => c.MemberId == me.Id && c.Year == year && c.Quarter == quarter, ct);
        return Quarter(year, quarter, clock.Today(), options.Value.GraceDays, c);
    }

    /// <summary>Saves the draft, or submits it when <see cref="SaveCheckUpRequest.Submit"/>; a submitted one is final (409).</summary>
    public async Task<Result<MyQuarterDto>> SaveAsync(int year, int quarter, SaveCheckUpRequest request, CancellationToken ct)
    {
        if (input.Check(request) is { } invalid) return invalid;
        if (!CheckUpWindowRule.IsQuarter(year, quarter)) return Error.NotFound(T["CheckUps.NotFound"]);
        if (await PartyMemberAsync(ct) is not { } me) return NotAMember();
        var today = clock.Today();
        var grace = options.Value.GraceDays;
        switch (CheckUpWindowRule.State(today, year, quarter, grace))
        {
            case WindowState.NotYetOpen:
                return Error.Rule("CHECKUP_NOT_OPEN", T["CheckUp.NotYetOpen", year, quarter, ChinaTime.Format(CheckUpWindowRule.FirstDay(year, quarter))],
                    CheckUpWindowRule.Article);
            case WindowState.Closed:
                return Error.Rule("CHECKUP_CLOSED", T["CheckUp.Closed", year, quarter, ChinaTime.Format(CheckUpWindowRule.ClosesOn(year, quarter, grace))],
                    CheckUpWindowRule.Article);
        }
        var submit = request.Submit == true;
        var parts = new[] { request.Ideals, request.Discipline, request.Conduct, request.Role, request.Measures }.Select(Clean).ToArray();
        if (submit)
        {
            string[] fields = ["ideals", "discipline", "conduct", "role", "measures"];
            var missing = fields.Where((_, i) => parts[i] is null).ToList();
            if (missing.Count > 0)
            {
                return new Error("validation", T["CheckUp.PartsRequired"], StatusCodes.Status400BadRequest, null,
                    missing.ToDictionary(f => f, f => new[] { T["CheckUp.PartRequired", T["Part." + f]].Value }));
            }
        }

        var now = clock.GetUtcNow();
        var row = await db.CheckUps.FirstOrDefaultAsync(c => c.MemberId == me.Id && c.Year == year && c.Quarter == quarter, ct);
        if (row is null)
        {
            row = new CheckUp
            {
                Id = Guid.CreateVersion7(now), MemberId = me.Id, MemberName = me.Name, OrgUnitId = me.OrgUnitId, OrgPath = me.OrgPath, Year = year,
                Quarter = quarter, CreatedAt = now,
            };
            db.CheckUps.Add(row);
        }
        else if (row.SubmittedAt is not null)
        {
            return Error.Conflict("CHECKUP_SUBMITTED", T["CheckUp.AlreadySubmitted"], CheckUpWindowRule.Article);
        }
        else
        {
            row.UpdatedAt = now;
        }
        (row.Ideals, row.Discipline, row.Conduct, row.Role, row.Measures) = (parts[0], parts[1], parts[2], parts[3], parts[4]);
        // The member's unit of today: a member moved since the draft files the check-up where they now are.
        (row.OrgUnitId, row.OrgPath, row.MemberName) = (me.OrgUnitId, me.OrgPath, me.Name);
        if (submit) row.SubmittedAt = now;
        await db.SaveChangesAsync(ct);
        return Quarter(year, quarter, today, grace, row);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private Task<Member?> PartyMemberAsync(CancellationToken ct) =>
        access.User.IsAuthenticated
            ? CheckUpsAccess.PartyMembers(db).FirstOrDefaultAsync(m => m.UserId == access.User.UserId, ct)
            : Task.FromResult<Member?>(null);

    private Error NotAMember() => Error.NotFound(T["CheckUps.NotAMember"]);

    private static MyQuarterDto Quarter(int year, int quarter, DateOnly today, int grace, CheckUp? c) =>
        new(year, quarter, CheckUpWindowRule.State(today, year, quarter, grace).ToString(), CheckUpWindowRule.FirstDay(year, quarter),
            CheckUpWindowRule.ClosesOn(year, quarter, grace), c is null ? null : CheckUpDto.Of(c));
}
