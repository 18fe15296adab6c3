using System.Globalization;
using DoorbellGuard.Analyzers.Flow;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>What DBL900 says about why a method was not checked, in words a user can act on.</summary>
internal static class SkipReasons
{
    public static string Describe(GiveUpReason reason, ProtocolBudget budget) => reason switch
    {
        GiveUpReason.TooManyBlocks => "its paths need more than " + budget.MaxBlocks.ToString("N0", CultureInfo.InvariantCulture)
            + " blocks (finally copies and followed helpers included); split the method, or set doorbellguard.max_call_depth lower",
        GiveUpReason.TooManySteps => "following its paths took more than " + budget.MaxSteps.ToString("N0", CultureInfo.InvariantCulture) + " steps; split the method",
        GiveUpReason.TooManyNames => "it names more doorbells, rings or status reads than the analysis can number; split the method",
        GiveUpReason.TooDeep => "an expression in it nests deeper than the analysis follows; split the expression",
        _ => "the analysis stopped short",
    };
}
