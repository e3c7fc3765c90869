using Dangjian.Web.Platform.CodeTables;
using Dangjian.Web.Modules.Members.Contact;
using Dangjian.Web.Modules.Members.Mobile;
using Dangjian.Web.Modules.Members.Records;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Data;

/// <summary>The registry's code tables, record tabs, out-of-contact follow-ups and mobile-member registrations.</summary>
public sealed partial class AppDbContext
{
    public DbSet<CodeItem> CodeItems => Set<CodeItem>();
    public DbSet<MemberRecordEntry> MemberRecordEntries => Set<MemberRecordEntry>();
    public DbSet<ContactFollowUp> ContactFollowUps => Set<ContactFollowUp>();
    public DbSet<MobileRegistration> MobileRegistrations => Set<MobileRegistration>();
    public DbSet<MobileReport> MobileReports => Set<MobileReport>();
}
