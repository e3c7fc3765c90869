using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Architecture;

/// <summary>
/// Moving a unit rewrites every copy of a path in the model (<see cref="OrgPathCopies"/>). A column that looks like a
/// unit's path but is not known as a copy would silently stay behind after a move: these tests fail instead.
/// </summary>
public sealed class OrgPathCoverageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private IReadOnlyList<OrgPathCopies.Column> Copies(out Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        using var scope = app.Services.CreateScope();
        model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        return OrgPathCopies.All(model);
    }

    [Fact]
    public void EveryPathColumn_IsRewrittenOnMove()
    {
        var copies = Copies(out var model).Select(c => c.ToString()).ToHashSet();
        var uncovered = model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Path", StringComparison.Ordinal))
                .Select(p => $"{e.ClrType.Name}.{p.Name}"))
            .Where(c => c != $"{nameof(OrgUnit)}.{nameof(OrgUnit.Path)}" && !copies.Contains(c))
            .ToList();
        uncovered.ShouldBeEmpty("path columns a move would leave behind: implement IHasOrgPath or mark them [OrgPathCopy]");
    }

    [Fact]
    public void EveryEntityWithAnOrgPath_IsInTheModelAndCovered()
    {
        var copies = Copies(out var model).Select(c => c.Entity.ClrType).ToHashSet();
        var types = typeof(OrgUnit).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHasOrgPath).IsAssignableFrom(t)).ToList();
        types.Count.ShouldBeGreaterThan(8, "too few IHasOrgPath types found to mean anything");
        types.Where(t => !copies.Contains(t)).Select(t => t.Name).ShouldBeEmpty("types with an org path that are not tables of the model");
        // The copies the hand-kept list of the past held, and the transfers' own paths, are all found.
        var names = Copies(out _).Select(c => c.ToString()).ToList();
        names.ShouldContain("Member.OrgPath");
        names.ShouldContain("MeetingAttendance.OrgPath");
        names.ShouldContain("MemberTransfer.FromPath");
        names.ShouldContain("MemberTransfer.ToPath");
        names.ShouldContain("IncomingTransfer.ToPath");
    }
}
