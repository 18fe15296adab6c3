using System.Threading;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// The event walker of the syntax-directed path: the expressions that branch (<c>?:</c>, <c>??</c>, <c>??=</c>,
/// <c>?.</c>, <c>&amp;&amp;</c>, <c>||</c>, switch expressions, throw expressions), which the graph path never meets
/// because Roslyn's graph has lowered them, are handed to the <see cref="StructuredModelBuilder"/> that owns the blocks.
/// </summary>
internal sealed class StructuredWalker : EventWalker
{
    private StructuredModelBuilder? _builder;

    public StructuredWalker(ProtocolSymbols symbols, WrapperConfiguration configuration, IMethodSymbol? function, bool suppressOwnRings, CapturedRoots captured, CancellationToken cancellationToken, IHelperModels? helperModels = null, int callDepth = 0)
        : base(symbols, configuration, function, suppressOwnRings, captured, cancellationToken, helperModels, callDepth)
    {
    }

    public void Attach(StructuredModelBuilder builder) => _builder = builder;

    public override void WalkDiscarded(IOperation operation)
    {
        if (operation is IConditionalAccessOperation or ICoalesceAssignmentOperation)
            _builder!.WalkDiscardedBranching(operation);
        else
            base.WalkDiscarded(operation);
    }

    protected override bool TryWalkBranching(IOperation operation, out WalkValue value) => _builder!.TryWalkBranching(operation, out value);
}
