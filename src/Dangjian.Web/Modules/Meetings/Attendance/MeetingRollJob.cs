using Dangjian.Web.Platform.Jobs;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Attendance;

/// <summary>Every quarter of an hour, closes the rolls of the meetings that are over, in every tenant.</summary>
internal sealed class MeetingRollJob : IJob
{
    public string Name => "meeting-rolls";
    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var closed = await EachTenant.RunAsync(services, sp => sp.GetRequiredService<MeetingRolls>().CloseDueAsync(500, ct), ct);
        return services.GetRequiredService<IStringLocalizer<MeetingsText>>()["Job.MeetingRolls", closed];
    }
}
