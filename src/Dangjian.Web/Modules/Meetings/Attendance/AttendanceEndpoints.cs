using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Meetings.Attendance;

/// <summary>签到率 and 出勤率: /api/v1/org-units/{id}/attendance and /api/v1/members/{id}/attendance.</summary>
public static class AttendanceEndpoints
{
    public static IServiceCollection AddMeetingAttendance(this IServiceCollection services)
    {
        services.AddScoped<MeetingRolls>();
        services.AddScoped<AttendanceReport>();
        services.AddSingleton<Platform.Jobs.IJob, MeetingRollJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingAttendance(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/org-units/{id:guid}/attendance", async Task<IResult> (Guid id, DateOnly? from, DateOnly? to, AttendanceReport h,
            CancellationToken ct) => Reply(await h.UnitAsync(id, from, to, ct)))
            .WithTags("Meetings").RequireAuthorization()
            .WithDescription("Sign-in and attendance rates of the unit's subtree from the closed rolls, by month and by the units right below it.");
        app.MapGet("/api/v1/members/{id:guid}/attendance", async Task<IResult> (Guid id, DateOnly? from, DateOnly? to, AttendanceReport h,
            CancellationToken ct) => Reply(await h.MemberAsync(id, from, to, ct)))
            .WithTags("Meetings").RequireAuthorization()
            .WithDescription("The meetings a person was expected at, how they came out of each, and their rates.");
        return app;
    }

    private static IResult Reply<T>(Result<T> r) => r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
}
