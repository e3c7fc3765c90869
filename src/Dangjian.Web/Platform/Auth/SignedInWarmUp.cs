using Dangjian.Web.Data;
using Dangjian.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Auth;

/// <summary>What every authenticated request reads: the signed-in user (compiled) and, when not cached, their roles.</summary>
internal sealed class SignedInWarmUp : IWarmUp
{
    public async Task WarmAsync(AppDbContext db, CancellationToken ct)
    {
        var nobody = Guid.CreateVersion7();
        await CurrentUserMiddleware.FindUserAsync(db, nobody, ct);
        await CurrentUserMiddleware.RolesOf(db, nobody).ToListAsync(ct);
    }
}
