using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Dues.Publication;
using Dangjian.Web.Modules.Dues.Reports;
using Dangjian.Web.Modules.Dues.Usage;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues;

/// <summary>The Dues module's only public surface.</summary>
public static class DuesModule
{
    public static IServiceCollection AddDues(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DuesOptions>().Bind(config.GetSection(DuesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DuesOptions>, DuesOptionsValidator>();
        services.AddScoped<DuesRoll>();
        services.AddScoped<Contracts.DuesFacts>();
        services.AddScoped<Contracts.DuesLatestMonths>();
        services.AddScoped<SetDuesBase>();
        services.AddScoped<GetDuesBills>();
        services.AddScoped<RecordDuesPayment>();
        services.AddScoped<ArrearsReport>();
        services.AddScoped<CollectionReport>();
        services.AddScoped<Import.ImportDuesBases>();
        services.AddScoped<DuesBalance>();
        services.AddScoped<RecordDuesUsage>();
        services.AddScoped<ListDuesUsages>();
        services.AddScoped<DuesPublication>();
        services.AddScoped<DuesPaidUntil>();
        return services;
    }

    public static IEndpointRouteBuilder MapDues(this IEndpointRouteBuilder app)
    {
        DuesApi.Map(app);
        return app;
    }
}
