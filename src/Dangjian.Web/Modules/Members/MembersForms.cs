namespace Dangjian.Web.Modules.Members;

/// <summary>Marker for the wording of the module's official forms (介绍信, 证明信): MembersForms.resx, zh-CN only (<see cref="Platform.Pdf.FormWords"/>).</summary>
public sealed class MembersForms;
