using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>Conditions: tests of a status value and null tests of a doorbell, as the graph builders ask for them.</summary>
internal partial class EventWalker
{
    /// <summary>
    /// A branch condition on a status: emits the read or picks the holder, and gives the statuses for which the
    /// condition is true. True when the condition had that shape (its subject is walked then, and
    /// <paramref name="holder"/> is -1 when the subject is no status we track).
    /// </summary>
    public bool TryTest(IOperation condition, out int holder, out byte whenTrue)
    {
        holder = -1;
        if (!StatusConditions.TryRead(condition, _symbols.MayTestStatus, out var subject, out whenTrue, out var declared))
            return false;
        // Raw code reads integer tests as possible status tests; an integer derived from the status is the derived test's.
        if (_symbols.Raw && !_symbols.IsStatus(subject.Type) && DerivedSubject(subject) >= 0)
            return false;

        var value = Walk(subject);
        switch (value.Kind)
        {
            case ValueKind.Read:
                holder = HolderTable.Scratch;
                Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, value.Path, holder: HolderTable.Scratch));
                break;
            case ValueKind.Holder:
                holder = value.Holder;
                break;
            default:
                // Handled, but not a status we track: the caller must not walk the subject again.
                Consume(value);
                return true;
        }

        if (declared is not null)
        {
            var declaredHolder = Holders.ForLocal(declared);
            if (declaredHolder >= 0)
                Bind(declaredHolder, WalkValue.HolderOf(holder));
        }

        return true;
    }

    /// <summary>A null check of a doorbell (<c>d?.</c>, <c>d == null</c>, <c>d is not null</c>) or of a status capture: which key or holder, and whether true means null.</summary>
    public bool TryNullTest(IOperation condition, out AccessPath? path, out int holderTested, out bool nullWhenTrue)
    {
        path = null;
        holderTested = -1;
        if (_symbols.Raw && TryRawConnectFailureTest(condition, out path, out nullWhenTrue))
            return true;
        if (!StatusConditions.TryReadNullCheck(condition, out var subject, out nullWhenTrue))
            return false;
        if (StripConversions(subject) is IFlowCaptureReferenceOperation capture && Holders.ForCapture(capture.Id, allocate: false) is var holder && holder >= 0)
        {
            holderTested = holder; // a status read is never null: d?.ReadStatus() ?? fallback
            return true;
        }

        if (subject.Type?.IsReferenceType != true || Paths.TryPath(subject) is not { } found)
            return false;
        path = found;
        return true;
    }

    /// <summary>
    /// A status condition used as a value (<c>return s != DoorbellStatus.DisconnectedAbort;</c>): the abort case is separated
    /// for whoever reads it, and the value is that test (what a derived variable assigned from it holds).
    /// </summary>
    private bool TryDistinguish(IOperation condition, out WalkValue value)
    {
        value = WalkValue.Other;
        if (!TryTest(condition, out var holder, out var whenTrue))
            return false;
        if (holder >= 0)
        {
            if (!_followingTest)
                Emit(new RawEvent(ProtocolEventKind.Distinguish, RawScope.None, holder: holder, mask: whenTrue));
            value = WalkValue.StatusTestOf(holder, whenTrue);
        }

        return true;
    }
}
