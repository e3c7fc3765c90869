using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Web.Modules.Assessment.CheckUps.Pages;

/// <summary>The units a caller manages the assessment of (the picker of the check-up page), highest first.</summary>
internal static class ManagedUnits
{
    public static async Task<List<(Guid Id, string Name)>> OfAsync(CurrentUser me, GetOrgUnit units, CancellationToken ct)
    {
        var list = new List<(Guid, string)>();
        foreach (var role in me.Roles.Where(r => r.Role.Grants(Permission.ManageAssessment)).OrderBy(r => r.OrgPath.Length).DistinctBy(r => r.OrgUnitId))
        {
            if ((await units.HandleAsync(role.OrgUnitId, ct)).Value is { } u) list.Add((u.Id, u.Name));
        }
        return list;
    }
}

/// <summary>The self-analysis as the member's form posts it.</summary>
public sealed class CheckUpForm
{
    public string? Ideals { get; set; }
    public string? Discipline { get; set; }
    public string? Conduct { get; set; }
    public string? Role { get; set; }
    public string? Measures { get; set; }
    public bool Submit { get; set; }

    public SaveCheckUpRequest ToRequest() => new(Ideals, Discipline, Conduct, Role, Measures, Submit);

    public static CheckUpForm Of(CheckUpDto? c) => c is null ? new() : new()
    {
        Ideals = c.Ideals, Discipline = c.Discipline, Conduct = c.Conduct, Role = c.Role, Measures = c.Measures,
    };

    /// <summary>The five parts: the API's field name (error keys, resource <c>Part.{field}</c>) and the form's property.</summary>
    public static readonly (string Field, string Property)[] Parts =
        [("ideals", nameof(Ideals)), ("discipline", nameof(Discipline)), ("conduct", nameof(Conduct)), ("role", nameof(Role)), ("measures", nameof(Measures))];

    public string? Get(string property) => property switch
    {
        nameof(Ideals) => Ideals, nameof(Discipline) => Discipline, nameof(Conduct) => Conduct, nameof(Role) => Role, _ => Measures,
    };

    public static string? Part(CheckUpDto c, string field) => field switch
    {
        "ideals" => c.Ideals, "discipline" => c.Discipline, "conduct" => c.Conduct, "role" => c.Role, _ => c.Measures,
    };
}

/// <summary>The secretary's review as its form posts it.</summary>
public sealed class ReviewForm
{
    public Guid CheckUpId { get; set; }
    public string? Result { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A decision on a warning as its forms post it (handle: measure and note; dismiss: the reason in the note).</summary>
public sealed class DecisionForm
{
    public Guid WarningId { get; set; }
    public string? Measure { get; set; }
    public string? Note { get; set; }
}
