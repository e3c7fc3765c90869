using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Jobs;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>The Organizations module's only public surface.</summary>
public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<OrgRulesOptions>().Bind(config.GetSection(OrgRulesOptions.Section)).ValidateOnStart();
        services.AddScoped<OrgAccess>();
        services.AddScoped<ListOrgUnits>();
        services.AddScoped<GetOrgUnit>();
        services.AddScoped<CreateOrgUnit>();
        services.AddScoped<UpdateOrgUnit>();
        services.AddScoped<MoveOrgUnit>();
        services.AddScoped<DissolveOrgUnit>();
        services.AddScoped<RestoreOrgUnit>();
        services.AddScoped<GetOrgUnitWarnings>();
        services.AddScoped<ExportOrgSubtree>();
        services.AddScoped<GetCommittee>();
        services.AddScoped<RecordElection>();
        services.AddScoped<ChangeCommitteeMember>();
        services.AddSingleton<IJob, TermExpiryReminderJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        OrganizationsApi.Map(app);
        return app;
    }
}
