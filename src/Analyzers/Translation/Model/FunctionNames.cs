using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>How a diagnostic names a method: its type, name and parameter types, as <c>C.Submit(Doorbell, ulong)</c>.</summary>
internal static class FunctionNames
{
    private static readonly SymbolDisplayFormat s_format = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static string Of(ISymbol? function) => function switch
    {
        null => "this code",
        IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => "a lambda",
        _ => function.ToDisplayString(s_format),
    };
}
