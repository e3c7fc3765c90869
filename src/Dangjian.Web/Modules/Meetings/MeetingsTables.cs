using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>
/// The Meetings module's tables (organisational life: meetings, sign-ins, leaves, observers, records, appraisal, attendance rolls, first topics), as members of the one <see cref="AppDbContext"/>. They live with the
/// module that owns them; another module reads them only where the module offers it (<c>ModuleContract</c>).
/// </summary>
public static class MeetingsTables
{
    extension(AppDbContext db)
    {
        public DbSet<Meeting> Meetings => db.Set<Meeting>();
        public DbSet<MeetingSignIn> MeetingSignIns => db.Set<MeetingSignIn>();
        public DbSet<MeetingLeave> MeetingLeaves => db.Set<MeetingLeave>();
        public DbSet<MeetingObserver> MeetingObservers => db.Set<MeetingObserver>();
        public DbSet<Records.MeetingRecord> MeetingRecords => db.Set<Records.MeetingRecord>();
        public DbSet<Records.MeetingResolution> MeetingResolutions => db.Set<Records.MeetingResolution>();
        public DbSet<Records.MeetingAttachment> MeetingAttachments => db.Set<Records.MeetingAttachment>();
        public DbSet<Records.MeetingAmendment> MeetingAmendments => db.Set<Records.MeetingAmendment>();
        public DbSet<Appraisal.AppraisalSelf> AppraisalSelves => db.Set<Appraisal.AppraisalSelf>();
        public DbSet<Appraisal.AppraisalVote> AppraisalVotes => db.Set<Appraisal.AppraisalVote>();
        public DbSet<Appraisal.AppraisalResult> AppraisalResults => db.Set<Appraisal.AppraisalResult>();
        public DbSet<Records.MeetingReflection> MeetingReflections => db.Set<Records.MeetingReflection>();
        public DbSet<Attendance.MeetingAttendance> MeetingAttendances => db.Set<Attendance.MeetingAttendance>();
        public DbSet<FirstTopics.FirstTopic> FirstTopics => db.Set<FirstTopics.FirstTopic>();
    }
}
