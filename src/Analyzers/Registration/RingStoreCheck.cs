using System;
using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Publication;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// DBL006 for one method that may hold a doorbell store (a ring wrapper, or code naming a raw doorbell address): the
/// ordinary doorbell stores <see cref="DoorbellStores"/> finds, each reported where it stands.
/// </summary>
internal static class RingStoreCheck
{
    public static void Run(IOperation root, ISymbol owner, Action<Diagnostic> report, ProtocolSymbols symbols, WrapperConfiguration configuration, bool isRingWrapper)
    {
        try
        {
            foreach (var store in DoorbellStores.Unpublished(root, isRingWrapper, operation => IsRingCall(operation, symbols, configuration)))
            {
                var address = PointerOperations.StripConversions(store.Address).Syntax.ToString();
                report(Diagnostic.Create(Descriptors.RingStoreNotPublished, store.Operation.Syntax.GetLocation(), address));
            }
        }
        catch (Exception e) when (AnalyzerFailures.Swallow(e))
        {
            var where = owner.Locations.FirstOrDefault(l => l.IsInSource) ?? root.Syntax.GetLocation();
            report(Diagnostic.Create(Descriptors.AnalysisSkipped, where, FunctionNames.Of(owner),
                "the check of its doorbell stores failed (" + e.GetType().Name + "), a DoorbellGuard bug: please report it with this method"));
        }
    }

    /// <summary>A ring through another member (the runtime's Ring, another wrapper): that member writes the doorbell.</summary>
    private static bool IsRingCall(IOperation operation, ProtocolSymbols symbols, WrapperConfiguration configuration) => operation switch
    {
        IInvocationOperation invocation => symbols.Classify(invocation.TargetMethod, configuration) == ProtocolOperation.Ring,
        IPropertyReferenceOperation property => symbols.ClassifyAccess(property.Property,
            property.Parent is IAssignmentOperation assignment && assignment.Target == property, configuration) == ProtocolOperation.Ring,
        _ => false,
    };
}
