using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>The member registry (党员信息库): /api/v1/members and the person's own page.</summary>
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
        services.AddSingleton(sp => PersonalDataProtector.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PersonalDataProtector))));
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
        var g = app.MapGroup("/api/v1/members").WithTags("Members").RequireAuthorization();

        g.MapGet("/", async Task<IResult> ([AsParameters] MemberFilter filter, int? page, int? pageSize, ListMembers h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(filter, PageRequest.Of(page, pageSize), ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });

        g.MapGet("/export", async Task<IResult> ([AsParameters] MemberFilter filter, bool? reveal, ExportMembers h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(filter, reveal == true, ct);
            return r.IsSuccess ? TypedResults.File(r.Value.Content, XlsxWriter.ContentType, r.Value.FileName) : r.Error!.ToProblem();
        }).Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType);

        g.MapGet("/statistics", async Task<IResult> ([AsParameters] MemberFilter filter, MemberStatistics h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(filter, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });

        g.MapPost("/", async Task<IResult> (CreateMemberRequest body, CreateMember h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(body, ct);
            return r.IsSuccess
                ? TypedResults.Created($"/api/v1/members/{r.Value!.Id}", new { id = r.Value.Id, name = r.Value.Name, idNumberMasked = r.Value.IdNumberMasked })
                : r.Error!.ToProblem();
        });

        g.MapGet("/{id:guid}", async Task<IResult> (Guid id, bool? reveal, GetMember h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, reveal == true, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });

        g.MapPatch("/{id:guid}", async Task<IResult> (Guid id, MemberFields body, UpdateMember h, GetMember get, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Ok((await get.HandleAsync(id, false, ct)).Value) : r.Error!.ToProblem();
        });

        g.MapGet("/{id:guid}/access-log", async Task<IResult> (Guid id, int? page, ReadAccessLog h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, PageRequest.Of(page, 50), ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });

        app.MapGet("/api/v1/me/member", async Task<IResult> (AppDbContext db, CurrentUser user, GetMember get, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            var id = await db.Members.Where(m => m.UserId == user.UserId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            if (id is null) return Error.NotFound(L["Member.NoOwnRecord"]).ToProblem();
            var r = await get.HandleAsync(id.Value, true, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        }).WithTags("Members").RequireAuthorization();
        return app;
    }
}
