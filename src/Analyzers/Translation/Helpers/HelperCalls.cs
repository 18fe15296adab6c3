using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Which calls are followed into the callee's body (helper summaries), and whose own body leaves doorbells it receives
/// to its callers. A helper is a method of the same compilation that no override can replace: static, private,
/// non-virtual, in a sealed type or a struct, or a local function.
/// </summary>
internal static class HelperCalls
{
    /// <summary>Whether a call to <paramref name="method"/> can be summarised from the callee's own body.</summary>
    public static bool CanFollow(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) && !IsAccessor(method))
            return false;
        if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty || method.ContainingType is not { } type)
            return false;
        if (type.TypeKind == TypeKind.Interface)
            return false;
        return method.IsStatic || method.MethodKind == MethodKind.LocalFunction || method.DeclaredAccessibility == Accessibility.Private
            || !(method.IsVirtual || method.IsOverride) || method.IsSealed || type.IsSealed || type.TypeKind == TypeKind.Struct;
    }

    /// <summary>A getter or setter of a property that is no indexer: followed at each read or assignment of the property, like a method at its call.</summary>
    public static bool IsAccessor(IMethodSymbol method) =>
        method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet && method.AssociatedSymbol is IPropertySymbol { IsIndexer: false };

    /// <summary>
    /// Whether what <paramref name="function"/> does to <paramref name="key"/> is its callers' to finish (each call
    /// reports it) rather than its own (its body reports it): true for a key a caller hands over (a parameter, a field
    /// of this, a static) in a helper only this compilation can call (private, internal), and for a local function's
    /// parameters. A public method, and a local function's captured variables, report in their own body.
    /// The function must also be called somewhere (<see cref="IHelperModels.HasCallers"/>) for its body to stay silent.
    /// </summary>
    public static bool LeavesObligationsToCallers(IMethodSymbol? function, AccessPath key)
    {
        if (function is null || !CanFollow(function))
            return false;
        if (function.MethodKind == MethodKind.LocalFunction)
            return key.Kind == AccessRootKind.Parameter && SymbolEqualityComparer.Default.Equals(key.Root!.ContainingSymbol, function);
        if (!IsCallersKey(key, function))
            return false;
        for (ISymbol? symbol = function; symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
                return true;
        }

        return false;
    }

    /// <summary>
    /// Whether a status <paramref name="function"/> reads stays with it: it returns nothing and has no <c>out</c> or
    /// <c>ref</c> parameter through which a status could go back. Such a helper answers for the statuses it reads after
    /// its own rings (its body reports them); one that returns a value hands them back to its callers.
    /// </summary>
    public static bool KeepsStatus(IMethodSymbol function)
    {
        if (!function.ReturnsVoid)
            return false;
        foreach (var parameter in function.Parameters)
        {
            if (parameter.RefKind is RefKind.Out or RefKind.Ref)
                return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="path"/> names something a caller hands to <paramref name="function"/>: a parameter, this, a static, a captured local.</summary>
    public static bool IsCallersKey(AccessPath path, IMethodSymbol function) => path.Kind switch
    {
        AccessRootKind.This or AccessRootKind.Static or AccessRootKind.Parameter => true,
        _ => !SymbolEqualityComparer.Default.Equals(path.Root!.ContainingSymbol, function), // a captured local is the container's
    };

    /// <summary>Whether a call passes a delegate (a lambda the callee may run): such calls are not followed.</summary>
    public static bool PassesDelegate(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.Type?.TypeKind == TypeKind.Delegate)
                return true;
        }

        return false;
    }
}
