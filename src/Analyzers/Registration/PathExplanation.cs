using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// Turns a report's explanation into what the user reads: a clause appended to the rule's message that names the
/// lines of the offending path (for DBL005, where the doorbell was created), and the same places as the diagnostic's additional locations (SARIF relatedLocations).
/// </summary>
internal static class PathExplanation
{
    /// <summary>The clause appended to the message ("" when nothing is known).</summary>
    public static string Clause(ProtocolReport report)
    {
        if (report.Rule == ProtocolRule.RingBeforeConnect)
            return report.Created is { } created ? " (the doorbell is created at line " + Line(created) + ")" : string.Empty;
        var branch = report.Branch is { } tested ? "the status gets through the test at line " + Line(tested) : null;
        var end = report.Detection switch
        {
            Detection.Exit when report.Leave is { } leave => "the path leaves at line " + Line(leave),
            Detection.Ring when report.NextRing is { } ring => "before the ring at line " + Line(ring),
            Detection.Replaced => "before the doorbell is replaced",
            _ => null,
        };
        if (branch is null && end is null)
            return string.Empty;
        var joint = report.Detection == Detection.Exit ? ", and " : ", ";
        return " (" + (branch is null ? end : end is null ? branch : branch + joint + end) + ")";
    }

    /// <summary>The path's places, in the order the clause names them: the branch, then where the path leaves or the next ring; then, for a helper that answers for its status, its calls.</summary>
    public static IEnumerable<Location> Locations(ProtocolReport report)
    {
        if (report.Rule == ProtocolRule.RingBeforeConnect)
        {
            if (report.Created is { } created)
                yield return created;
            yield break;
        }

        if (report.Branch is { } branch)
            yield return branch;
        if (report.Detection == Detection.Exit && report.Leave is { } leave)
            yield return leave;
        else if (report.Detection == Detection.Ring && report.NextRing is { } ring)
            yield return ring;
        foreach (var call in report.Calls)
            yield return call;
    }

    private static int Line(Location location) => location.GetLineSpan().StartLinePosition.Line + 1;
}
