using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Tenancy;
using Dangjian.Web.Seeding;

namespace Dangjian.Tests.Infrastructure;

/// <summary>An account made for a test, with the password to get its token.</summary>
public sealed record TestUser(Guid Id, string UserName, string Password, string DisplayName);

/// <summary>
/// Test-data builder: a tenant of its own inside a shared app (so tests in one class never see each other's rows),
/// built straight through <see cref="AppDbContext"/> and the app's own seeding helpers.
/// </summary>
public sealed class TestTenant
{
    private static int counter;
    private readonly AppFixture app;

    private TestTenant(AppFixture app, Guid tenantId, OrgUnit root, TestUser admin)
    {
        this.app = app;
        TenantId = tenantId;
        Root = root;
        Admin = admin;
    }

    public Guid TenantId { get; }
    public OrgUnit Root { get; }

    /// <summary>SystemAdmin on the root, own unit and below.</summary>
    public TestUser Admin { get; }

    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A tenant with a root 党委 and a SystemAdmin on it.</summary>
    public static async Task<TestTenant> CreateAsync(AppFixture app, string? name = null)
    {
        name ??= Unique("测试集团");
        var now = app.Clock.GetUtcNow();
        var tenant = new Tenant { Id = Guid.CreateVersion7(now), Name = name, CreatedAt = now };
        var key = OrgPaths.NewKey();
        var root = new OrgUnit
        {
            Id = Guid.CreateVersion7(now), Key = key, Path = OrgPaths.Root(key), Depth = 0, Name = name + "党委",
            Kind = OrgUnitKind.PartyCommittee, Setup = OrgSetup.Standalone, HostUnitType = "公有经济控制企业", SortOrder = 1, CreatedAt = now,
        };
        await app.InTenantAsync(tenant.Id, async db =>
        {
            db.Tenants.Add(tenant);
            db.OrgUnits.Add(root);
            await db.SaveChangesAsync();
        });
        var t = new TestTenant(app, tenant.Id, root, null!);
        var admin = await t.AddUserAsync(root, AppRole.SystemAdmin);
        return new TestTenant(app, tenant.Id, root, admin);
    }

    /// <summary>A realistic tenant from the app's own seeder (a 党委 with secondary units, branches, groups, terms).</summary>
    public static Task<(TestTenant Tenant, SeedResult Seed)> SeedAsync(AppFixture app, int members = 300) =>
        SeedAsync(app, sp => sp.GetRequiredService<TenantSeeder>().SeedAsync(new SeedPlan(Unique("测试集团"), members)));

