using System.Resources;
using Dangjian.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Meetings.Attendance;

/// <summary>签到率 and 出勤率: /api/v1/org-units/{id}/attendance and /api/v1/members/{id}/attendance. A route table of named handlers.</summary>
public static class AttendanceApi
{
    private static readonly ResourceManager Texts = new(typeof(AttendanceApi));

    public static IServiceCollection AddMeetingAttendance(this IServiceCollection services)
    {
        services.AddScoped<MeetingRolls>();
        services.AddScoped<AttendanceReport>();
        services.AddSingleton<Platform.Jobs.IJob, MeetingRollJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingAttendance(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/org-units/{id:guid}/attendance", Unit).WithTags("Meetings").RequireAuthorization().Describe(Texts, "GetUnitAttendance")
            .WithDescription("Sign-in and attendance rates of the unit's subtree from the closed rolls, by month and by the units right below it.");
        app.MapGet("/api/v1/members/{id:guid}/attendance", Member).WithTags("Meetings").RequireAuthorization().Describe(Texts, "GetMemberAttendance")
            .WithDescription("The meetings a person was expected at, how they came out of each, and their rates.");
        return app;
    }

    private static async Task<Results<Ok<UnitAttendanceReportDto>, ApiProblem>> Unit(Guid id, DateOnly? from, DateOnly? to, AttendanceReport h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.UnitAsync(id, from, to, ct));

    private static async Task<Results<Ok<MemberAttendanceReportDto>, ApiProblem>> Member(Guid id, DateOnly? from, DateOnly? to, AttendanceReport h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.MemberAsync(id, from, to, ct));
}
