using Dangjian.Web.Modules.Members.Transfers.Incoming;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Data;

/// <summary>Letters of people transferring in from outside the tenant (转入).</summary>
public sealed partial class AppDbContext
{
    public DbSet<IncomingTransfer> IncomingTransfers => Set<IncomingTransfer>();
}
