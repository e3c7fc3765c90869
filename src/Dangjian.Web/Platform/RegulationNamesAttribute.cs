namespace Dangjian.Web.Platform;

/// <summary>
/// Marks a class that only holds citations of regulations (《…》第…条): they are quoted as written in both languages,
/// so their Chinese stays in code. TextInResourcesTests allows Chinese literals in such a class only when they cite
/// (contain 《 or 第…条/章); any other wording belongs in the module's resources.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RegulationNamesAttribute : Attribute;
