using Dangjian.Web.Platform;

namespace Dangjian.Tests.Architecture;

/// <summary>
/// A module uses another module only through what that module offers (types marked <see cref="ModuleContractAttribute"/>:
/// its read contracts, published read models and the services other modules are meant to call) or kept in its
/// <c>Contracts</c> folder; never its entities,
/// handlers or DbSets. Platform, Data and Components are shared by all.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static string? ModuleOf(Type type)
    {
        var ns = TypeReferences.Owner(type).Namespace ?? "";
        const string prefix = "Dangjian.Web.Modules.";
        if (!ns.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = ns[prefix.Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    public static IEnumerable<string> Violations()
    {
        var assembly = typeof(Program).Assembly;
        foreach (var type in assembly.GetTypes())
        {
            var from = ModuleOf(type);
            if (from is null) continue;
            foreach (var used in TypeReferences.Of(type).Distinct())
            {
                if (used.Assembly != assembly) continue;
                var owner = TypeReferences.Owner(used);
                var to = ModuleOf(owner);
                if (to is null || to == from) continue;
                if (owner.IsDefined(typeof(ModuleContractAttribute), inherit: false)) continue;
                // A module's Contracts folder holds its read contracts and the records they answer with.
                if (owner.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) == true) continue;
                yield return $"{from} → {to}: {TypeReferences.Owner(type).FullName} uses {owner.FullName}";
            }
        }
    }

    [Fact]
    public void Modules_UseEachOtherOnlyThroughContracts()
    {
        var violations = Violations().Distinct().Order().ToList();
        violations.ShouldBeEmpty($"{violations.Count} uses of another module's internals:\n" + string.Join("\n", violations));
    }
}
