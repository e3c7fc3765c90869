using Dangjian.Web.Platform;
namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// Names of units relative to an ancestor, "综合办公室党支部/第一党小组", so rosters can name a unit unambiguously
/// where names repeat (every branch has a 第一党小组).
/// </summary>
[ModuleContract]
public static class OrgNamePaths
{
    public static Dictionary<Guid, string> Relative(OrgUnit root, IReadOnlyCollection<OrgUnit> subtree)
    {
        var byId = subtree.ToDictionary(u => u.Id);
        var result = new Dictionary<Guid, string> { [root.Id] = root.Name };
        foreach (var u in subtree.OrderBy(u => u.Depth))
        {
            if (u.Id == root.Id) continue;
            result[u.Id] = u.ParentId is { } p && p != root.Id && result.TryGetValue(p, out var parentPath) && byId.ContainsKey(p)
                ? parentPath + "/" + u.Name
                : u.Name;
        }
        return result;
    }
}
