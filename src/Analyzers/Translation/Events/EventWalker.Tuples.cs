using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Tuples that carry a status: a helper returning <c>(status, fence)</c> hands the status back as one element, which
/// the caller deconstructs (<c>var (s, f) = TryRingTuple(wp);</c>) or reads (<c>TryRingTuple(wp).Status</c>).
/// </summary>
internal partial class EventWalker
{
    /// <summary>In a helper's summary: the element of a returned tuple that holds the status, or -1.</summary>
    public int ReturnElement { get; private set; } = -1;

    /// <summary><c>return (status, fence);</c> in a helper's summary: the status element goes to the caller.</summary>
    private bool TryReturnTuple(IOperation value)
    {
        if (StripConversions(value) is not ITupleOperation tuple)
            return false;
        var element = -1;
        for (var i = 0; i < tuple.Elements.Length && element < 0; i++)
        {
            if (_symbols.IsStatus(tuple.Elements[i].Type))
                element = i;
        }

        if (element < 0 || (ReturnElement >= 0 && ReturnElement != element) || (ReturnHolder >= 0 && ReturnElement < 0))
            return false;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            var walked = Walk(tuple.Elements[i]);
            if (i != element || walked.Kind is not (ValueKind.Read or ValueKind.Holder))
            {
                Consume(walked);
                continue;
            }

            if (ReturnHolder < 0)
                ReturnHolder = Holders.Fresh();
            if (ReturnHolder < 0)
            {
                Consume(walked);
                continue;
            }

            ReturnElement = element;
            Bind(ReturnHolder, walked);
        }

        return true;
    }

    /// <summary><c>var (s, f) = value;</c>: a tuple literal is assigned element by element; a helper's tuple gives its status to its element's local.</summary>
    private WalkValue WalkDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        var target = StripConversions(deconstruction.Target);
        if (target is IDeclarationExpressionOperation declaration)
            target = StripConversions(declaration.Expression);
        var value = StripConversions(deconstruction.Value);
        if (target is ITupleOperation targets && value is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
        {
            for (var i = 0; i < targets.Elements.Length; i++)
                Consume(AssignTo(targets.Elements[i], values.Elements[i]));
            return WalkValue.Other;
        }

        var walked = Walk(deconstruction.Value);
        if (target is ITupleOperation elements && walked.Kind == ValueKind.Holder && walked.Element >= 0 && walked.Element < elements.Elements.Length &&
            StripConversions(elements.Elements[walked.Element]) is ILocalReferenceOperation statusLocal && Holders.ForLocal(statusLocal.Local) is var holder && holder >= 0)
        {
            Bind(holder, WalkValue.HolderOf(walked.Holder));
            for (var i = 0; i < elements.Elements.Length; i++)
            {
                if (i == walked.Element)
                    continue;
                if (StripConversions(elements.Elements[i]) is ILocalReferenceOperation other)
                    AssignUnknownToLocal(other.Local);
                else
                    Consume(Walk(elements.Elements[i]));
            }

            return WalkValue.Other;
        }

        Consume(walked);
        Consume(Walk(deconstruction.Target));
        return WalkValue.Other;
    }

    /// <summary>Whether <paramref name="field"/> is element <paramref name="element"/> of its tuple (by name or as ItemN).</summary>
    private static bool IsTupleElement(IFieldSymbol field, int element) =>
        field.ContainingType.IsTupleType && (field.CorrespondingTupleField ?? field).Name == "Item" + (element + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
