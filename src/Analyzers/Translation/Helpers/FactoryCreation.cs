using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Whether a helper is a factory that hands back a doorbell it created and did not connect: every <c>return</c>
/// returns a <c>CreateDoorbell()</c> call, or a local that only such a call sets and that nothing else touches, and the
/// body connects nothing. A call of such a helper is a creation for DBL005, placed at the helper's creation.
/// </summary>
internal static class FactoryCreation
{
    /// <summary>The creation the factory <paramref name="body"/> returns; null when it is no such factory.</summary>
    public static IOperation? Find(IOperation body, ProtocolSymbols symbols, WrapperConfiguration configuration)
    {
        IOperation? creation = null;
        ILocalSymbol? created = null;
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation when symbols.Classify(invocation.TargetMethod, configuration) is ProtocolOperation.Connect or ProtocolOperation.Complete or ProtocolOperation.Ring:
                    return null; // it connects (or uses) what it creates: no plain factory
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null; // a lambda may do anything with the doorbell later
                case IReturnOperation { ReturnedValue: { } returned }:
                    var value = StripConversions(returned);
                    if (IsCreation(value, symbols, configuration))
                    {
                        creation ??= value;
                    }
                    else if (value is ILocalReferenceOperation local && (created is null || SymbolEqualityComparer.Default.Equals(created, local.Local)))
                    {
                        created = local.Local;
                    }
                    else
                    {
                        return null;
                    }

                    break;
            }
        }

        if (created is null)
            return creation;
        return OnlySetByCreation(body, created, symbols, configuration) is { } set && creation is null ? set : null;
    }

    /// <summary>The one creation that sets <paramref name="local"/>, when the local is used nowhere but that and the returns.</summary>
    private static IOperation? OnlySetByCreation(IOperation body, ILocalSymbol local, ProtocolSymbols symbols, WrapperConfiguration configuration)
    {
        IOperation? creation = null;
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (creation is not null || declarator.GetVariableInitializer()?.Value is not { } initial || !IsCreation(StripConversions(initial), symbols, configuration))
                        return null;
                    creation = StripConversions(initial);
                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && reference.Parent is not IReturnOperation && !(reference.Parent is IConversionOperation { Parent: IReturnOperation }):
                    return null;
            }
        }

        return creation;
    }

    private static bool IsCreation(IOperation? value, ProtocolSymbols symbols, WrapperConfiguration configuration) =>
        value is IInvocationOperation invocation && symbols.Classify(invocation.TargetMethod, configuration) == ProtocolOperation.Create;
}
