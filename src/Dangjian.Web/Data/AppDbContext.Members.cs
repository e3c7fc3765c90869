using Dangjian.Web.Modules.Members.Certificates;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Data;

/// <summary>The Members module's 党员证明信.</summary>
public sealed partial class AppDbContext
{
    public DbSet<MemberCertificate> MemberCertificates => Set<MemberCertificate>();
}
