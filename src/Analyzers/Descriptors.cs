using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers;

/// <summary>The diagnostic IDs of DoorbellGuard: the one registry, kept in step with docs/rules and AnalyzerReleases.</summary>
public static class DiagnosticIds
{
    /// <summary>A ring is not followed by a status read.</summary>
    public const string RingWithoutStatusRead = "DBL001";

    /// <summary>A disconnected doorbell is not reconnected and rung again.</summary>
    public const string DisconnectNotRetried = "DBL002";

    /// <summary>A status that requires notification is not handled.</summary>
    public const string NotifyNotCalled = "DBL003";

    /// <summary>An aborted doorbell is treated as success.</summary>
    public const string AbortTreatedAsSuccess = "DBL004";

    /// <summary>A doorbell is rung before it is connected.</summary>
    public const string RingBeforeConnect = "DBL005";

    /// <summary>A doorbell is written with an ordinary store, which does not publish the packets written before it.</summary>
    public const string RingStoreNotPublished = "DBL006";

    /// <summary>The analysis of a method stopped short (a budget, an internal error): hidden by default.</summary>
    public const string AnalysisSkipped = "DBL900";

    /// <summary>An .editorconfig option of DoorbellGuard names nothing or means nothing.</summary>
    public const string OptionNamesNothing = "DBL901";
}

/// <summary>Every descriptor DoorbellGuard reports, in one place.</summary>
public static class Descriptors
{
    /// <summary>The category of every DoorbellGuard rule.</summary>
    public const string Category = "Reliability";

    /// <summary>Help links point at the rule's page in the repository's docs/rules folder.</summary>
    public static string HelpLink(string id) => "https://github.com/doorbellguard/doorbellguard/blob/main/docs/rules/" + id + ".md";

    /// <summary>DBL001.</summary>
    public static readonly DiagnosticDescriptor RingWithoutStatusRead = Create(
        DiagnosticIds.RingWithoutStatusRead,
        "A doorbell ring is not followed by a status read",
        "'{0}' is rung, but on some path its status is not read afterwards: a ring on a disconnected doorbell is silently lost",
        "A ring on a disconnected doorbell lands on a dummy page and is lost without an error. Read the doorbell status after every ring (or use RingAndConfirm).");

    /// <summary>DBL002.</summary>
    public static readonly DiagnosticDescriptor DisconnectNotRetried = Create(
        DiagnosticIds.DisconnectNotRetried,
        "A disconnected doorbell is not reconnected and rung again",
        "After ringing '{0}', on some path where the status may be DisconnectedRetry, there is no Connect followed by another ring: the work is lost",
        "DisconnectedRetry means the ring was lost. Call Connect() and ring again (or use RingAndConfirm).");

    /// <summary>DBL003.</summary>
    public static readonly DiagnosticDescriptor NotifyNotCalled = Create(
        DiagnosticIds.NotifyNotCalled,
        "A doorbell status that requires notification is not handled",
        "After ringing '{0}', on some path where the status may be ConnectedNotify, NotifyWorkSubmission is not called",
        "ConnectedNotify means the OS must be told of every submission through NotifyWorkSubmission().");

    /// <summary>DBL004.</summary>
    public static readonly DiagnosticDescriptor AbortTreatedAsSuccess = Create(
        DiagnosticIds.AbortTreatedAsSuccess,
        "An aborted doorbell is treated as success",
        "After ringing '{0}', on some path where the status may be DisconnectedAbort, the code goes on as if the work were submitted",
        "DisconnectedAbort means the device is lost: separate that case (throw, fall back, report failure) before treating the submission as done.");

    /// <summary>DBL005.</summary>
    public static readonly DiagnosticDescriptor RingBeforeConnect = Create(
        DiagnosticIds.RingBeforeConnect,
        "A doorbell is rung before it is connected",
        "'{0}' is created disconnected and is rung before Connect() on some path: the ring is lost",
        "A new doorbell starts disconnected. Call Connect() before its first ring.");

    /// <summary>DBL006.</summary>
    public static readonly DiagnosticDescriptor RingStoreNotPublished = Create(
        DiagnosticIds.RingStoreNotPublished,
        "The ring store does not publish the packet",
        "The doorbell store through '{0}' is an ordinary write: the GPU may see the new write pointer before the packets written before it",
        "An ordinary store may be reordered with the stores before it (the .NET memory model; weakly ordered CPUs such as ARM64). Write the doorbell with Volatile.Write (a release) or Interlocked.Exchange, or put Interlocked.MemoryBarrier() before it on every path.");

    /// <summary>DBL900: hidden by default; <c>dotnet_diagnostic.DBL900.severity = suggestion</c> lists the methods the analysis did not finish.</summary>
    public static readonly DiagnosticDescriptor AnalysisSkipped = new(
        DiagnosticIds.AnalysisSkipped,
        "The doorbell analysis did not check a method",
        "DoorbellGuard did not check {0}: {1}",
        Category,
        DiagnosticSeverity.Hidden,
        isEnabledByDefault: true,
        description: "The analysis gives up on a method rather than guess when a budget is exceeded, and says so here: nothing is reported about that method's doorbells.",
        helpLinkUri: HelpLink(DiagnosticIds.AnalysisSkipped));

    /// <summary>DBL901: a wrapper ID that names no member (a typo, a renamed method), or an option value that means nothing.</summary>
    public static readonly DiagnosticDescriptor OptionNamesNothing = new(
        DiagnosticIds.OptionNamesNothing,
        "A DoorbellGuard option in .editorconfig means nothing here",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A wrapper named in .editorconfig that matches no method or property is not checked, silently; this says so, with the ID as written.",
        helpLinkUri: HelpLink(DiagnosticIds.OptionNamesNothing),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>The rules of the doorbell protocol analysis, reported by <see cref="DoorbellProtocolAnalyzer"/>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Protocol { get; } = ImmutableArray.Create(
        RingWithoutStatusRead, DisconnectNotRetried, NotifyNotCalled, AbortTreatedAsSuccess, RingBeforeConnect, RingStoreNotPublished);

    /// <summary>Every descriptor <see cref="DoorbellProtocolAnalyzer"/> reports: the rules, then what it says about itself.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = Protocol.Add(AnalysisSkipped).Add(OptionNamesNothing);

    /// <summary>
    /// The rule's descriptor with <paramref name="clause"/> (the lines of the offending path) appended to its message.
    /// Same ID, severity and help link: the driver, .editorconfig and the code fixes see the same rule; only the text says more.
    /// </summary>
    public static DiagnosticDescriptor Explained(DiagnosticDescriptor rule, string clause) =>
        new(rule.Id, rule.Title, rule.MessageFormat.ToString() + clause.Replace("{", "{{").Replace("}", "}}"), rule.Category, rule.DefaultSeverity,
            rule.IsEnabledByDefault, rule.Description, rule.HelpLinkUri, System.Linq.Enumerable.ToArray(rule.CustomTags));

    private static DiagnosticDescriptor Create(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id));
}
