using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>The appraisal's services and its scheme (Rules:Assessment:Appraisal), resolved per tenant like the meetings' settings.</summary>
internal static class AppraisalSetup
{
    public static IServiceCollection AddAppraisal(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AppraisalOptions>().Bind(config.GetSection(AppraisalOptions.Section));
        services.AddScoped<IOptions<AppraisalOptions>>(sp => Options.Create(
            sp.GetRequiredService<IOptionsMonitor<AppraisalOptions>>().CurrentValue.For(sp.GetRequiredService<Platform.Tenancy.TenantContext>().TenantId)));
        services.AddScoped<DemocraticAppraisal>();
        services.AddScoped<EnterAppraisalScores>();
        services.AddScoped<AppraisalWorkbook>();
        services.AddScoped<Handling.AppraisalHandling>();
        return services;
    }
}
