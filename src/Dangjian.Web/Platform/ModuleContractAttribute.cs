namespace Dangjian.Web.Platform;

/// <summary>
/// Marks what a module offers the others: a read contract (an interface or a small service answering questions about
/// the module's data), a published read model (an entity other modules may query but only its module writes), or a
/// rule or helper meant for shared use. Everything else in a module is its own; <c>ModuleBoundaryTests</c> fails when
/// another module uses it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum, Inherited = false)]
public sealed class ModuleContractAttribute : Attribute;
