using System.Reflection;
using System.Security.Cryptography;
using Dangjian.Web.Data;

namespace Dangjian.Tests.Security;

/// <summary>
/// Every column of every row of a tenant that belongs to a part of it, read straight from the database (query filters
/// off), one line per row: taken before and after a run of hostile requests, the two must be equal. A row belongs to the
/// part when its own id or any of its Guid columns is one of the part's ids, or a column named …Path lies in the part's
/// subtree; new tables are covered without being listed.
/// </summary>
public static class RowFingerprint
{
    private static readonly MethodInfo LoadMethod = typeof(RowFingerprint).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The rows of a branch (side) of the sibling world: its subtree and everything that names one of its rows.</summary>
    public static Task<IReadOnlyList<string>> OfAsync(AppFixture app, Guid tenantId, SiblingWorld.Side side)
    {
        var ids = new HashSet<Guid>
        {
            side.Unit.Id, side.Member.Id, side.Term.Id, side.CommitteeMember.Id, side.Secretary.Id, side.NotificationId, side.Transfer.Id,
            side.ImportId, side.RecordEntryId, side.MobileRegistrationId, side.CaseId, side.MaterialId, side.DuesImportId, side.Usage.Id,
            side.Certificate.Id, side.Incoming.Id, side.Meeting.Id, side.LeaveId, side.FirstTopicId, side.AttachmentId, side.WeakLinkId,
        };
        if (side.DissolvedGroup is not null) ids.Add(side.DissolvedGroup.Id);
        return OfAsync(app, tenantId, ids, side.Unit.Path);
    }

    /// <summary>Every row of a tenant.</summary>
    public static Task<IReadOnlyList<string>> OfTenantAsync(AppFixture app, Guid tenantId) => OfAsync(app, tenantId, null, null);

    /// <summary>The lines of <paramref name="before"/> missing after, and the new ones (prefixed - and +).</summary>
    public static List<string> Diff(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        [.. before.Except(after).Select(l => "- " + l), .. after.Except(before).Select(l => "+ " + l)];

    private static Task<IReadOnlyList<string>> OfAsync(AppFixture app, Guid tenantId, HashSet<Guid>? ids, string? path) =>
        app.InTenantAsync<IReadOnlyList<string>>(tenantId, async db =>
        {
            var lines = new List<string>();
            foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType && t.FindPrimaryKey() is not null)
                         .OrderBy(t => t.ShortName(), StringComparer.Ordinal))
            {
                var properties = type.GetProperties().Where(p => p.PropertyInfo is not null || p.FieldInfo is not null).ToList();
                var tenantColumn = properties.FirstOrDefault(p => p.Name == "TenantId" && p.ClrType == typeof(Guid));
                if (tenantColumn is null) continue;
                var rows = await (Task<List<object>>)LoadMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db])!;
                foreach (var row in rows)
                {
                    var values = properties.Select(p => (p, Value: p.GetGetter().GetClrValue(row))).ToList();
                    if ((Guid)values.First(v => v.p == tenantColumn).Value! != tenantId) continue;
                    var belongs = ids is null || values.Any(v =>
                        v.Value is Guid g && ids.Contains(g)
                        || v.Value is string s && path is not null && v.p.Name.EndsWith("Path", StringComparison.Ordinal) && s.StartsWith(path, StringComparison.Ordinal));
                    if (!belongs) continue;
                    lines.Add(type.ShortName() + " " + string.Join(" ", values.Select(v => $"{v.p.Name}={Show(v.Value)}")));
                }
            }
            lines.Sort(StringComparer.Ordinal);
            return lines;
        });

    private static async Task<List<object>> LoadAsync<T>(AppDbContext db) where T : class =>
        (await db.Set<T>().IgnoreQueryFilters().AsNoTracking().ToListAsync()).Cast<object>().ToList();

    private static string Show(object? value) => value switch
    {
        null => "null",
        byte[] bytes => "sha256:" + Convert.ToHexString(SHA256.HashData(bytes))[..16],
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
