using System.Diagnostics;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Accounts;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>
/// Maintenance commands of the same executable:
///   seed --members N [--name 名称] [--admin-password P] [--activity-years Y] [--activity-only]
///                                                       build a large synthetic tenant (benchmarks); with Y, also Y years
///                                                       of meetings, rolls and dues (ActivitySeeder); --activity-only adds
///                                                       them to the tenant of that name already seeded
///   schema-sql                                          print the create script of the current model
///   backup --out FILE, restore --from FILE [--force]    one archive of the database and the keys, and back
///                                                       (Platform/Backup/BackupCommand, ADR 0017)
/// All take the usual configuration switches, e.g. --Database:Provider=Postgres --ConnectionStrings:Postgres=….
/// Run from any directory they read the app's own appsettings.json and App_Data (see <see cref="ContentRoot"/>).
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string arg) => arg is "seed" or "schema-sql" || Platform.Backup.BackupCommand.IsCommand(arg);

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args[0];
        var rest = args[1..];
        var settings = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings, ContentRootPath = ContentRoot(settings) });
        // Bulk seeding sends about a million commands; never log each one, whatever the configuration says.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Services.AddPlatform(builder.Configuration, builder.Environment);
        builder.Services.AddOrganizations(builder.Configuration);
        builder.Services.AddAccounts();
        builder.Services.AddMembers(builder.Configuration);
        // Its ledger anchor: a restore verifies every tenant's ledger as the app does.
        builder.Services.AddDevelopment(builder.Configuration);
        await using var app = builder.Build();
        if (Platform.Backup.BackupCommand.IsCommand(command)) return await Platform.Backup.BackupCommand.RunAsync(command, rest, app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (command == "schema-sql")
        {
            Console.WriteLine(db.Database.GenerateCreateScript());
            return 0;
        }

        var members = int.Parse(Option(rest, "--members") ?? "200000", System.Globalization.CultureInfo.InvariantCulture);
        var name = Option(rest, "--name") ?? $"压测集团{members}";
        await SchemaMigrator.MigrateAsync(db);
        var years = int.Parse(Option(rest, "--activity-years") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var sw = Stopwatch.StartNew();
        if (rest.Contains("--activity-only"))
        {
            // Tenants are not tenant-filtered: the newest tenant of that name (Version 7 ids sort by creation time).
            var tenantId = (await db.Tenants.AsNoTracking().Where(t => t.Name == name).Select(t => t.Id).ToListAsync()).Max();
            scope.ServiceProvider.GetRequiredService<Platform.Tenancy.TenantContext>().Set(tenantId);
            await SeedActivityAsync(scope.ServiceProvider, builder.Configuration, db, tenantId, Math.Max(1, years));
            if (Option(rest, "--admin") is { } admin && Option(rest, "--admin-password") is { } adminPassword
                && !await db.Users.AnyAsync(u => u.UserName == admin))
            {
                var rootId = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).FirstAsync();
                await AdminAccount.CreateAsync(scope.ServiceProvider, tenantId, rootId, admin, "压测管理员", adminPassword);
                Console.WriteLine($"admin: {admin}");
            }
            return 0;
        }
        var result = await scope.ServiceProvider.GetRequiredService<TenantSeeder>().SeedAsync(new SeedPlan(name, members));
        if (years > 0)
        {
            db.ChangeTracker.Clear();
            await SeedActivityAsync(scope.ServiceProvider, builder.Configuration, db, result.TenantId, years);
        }
        var password = Option(rest, "--admin-password") ?? AdminAccount.GeneratePassword();
        var adminName = Option(rest, "--admin") ?? "bench-admin-" + result.TenantId.ToString("N")[..6];
        await AdminAccount.CreateAsync(scope.ServiceProvider, result.TenantId, result.RootId, adminName, "压测管理员", password);
        Console.WriteLine($"seeded tenant {result.TenantId} root {result.RootId}: {result.Units} units, {result.Members} members, {result.Terms} terms in {sw.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"admin: {adminName} / {password}");
        return 0;
    }

    /// <summary>
    /// The web app's content root is the current directory: its project folder under <c>dotnet run</c> (the web SDK
    /// starts it there), its own folder when published. A maintenance command is often run from somewhere else (a data
    /// folder, a script's directory); there the content root is the app's own folder, so appsettings.json is read and no
    /// App_Data (default database, personal-data key) is created under the current directory. A content root given
    /// explicitly (--contentRoot=…, ASPNETCORE_CONTENTROOT, DOTNET_CONTENTROOT) is left to the host (null).
    /// </summary>
    internal static string? ContentRoot(string[] settings)
    {
        if (settings.Any(a => a.StartsWith("--contentRoot=", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
        {
            return null;
        }
        var cwd = Directory.GetCurrentDirectory();
        var project = typeof(CommandLine).Assembly.GetName().Name + ".csproj";
        return File.Exists(Path.Combine(cwd, project)) ? cwd : AppContext.BaseDirectory;
    }

    private static async Task SeedActivityAsync(IServiceProvider sp, IConfiguration config, AppDbContext db, Guid tenantId, int years)
    {
        var sw = Stopwatch.StartNew();
        var dues = config.GetSection(Modules.Dues.DuesOptions.Section).Get<Modules.Dues.DuesOptions>() ?? new Modules.Dues.DuesOptions();
        var a = await new ActivitySeeder(db, tenantId, sp.GetRequiredService<TimeProvider>(), dues, Console.WriteLine).SeedAsync(years);
        Console.WriteLine($"activity of {years} years: {a.Meetings} meetings, {a.SignIns} sign-ins, {a.AttendanceLines} attendance lines, " +
                          $"{a.DuesBases} dues bases, {a.DuesPayments} dues payments in {sw.Elapsed.TotalSeconds:F1} s");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
