using Dangjian.Web.Platform.Privacy;

namespace Dangjian.Web.Modules.Members;

/// <summary>The member registry (党员信息库): its services and routes (the routes are in the <c>…Api</c> files).</summary>
public static class MembersModule
{
    public static IServiceCollection AddMembers(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<Transfers.TransferOptions>().Bind(config.GetSection(Transfers.TransferOptions.Section));
        services.AddScoped<Transfers.TransferAccess>();
        services.AddScoped<Transfers.StartTransfer>();
        services.AddScoped<Transfers.DecideTransfer>();
        services.AddScoped<Transfers.ListTransfers>();
        services.AddScoped<Transfers.TransferLetterPdf>();
        services.AddOptions<Certificates.CertificateOptions>().Bind(config.GetSection(Certificates.CertificateOptions.Section));
        services.AddScoped<Certificates.CertificateAccess>();
        services.AddScoped<Certificates.IssueCertificate>();
        services.AddScoped<Certificates.CancelCertificate>();
        services.AddScoped<Certificates.ListCertificates>();
        services.AddScoped<Certificates.CertificatePdf>();
        Transfers.Incoming.IncomingTransfersApi.AddServices(services);
        services.AddScoped<MemberAccess>();
        services.AddScoped<MemberQuery>();
        services.AddScoped<CreateMember>();
        services.AddScoped<UpdateMember>();
        services.AddScoped<GetMember>();
        services.AddScoped<ListMembers>();
        services.AddScoped<ExportMembers>();
        services.AddScoped<MemberStatistics>();
        services.AddScoped<ReadAccessLog>();
        services.AddScoped<Import.ImportMembers>();
        services.AddScoped<Records.MemberRecords>();
        services.AddOptions<Contact.ContactOptions>().Bind(config.GetSection(Contact.ContactOptions.Section));
        services.AddScoped<Contact.ContactFollowUps>();
        services.AddSingleton<Platform.Jobs.IJob, Contact.OutOfContactJob>();
        services.AddOptions<Mobile.MobileOptions>().Bind(config.GetSection(Mobile.MobileOptions.Section));
        services.AddScoped<Mobile.MobileMembers>();
        return services;
    }

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        Import.ImportApi.Map(app);
        Transfers.TransfersApi.Map(app);
        Transfers.Incoming.IncomingTransfersApi.Map(app);
        Records.RecordsApi.Map(app);
        Contact.ContactApi.Map(app);
        Mobile.MobileApi.Map(app);
        Certificates.CertificatesApi.Map(app);
        MembersApi.Map(app);
        return app;
    }
}
