namespace Dangjian.Web.Platform;

/// <summary>
/// Marks a column that holds a copy of a unit's path other than <c>IHasOrgPath.OrgPath</c> (a transfer's from
/// and to units, the unit an audit entry concerns), so that moving a unit rewrites it too
/// (Modules/Organizations/OrgPathCopies).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OrgPathCopyAttribute : Attribute;
