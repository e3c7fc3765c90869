using System.Diagnostics;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Accounts;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>
/// Maintenance commands of the same executable:
///   seed --members N [--name 名称] [--admin-password P]   build a large synthetic tenant (benchmarks)
///   schema-sql                                          print the create script of the current model
/// Both take the usual configuration switches, e.g. --Database:Provider=Postgres --ConnectionStrings:Postgres=….
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string arg) => arg is "seed" or "schema-sql";

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args[0];
        var rest = args[1..];
        var builder = WebApplication.CreateBuilder(rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray());
        builder.Services.AddPlatform(builder.Configuration, builder.Environment);
        builder.Services.AddOrganizations(builder.Configuration);
        builder.Services.AddAccounts();
        builder.Services.AddMembers(builder.Configuration);
        await using var app = builder.Build();
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
        var sw = Stopwatch.StartNew();
        var result = await scope.ServiceProvider.GetRequiredService<TenantSeeder>().SeedAsync(new SeedPlan(name, members));
        var password = Option(rest, "--admin-password") ?? AdminAccount.GeneratePassword();
        var adminName = Option(rest, "--admin") ?? "bench-admin-" + result.TenantId.ToString("N")[..6];
        await AdminAccount.CreateAsync(scope.ServiceProvider, result.TenantId, result.RootId, adminName, "压测管理员", password);
        Console.WriteLine($"seeded tenant {result.TenantId} root {result.RootId}: {result.Units} units, {result.Members} members, {result.Terms} terms in {sw.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"admin: {adminName} / {password}");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
