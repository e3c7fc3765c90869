using System.Resources;
using Dangjian.Web.Platform.Import;

namespace Dangjian.Web.Modules.Assessment.Evaluation.Kpis;

/// <summary>The columns of the business KPI sheet (EvaluationText "KpiImport.Column.*"), read by their Chinese headers or the English ones.</summary>
public static class KpiSheet
{
    internal static readonly ResourceManager Texts = new(typeof(EvaluationText));

    internal static readonly SheetColumns Columns = new(Texts, "KpiImport.Column.", ["Unit", "UnitKey", "Period", "Name", "Value", "Target"]);

    public static readonly string Unit = Columns["Unit"];
    public static readonly string UnitKey = Columns["UnitKey"];
    public static readonly string Period = Columns["Period"];
    public static readonly string Name = Columns["Name"];
    public static readonly string Value = Columns["Value"];
    public static readonly string Target = Columns["Target"];

    public static readonly string[] Required = [Unit, Period, Name, Value, Target];
}
