using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>The Honours feature's tables (V0033): campaigns, quotas, nominations, votes, objections and awards.</summary>
public static class HonoursTables
{
    extension(AppDbContext db)
    {
        public DbSet<HonourCampaign> HonourCampaigns => db.Set<HonourCampaign>();
        public DbSet<HonourQuota> HonourQuotas => db.Set<HonourQuota>();
        public DbSet<HonourNomination> HonourNominations => db.Set<HonourNomination>();
        public DbSet<HonourVote> HonourVotes => db.Set<HonourVote>();
        public DbSet<HonourObjection> HonourObjections => db.Set<HonourObjection>();
        public DbSet<HonourAward> HonourAwards => db.Set<HonourAward>();
    }
}
