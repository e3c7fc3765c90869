namespace Dangjian.Tests.Architecture;

/// <summary>docs/architecture.md describes the modules that exist: the folder tree and the module table name each one.</summary>
public sealed class ArchitectureDocTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dangjian.slnx not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void ArchitectureDoc_ListsEveryModule_InTreeAndTable()
    {
        var root = RepoRoot();
        var modules = Directory.GetDirectories(Path.Combine(root, "src", "Dangjian.Web", "Modules")).Select(Path.GetFileName).Order().ToList();
        modules.Count.ShouldBeGreaterThanOrEqualTo(7);
        var doc = File.ReadAllLines(Path.Combine(root, "docs", "architecture.md"));
        var inTree = doc.Where(l => l.StartsWith("    ", StringComparison.Ordinal) && l.TrimStart().Split(' ')[0].EndsWith('/'))
            .Select(l => l.TrimStart().Split(' ')[0].TrimEnd('/')).ToHashSet();
        var inTable = doc.Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(l => l.Split('|')[1].Trim()).ToHashSet();
        modules.Where(m => !inTree.Contains(m!)).ShouldBeEmpty("modules missing from the folder tree of docs/architecture.md");
        modules.Where(m => !inTable.Contains(m!)).ShouldBeEmpty("modules missing from the module table of docs/architecture.md");
        inTable.Where(m => m is not ("module" or "---") && !m.StartsWith("--", StringComparison.Ordinal) && !modules.Contains(m))
            .ShouldBeEmpty("the module table names modules that do not exist");
    }

    [Fact]
    public void EveryModule_HasItsModuleFileAndTables()
    {
        var modulesDir = Path.Combine(RepoRoot(), "src", "Dangjian.Web", "Modules");
        foreach (var dir in Directory.GetDirectories(modulesDir))
        {
            var name = Path.GetFileName(dir);
            File.Exists(Path.Combine(dir, name + "Module.cs")).ShouldBeTrue($"{name}: no {name}Module.cs (AddX/MapX)");
        }
    }
}
