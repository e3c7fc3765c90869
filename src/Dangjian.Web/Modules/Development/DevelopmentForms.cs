namespace Dangjian.Web.Modules.Development;

/// <summary>Marker for the wording of the module's official forms (the dossier): DevelopmentForms.resx, zh-CN only (<see cref="Platform.Pdf.FormWords"/>).</summary>
public sealed class DevelopmentForms;
