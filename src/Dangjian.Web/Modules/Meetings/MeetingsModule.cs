using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Meetings.Book;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>组织生活: /api/v1/meetings.</summary>
public static class MeetingsModule
{
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MeetingOptions>().Bind(config.GetSection(MeetingOptions.Section));
        // Settings per tenant: within a request or a job's tenant scope, the options are the tenant's own.
        services.AddScoped<Microsoft.Extensions.Options.IOptions<MeetingOptions>>(sp => Microsoft.Extensions.Options.Options.Create(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<MeetingOptions>>().CurrentValue
                .For(sp.GetRequiredService<Platform.Tenancy.TenantContext>().TenantId)));
        services.AddScoped<Contracts.MeetingFacts>();
        services.AddScoped<Contracts.MeetingSummaries>();
        services.AddScoped<Contracts.MeetingStudyHours>();
        services.AddScoped<Contracts.AbsenceStreaks>();
        services.AddScoped<Contracts.MeetingAttendanceFacts>();
        services.AddScoped<CreateMeeting>();
        services.AddScoped<GetMeeting>();
        services.AddScoped<SignIn>();
        services.AddSingleton<Platform.Hosting.IWarmUp, SignInWarmUp>();
        services.AddScoped<ListMeetings>();
        services.AddScoped<DecidePreApproval>();
        services.AddScoped<MeetingLeaves>();
        services.AddScoped<FirstTopics.FirstTopicsService>();
        services.AddScoped<MeetingObservers>();
        Appraisal.AppraisalSetup.AddAppraisal(services, config);
        services.AddScoped<Compliance.UnitCompliance>();
        services.AddScoped<Records.MeetingRecords>();
        services.AddScoped<Records.MeetingReflections>();
        services.AddMeetingAttendance();
        services.AddSingleton<Platform.Jobs.IJob, Compliance.ComplianceReminderJob>();
        services.AddMeetingBook();
        return services;
    }

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        MeetingsApi.Map(app);
        Appraisal.AppraisalApi.Map(app);
        Records.RecordsApi.Map(app);
        Compliance.ComplianceApi.Map(app);
        app.MapMeetingBook();
        app.MapMeetingAttendance();
        FirstTopics.FirstTopicsApi.Map(app);
        return app;
    }
}
