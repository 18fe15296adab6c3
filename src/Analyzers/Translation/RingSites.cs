using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>A ring the model numbered: where to report it and how to name its doorbell.</summary>
internal sealed class RingSite
{
    public RingSite(Location location, string doorbellText)
    {
        Location = location;
        DoorbellText = doorbellText;
    }

    public Location Location { get; }

    public string DoorbellText { get; }
}

/// <summary>The rings of one function, numbered in the order the translation meets them.</summary>
internal sealed class RingSites
{
    private readonly List<RingSite> _sites = new();

    public IReadOnlyList<RingSite> All => _sites;

    /// <summary>Numbers a ring: reported on the ring as the user reads it, naming the doorbell as the user wrote it.</summary>
    public int Add(IOperation operation, IOperation? doorbell)
    {
        var syntax = operation.Syntax;
        // d?.Ring(v): report the whole conditional access, which is what the user reads as the ring.
        while (syntax.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == syntax)
            syntax = conditional;
        string text;
        if (doorbell is null)
            text = operation is IInvocationOperation invocation ? invocation.TargetMethod.Name : syntax.ToString();
        else if (doorbell.IsImplicit && StripConversions(doorbell) is IInstanceReferenceOperation)
            text = "this";
        else
            text = doorbell.Syntax.ToString();
        _sites.Add(new RingSite(syntax.GetLocation(), text));
        return _sites.Count - 1;
    }
}
