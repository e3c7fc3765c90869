using System.Reflection;
using System.Reflection.Emit;

namespace Dangjian.Tests.Architecture;

/// <summary>
/// The types a type uses: its base and interfaces, the types of its fields, properties and method signatures, and every
/// type, method and field its method bodies refer to (read from the IL). Nested and compiler-generated types (lambdas,
/// async state machines) count for the type that declares them.
/// </summary>
public static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                     BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The outermost declaring type: the one a nested or generated type belongs to.</summary>
    public static Type Owner(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.IsArray || t.IsByRef || t.IsPointer) { Add(t.GetElementType()); return; }
            if (t.IsGenericParameter) return;
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var a in t.GetGenericArguments()) Add(a);
                t = t.GetGenericTypeDefinition();
            }
            found.Add(t);
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(All)) Add(f.FieldType);
        foreach (var p in type.GetProperties(All)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var t in FromBody(m)) Add(t);
        }
        return found;
    }

    private static IEnumerable<Type> FromBody(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            yield break;
        }
        if (il is null) yield break;

        var module = method.Module;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var op)) yield break;
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                {
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArgs, methodArgs);
                    }
                    catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException)
                    {
                    }
                    switch (member)
                    {
                        case Type t: yield return t; break;
                        case FieldInfo f:
                            if (f.DeclaringType is not null) yield return f.DeclaringType;
                            yield return f.FieldType;
                            break;
                        case MethodBase m:
                            if (m.DeclaringType is not null) yield return m.DeclaringType;
                            if (m is MethodInfo { IsGenericMethod: true } gm)
                            {
                                foreach (var a in gm.GetGenericArguments()) yield return a;
                            }
                            if (m is MethodInfo mi) yield return mi.ReturnType;
                            foreach (var p in m.GetParameters()) yield return p.ParameterType;
                            break;
                    }
                    break;
                }
                default: i += 4; break;
            }
        }
    }
}
