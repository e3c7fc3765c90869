using System.Globalization;
using System.Text.Json.Serialization;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Pdf;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Dangjian.Web.Platform;

/// <summary>Cross-cutting services: database, identity and org scope, audit, ledger, jobs, errors, i18n, OpenAPI.</summary>
public static class PlatformModule
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddAppDatabase(config, env.ContentRootPath);
        services.AddScoped<TenantContext>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<RoleCache>();
        services.AddScoped<Ledger.Ledger>();
        services.AddScoped<VerifyLedger>();
        services.AddScoped<LedgerGate>();
        services.AddScoped<ListAuditEntries>();
        services.AddScoped<ExportAuditEntries>();
        services.AddSingleton<Jobs.IJob, AuditRetentionJob>();
        services.AddScoped<Import.ImportServices>();
        services.AddScoped<CodeTables.CodeTableService>();
        services.AddScoped<Seeding.TenantSeeder>();
        services.AddSingleton<JobRunner>();
        services.AddHttpContextAccessor();
        // Personal data (ID numbers, mobiles, uploaded rosters) is encrypted with one key, shared by the modules.
        services.AddSingleton(sp => Privacy.PersonalDataProtector.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Privacy.PersonalDataProtector))));
        services.AddSingleton<Jobs.IJob, Import.ImportUploadPurgeJob>();
        services.AddSingleton<Auth.Login.LoginThrottle>();
        services.AddSingleton<Auth.Login.PasswordHashGate>();
        services.AddScoped<Auth.Login.PasswordCheck>();
        services.AddSingleton<Auth.Passwords.PasswordPolicy>();
        services.AddScoped<Auth.Passwords.PasswordChanges>();
        services.AddScoped<SecurityEvents>();
        services.AddPlatformRateLimits(config);
        services.AddProxyHeaders(config);
        services.AddHostedService<JobHostedService>();
        services.AddOptions<Hosting.WarmUpOptions>().Bind(config.GetSection(Hosting.WarmUpOptions.Section));
        services.AddSingleton<Hosting.IWarmUp, Auth.SignedInWarmUp>();

        var keys = config["DataProtection:KeysPath"] ?? Path.Combine(env.ContentRootPath, "App_Data", "keys");
        services.AddDataProtection().SetApplicationName("Dangjian").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "CookieOrBearer";
                o.DefaultChallengeScheme = "CookieOrBearer";
            })
            .AddPolicyScheme("CookieOrBearer", null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/error?status=403";
                o.Cookie.Name = "dangjian.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is HTTPS, also behind a TLS proxy (ProxyHeaders).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiStatus(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiStatus(ctx, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                // POST /api/v1/auth/refresh exchanges it while the security stamp holds (a changed password ends it).
                o.RefreshTokenExpiration = TimeSpan.FromDays(Math.Clamp(config.GetValue("Auth:RefreshDays", 14), 1, 90));
            });
        services.AddAuthorization();

        services.AddIdentityCore<AppUser>(o =>
            {
                // Failed sign-ins are held back per name and address by LoginThrottle, not by locking the account (a
                // stranger could lock anyone out); an account can still be locked by hand, and unlocked (UnlockUser).
                o.Lockout.AllowedForNewUsers = true;
                // The password rule is PasswordPolicy (settings Auth:Password:*), applied by PolicyPasswordValidator.
                o.Password.RequiredLength = 1;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = false;
                o.ClaimsIdentity.SecurityStampClaimType = CurrentUserMiddleware.StampClaim;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddPasswordValidator<Auth.Passwords.PolicyPasswordValidator>()
            .AddSignInManager();
        // The cost of a password hash (PBKDF2-HMAC-SHA512 iterations), the whole cost of a login (docs/security.md).
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = Auth.Passwords.PasswordPolicy.HashIterations(config));

        services.AddLocalization();
        // Chinese text is written as is, not as &#x…; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese unless the person chose otherwise: the browser's language does not switch the UI by itself.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true);
        var health = services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        // A replica that cannot be reached makes the reads on it answer 503 (Retry-After) while writes go on: degraded,
        // not unhealthy, so a load balancer keeps the instance.
        if (DatabaseSetup.HasReadReplica(config))
            health.AddCheck<ReadDbHealthCheck>("database-read", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
        services.AddPdf(config);
        services.AddAntiforgery();
        services.AddOptions<Input.InputOptions>().Bind(config.GetSection(Input.InputOptions.Section));
        services.AddSingleton<Input.InputLimits>();
        services.AddScoped<Input.InputCheck>();
        return services;
    }

    private static Task ApiStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        // Strict-Transport-Security on HTTPS answers only (never on plain HTTP or localhost).
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseExceptionHandler();
        app.UseMiddleware<Input.RequestBodyLimit>();
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api") && http.Response.StatusCode is 401 or 403 or 404 or 405)
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
            }
        });
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// The group every endpoint of the platform and the modules is mapped through (Program.cs), so that what it puts
    /// on its endpoints covers all of them, a new module's included: the text limits of <see cref="Input.InputEndpointFilter"/>.
    /// </summary>
    public static RouteGroupBuilder MapEndpoints(this WebApplication app) => app.MapGroup("").CheckInput();

    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health");
        PlatformApi.Map(app);
        CodeTables.CodeTablesApi.Map(app);
        return app;
    }
}
