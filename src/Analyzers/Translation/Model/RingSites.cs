using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// A ring the model numbered: where to report it and how to name its doorbell. Both are worked out from the syntax on
/// first use, so a ring that is never reported costs no location and no text, and one reported twice computes them once.
/// </summary>
internal sealed class RingSite
{
    private readonly SyntaxNode? _syntax;
    private readonly IOperation? _operation;
    private readonly IOperation? _doorbell;
    private Location? _location;
    private string? _doorbellText;

    public RingSite(Location location, string doorbellText, bool reportedByHelper = false, int inlining = -1, bool statusHandedBack = false)
    {
        _location = location;
        _doorbellText = doorbellText;
        ReportedByHelper = reportedByHelper;
        Inlining = inlining;
        StatusHandedBack = statusHandedBack;
    }

    /// <summary>A ring at <paramref name="syntax"/> by <paramref name="operation"/> on <paramref name="doorbell"/> (null when the ring names none).</summary>
    public RingSite(SyntaxNode syntax, IOperation operation, IOperation? doorbell)
    {
        Inlining = -1;
        _syntax = syntax;
        _operation = operation;
        _doorbell = doorbell;
    }

    public Location Location => _location ??= _syntax!.GetLocation();

    public string DoorbellText => _doorbellText ??= TextOf(_syntax!, _operation!, _doorbell);

    /// <summary>A ring inside a helper whose own body answers for it (a public helper, a local function's captured doorbell): the caller does not report it again.</summary>
    public bool ReportedByHelper { get; }

    /// <summary>Which inlined call the site belongs to (numbered per function, -1 for the function's own code).</summary>
    public int Inlining { get; }

    /// <summary>The helper that answers for this ring hands its status back (returns it): its caller answers for that status (DBL002-DBL004).</summary>
    public bool StatusHandedBack { get; }

    private static string TextOf(SyntaxNode syntax, IOperation operation, IOperation? doorbell)
    {
        if (doorbell is null)
            return operation is IInvocationOperation invocation ? invocation.TargetMethod.Name : syntax.ToString();
        if (doorbell.IsImplicit && StripConversions(doorbell) is IInstanceReferenceOperation)
            return "this";
        return doorbell.Syntax.ToString();
    }
}

/// <summary>
/// The rings of one function, numbered in the order the translation meets them, and the places that create a
/// disconnected doorbell (numbered alike, so that inlining maps them to the call as it maps rings).
/// </summary>
internal sealed class RingSites
{
    private readonly List<RingSite> _sites = new();
    private int _inlinings;

    public IReadOnlyList<RingSite> All => _sites;

    /// <summary>A ring inside an inlined helper: reported at the call, naming the caller's doorbell.</summary>
    public int AddInlined(Location call, string doorbellText, bool reportedByHelper, int inlining, bool statusHandedBack)
    {
        _sites.Add(new RingSite(call, doorbellText, reportedByHelper, inlining, statusHandedBack));
        return _sites.Count - 1;
    }

    /// <summary>Numbers an inlined call: the sites it adds say which call they belong to.</summary>
    public int NextInlining() => _inlinings++;

    /// <summary>Numbers a creation (<c>queue.CreateDoorbell()</c>): DBL005 names its line.</summary>
    public int AddCreation(IOperation creation)
    {
        _sites.Add(new RingSite(creation.Syntax.GetLocation(), string.Empty));
        return _sites.Count - 1;
    }

    /// <summary>Numbers a creation inside a factory helper (DBL005 names its line).</summary>
    public int AddCreation(Location creation)
    {
        _sites.Add(new RingSite(creation, string.Empty));
        return _sites.Count - 1;
    }

    /// <summary>Numbers a ring: reported on the ring as the user reads it, naming the doorbell as the user wrote it.</summary>
    public int Add(IOperation operation, IOperation? doorbell)
    {
        var syntax = operation.Syntax;
        // d?.Ring(v): report the whole conditional access, which is what the user reads as the ring.
        while (syntax.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == syntax)
            syntax = conditional;
        _sites.Add(new RingSite(syntax, operation, doorbell));
        return _sites.Count - 1;
    }
}
