using Dangjian.Web.Modules.Organizations;
using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Auth;

/// <summary>
/// Resolves the signed-in user, its tenant and its roles once per request (the roles from <see cref="RoleCache"/> when it has them). A cookie or token whose security stamp
/// no longer matches (roles changed, password reset) is treated as signed out: that is "sign out everywhere".
/// </summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public const string StampClaim = "AspNet.Identity.SecurityStamp";

    internal sealed record SignedIn(Guid Id, Guid TenantId, string? UserName, string DisplayName, string? SecurityStamp);

    // Compiled once: every authenticated request runs it, and translating it again each time cost more CPU than the
    // database's work (docs/benchmarks.md).
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<SignedIn?>> UserById = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, CancellationToken ct) => db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new SignedIn(u.Id, u.TenantId, u.UserName, u.DisplayName, u.SecurityStamp)).FirstOrDefault());

    internal static Task<SignedIn?> FindUserAsync(AppDbContext db, Guid id, CancellationToken ct) => UserById(db, id, ct);

    internal static IQueryable<ScopedRole> RolesOf(AppDbContext db, Guid userId) =>
        db.RoleAssignments.Where(r => r.UserId == userId)
            .Join(db.OrgUnits, r => r.OrgUnitId, u => u.Id, (r, u) => new ScopedRole(r.Role, r.Scope, u.Id, u.Path));

    public async Task InvokeAsync(HttpContext ctx, AppDbContext db, TenantContext tenant, CurrentUser current, RoleCache cache)
    {
        if (ctx.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(ctx.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var user = await UserById(db, userId, ctx.RequestAborted);
            if (user is null || !string.Equals(user.SecurityStamp, ctx.User.FindFirstValue(StampClaim), StringComparison.Ordinal))
            {
                if (ctx.User.Identity.AuthenticationType == IdentityConstants.ApplicationScheme)
                {
                    await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
                ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                tenant.Set(user.TenantId);
                var roles = cache.Find(user.Id, user.SecurityStamp ?? "");
                if (roles is null)
                {
                    var version = cache.Version;
                    roles = await RolesOf(db, user.Id).ToListAsync(ctx.RequestAborted);
                    cache.Keep(user.Id, user.SecurityStamp ?? "", version, roles);
                }
                current.Set(user.Id, user.TenantId, user.UserName ?? "", user.DisplayName, roles);
            }
        }
        await next(ctx);
    }
}
