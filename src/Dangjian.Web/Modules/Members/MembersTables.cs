using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members;

/// <summary>
/// The Members module's tables (registry: people, access log, transfers, certificates, record tabs, follow-ups, mobile members), as members of the one <see cref="AppDbContext"/>. They live with the
/// module that owns them; another module reads them only where the module offers it (<c>ModuleContract</c>).
/// </summary>
public static class MembersTables
{
    extension(AppDbContext db)
    {
        public DbSet<Transfers.Incoming.IncomingTransfer> IncomingTransfers => db.Set<Transfers.Incoming.IncomingTransfer>();
        public DbSet<Certificates.MemberCertificate> MemberCertificates => db.Set<Certificates.MemberCertificate>();
        public DbSet<Records.MemberRecordEntry> MemberRecordEntries => db.Set<Records.MemberRecordEntry>();
        public DbSet<Contact.ContactFollowUp> ContactFollowUps => db.Set<Contact.ContactFollowUp>();
        public DbSet<Mobile.MobileRegistration> MobileRegistrations => db.Set<Mobile.MobileRegistration>();
        public DbSet<Mobile.MobileReport> MobileReports => db.Set<Mobile.MobileReport>();
        public DbSet<MemberAccessLog> MemberAccessLogs => db.Set<MemberAccessLog>();
        public DbSet<Transfers.MemberTransfer> MemberTransfers => db.Set<Transfers.MemberTransfer>();
    }
}
