using Dangjian.Web.Data;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>On start: migrate the schema; on an empty database, create the demo tenant and print how to log in.</summary>
public static class StartupTasks
{
    public const string DemoTenantName = "示例集团";

    /// <summary>The data folder, keys and database readable by the app's account only; a warning for what cannot be narrowed.</summary>
    private static void NarrowDataFiles(WebApplication app, AppDbContext db)
    {
        var paths = new List<string>();
        paths.AddRange(PrivateFiles.Sensitive(Path.Combine(app.Environment.ContentRootPath, "App_Data")));
        if (app.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keys) paths.AddRange(PrivateFiles.Sensitive(keys));
        if (app.Configuration["PersonalData:KeyFile"] is { Length: > 0 } keyFile) paths.Add(keyFile);
        if (db.Database.IsSqlite() && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is { Length: > 0 } file
            && file != ":memory:")
        {
            paths.AddRange([file, file + "-wal", file + "-shm"]);
        }
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dangjian.Security");
        foreach (var wide in PrivateFiles.Narrow(paths.Distinct()))
        {
            log.LogWarning("{Path} can be read by other accounts of this machine and could not be narrowed to the app's own account (0600/0700).", wide);
        }
    }

    public static async Task RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var config = app.Configuration;
        if (config.GetValue("Database:Migrate", true)) await SchemaMigrator.MigrateAsync(db);
        NarrowDataFiles(app, db);

        if (!config.GetValue("Seed:Demo", true) || await db.Tenants.AnyAsync()) return;

        var members = config.GetValue("Seed:DemoMembers", 1500);
        var result = await DemoTenant.SeedAsync(sp, DemoTenantName, members);
        var configured = config["Seed:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? AdminAccount.GeneratePassword() : configured;
        await AdminAccount.CreateAsync(sp, result.TenantId, result.RootId, "admin", "系统管理员", password);

        var url = config["Urls"]?.Split(';')[0] ?? "http://localhost:5080";
        Console.WriteLine();
        Console.WriteLine($"  党建平台已创建示例租户「{DemoTenantName}」：{result.Units} 个组织，{result.Members} 名人员。");
        Console.WriteLine($"  地址 URL:        {url}");
        Console.WriteLine("  管理员 admin:    admin");
        Console.WriteLine(string.IsNullOrEmpty(configured)
            ? $"  初始密码 password: {password}   （仅显示这一次 / shown only once）"
            : "  密码 password:    the value of Seed:AdminPassword");
        Console.WriteLine();
    }
}
