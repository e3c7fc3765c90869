using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members;

/// <summary>
/// A published read model: the roll (<see cref="Member"/>: who, in which unit and path, category and status) that other
/// modules read to know who is expected, who pays dues, who is a candidate. Only the Members module writes it
/// (the Development module changes a person's category through its step effects; see docs/architecture.md).
/// </summary>
[ModuleContract]
public static class MemberReadModel
{
    extension(AppDbContext db)
    {
        public DbSet<Member> Members => db.Set<Member>();
    }
}
