using Dangjian.Web.Modules.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Data;

/// <summary>The Meetings module's tables (组织生活).</summary>
public sealed partial class AppDbContext
{
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingSignIn> MeetingSignIns => Set<MeetingSignIn>();
    public DbSet<MeetingLeave> MeetingLeaves => Set<MeetingLeave>();
    public DbSet<MeetingObserver> MeetingObservers => Set<MeetingObserver>();
    public DbSet<Modules.Meetings.Records.MeetingRecord> MeetingRecords => Set<Modules.Meetings.Records.MeetingRecord>();
    public DbSet<Modules.Meetings.Records.MeetingResolution> MeetingResolutions => Set<Modules.Meetings.Records.MeetingResolution>();
    public DbSet<Modules.Meetings.Records.MeetingAttachment> MeetingAttachments => Set<Modules.Meetings.Records.MeetingAttachment>();
    public DbSet<Modules.Meetings.Records.MeetingAmendment> MeetingAmendments => Set<Modules.Meetings.Records.MeetingAmendment>();
    public DbSet<Modules.Meetings.Appraisal.AppraisalSelf> AppraisalSelves => Set<Modules.Meetings.Appraisal.AppraisalSelf>();
    public DbSet<Modules.Meetings.Appraisal.AppraisalVote> AppraisalVotes => Set<Modules.Meetings.Appraisal.AppraisalVote>();
    public DbSet<Modules.Meetings.Appraisal.AppraisalResult> AppraisalResults => Set<Modules.Meetings.Appraisal.AppraisalResult>();
    public DbSet<Modules.Meetings.Records.MeetingReflection> MeetingReflections => Set<Modules.Meetings.Records.MeetingReflection>();
    public DbSet<Modules.Meetings.Attendance.MeetingAttendance> MeetingAttendances => Set<Modules.Meetings.Attendance.MeetingAttendance>();
    public DbSet<Modules.Meetings.FirstTopics.FirstTopic> FirstTopics => Set<Modules.Meetings.FirstTopics.FirstTopic>();
}
