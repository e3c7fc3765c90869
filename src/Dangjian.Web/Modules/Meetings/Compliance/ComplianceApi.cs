using System.Resources;
using Dangjian.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Meetings.Compliance;

/// <summary>三会一课 compliance of a unit and of the branches below it for a year. A route table of named handlers.</summary>
internal static class ComplianceApi
{
    private static readonly ResourceManager Texts = new(typeof(ComplianceApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/v1/org-units").WithTags("Meetings").RequireAuthorization();
        units.MapGet("/{id:guid}/compliance", Get).Describe(Texts, "GetUnitCompliance");
        units.MapGet("/{id:guid}/compliance/branches", Branches).Describe(Texts, "ListBranchCompliance");
    }

    private static async Task<Results<Ok<ComplianceDto>, ApiProblem>> Get(Guid id, int? year, UnitCompliance h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, year, ct));

    private static async Task<Results<Ok<IReadOnlyList<BranchComplianceDto>>, ApiProblem>> Branches(Guid id, int? year, UnitCompliance h, CancellationToken ct) =>
        ApiReply.Ok(await h.BranchesAsync(id, year, ct));
}