    /// <summary>A tenant built by one of the app's seeders (run in a scope of its own), with a SystemAdmin on its root.</summary>
    public static async Task<(TestTenant Tenant, SeedResult Seed)> SeedAsync(AppFixture app, Func<IServiceProvider, Task<SeedResult>> seeder)
    {
        SeedResult seed;
        OrgUnit root;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            seed = await seeder(scope.ServiceProvider);
        }
        root = await app.InTenantAsync(seed.TenantId, db => db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == seed.RootId));
        var t = new TestTenant(app, seed.TenantId, root, null!);
        var admin = await t.AddUserAsync(root, AppRole.SystemAdmin);
        return (new TestTenant(app, seed.TenantId, root, admin), seed);
    }

    public async Task<OrgUnit> AddUnitAsync(OrgUnit parent, OrgUnitKind kind, string? name = null, string? hostUnitType = null,
        OrgSetup setup = OrgSetup.Standalone)
    {
        var now = app.Clock.GetUtcNow();
        var key = OrgPaths.NewKey();
        var unit = new OrgUnit
        {
            Id = Guid.CreateVersion7(now), ParentId = parent.Id, Key = key, Path = OrgPaths.Child(parent.Path, key),
            Depth = parent.Depth + 1, Name = name ?? Unique(kind.ToString()), Kind = kind, Setup = setup,
            HostUnitType = hostUnitType ?? parent.HostUnitType, SortOrder = 1, CreatedAt = now,
        };
        await app.InTenantAsync(TenantId, async db =>
        {
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
        });
        return unit;
    }

    /// <summary>People on the roll of <paramref name="unit"/>; returns them in the order created.</summary>
    public async Task<IReadOnlyList<Member>> AddMembersAsync(OrgUnit unit, int count, MemberCategory category = MemberCategory.Full,
        string? namePrefix = null)
    {
        var now = app.Clock.GetUtcNow();
        var list = Enumerable.Range(0, count).Select(i => new Member
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, OrgPath = unit.Path, Name = (namePrefix ?? "党员") + Unique(""),
            Gender = i % 2 == 0 ? Gender.Male : Gender.Female, Category = category, BirthDate = new DateOnly(1980, 1, 1).AddDays(i),
            JoinedOn = new DateOnly(2010, 7, 1), FullMemberOn = category == MemberCategory.Full ? new DateOnly(2011, 7, 1) : null,
            CreatedAt = now,
        }).ToList();
        await app.InTenantAsync(TenantId, async db =>
        {
            db.Members.AddRange(list);
            await db.SaveChangesAsync();
        });
        return list;
    }

    /// <summary>One person on the roll of <paramref name="unit"/> with an ID number stored the way the registry stores it.</summary>
    public async Task<Member> AddPersonAsync(OrgUnit unit, string name, string idNumber, MemberCategory category = MemberCategory.Full)
    {
        var now = app.Clock.GetUtcNow();
        await using var scope = app.Scope(TenantId);
        var protector = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Platform.Privacy.PersonalDataProtector>();
        var id = IdNumberRules.Check(idNumber, app.Clock.Today());
        var member = new Member
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, OrgPath = unit.Path, Name = name, Category = category, Gender = id.Gender!.Value,
            BirthDate = id.BirthDate!.Value, JoinedOn = new DateOnly(2010, 7, 1), FullMemberOn = category == MemberCategory.Full ? new DateOnly(2011, 7, 1) : null,
            IdNumberEncrypted = protector.Encrypt(id.Normalized), IdNumberHash = protector.Hash(id.Normalized!), IdNumberMasked = IdNumberRules.Mask(id.Normalized!),
            CreatedAt = now,
        };
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member;
    }

    /// <summary>A committee term of <paramref name="unit"/> ending on <paramref name="endOn"/>, with the people named.</summary>
    public async Task<CommitteeTerm> AddTermAsync(OrgUnit unit, DateOnly startOn, DateOnly endOn, params string[] committee)
    {
        var now = app.Clock.GetUtcNow();
        var term = new CommitteeTerm
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, Number = 1, StartOn = startOn, EndOn = endOn, ElectedOn = startOn,
            ElectionMethod = "差额选举", VotersEntitled = 10, VotersPresent = 9, CreatedAt = now,
        };
        for (var i = 0; i < committee.Length; i++)
        {
            term.Members.Add(new CommitteeMember
            {
                Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, Name = committee[i],
                Post = i == 0 ? CommitteePost.Secretary : CommitteePost.CommitteeMember,
            });
        }
        await app.InTenantAsync(TenantId, async db =>
        {
            db.CommitteeTerms.Add(term);
            await db.SaveChangesAsync();
        });
        return term;
    }

    /// <summary>An account holding <paramref name="role"/> on <paramref name="unit"/>, created by the app's own helper.</summary>
    public async Task<TestUser> AddUserAsync(OrgUnit unit, AppRole role, DataScope scope = DataScope.OwnUnitAndBelow, string? displayName = null)
    {
        var userName = Unique("u").ToLowerInvariant();
        var password = "Pw-" + Guid.NewGuid().ToString("N")[..10] + "7";
        displayName ??= Unique("用户");
        await using var s = app.Scope(TenantId);
        var user = await AdminAccount.CreateAsync(s.ServiceProvider, TenantId, unit.Id, userName, displayName, password, role, scope);
        return new TestUser(user.Id, userName, password, displayName);
    }

    /// <summary>
    /// A member's own account, as CreateUser makes it for a member: role Member, scope Self on <paramref name="unit"/>,
    /// linked to the member record (<c>Member.UserId</c>), so that the member signs in, asks for leave and so on.
    /// </summary>
    public async Task<TestUser> AddMemberAccountAsync(OrgUnit unit, Guid memberId)
    {
        var user = await AddUserAsync(unit, AppRole.Member, DataScope.Self);
        await app.InTenantAsync(TenantId, db => db.Members.Where(m => m.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.UserId, user.Id)));
        return user;
    }

    public DateOnly Today => app.Clock.Today();
}
