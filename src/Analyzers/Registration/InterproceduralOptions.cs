using System;
using System.Globalization;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// How far calls are followed, from .editorconfig: <c>doorbellguard.interprocedural = none | summaries</c> (default
/// summaries: helpers of the compilation are summarised at their calls) and <c>doorbellguard.max_call_depth</c>
/// (default 3 levels of helpers below the method analyzed; 0 is the same as none). A value that means nothing keeps
/// the default and is named in DBL901.
/// </summary>
internal readonly struct InterproceduralOptions
{
    public const string ModeKey = "doorbellguard.interprocedural";
    public const string DepthKey = "doorbellguard.max_call_depth";
    public const int DefaultDepth = 3;
    public const int MaxDepth = 10;

    private InterproceduralOptions(int depth, string? problem)
    {
        Depth = depth;
        Problem = problem;
    }

    /// <summary>Levels of helpers followed below the method analyzed; 0 follows no call.</summary>
    public int Depth { get; }

    /// <summary>What was wrong with the options' values, for DBL901; null when nothing was.</summary>
    public string? Problem { get; }

    public static InterproceduralOptions Read(AnalyzerConfigOptionsProvider provider, SyntaxTree tree)
    {
        var treeOptions = provider.GetOptions(tree);
        string? problem = null;
        var depth = DefaultDepth;
        if (WrapperConfiguration.ReadOption(treeOptions, provider.GlobalOptions, DepthKey) is { } depthText)
        {
            if (int.TryParse(depthText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= MaxDepth)
                depth = parsed;
            else
                problem = DepthKey + " = " + depthText + " is not a whole number from 0 to " + MaxDepth.ToString(CultureInfo.InvariantCulture) + "; the default, " + DefaultDepth.ToString(CultureInfo.InvariantCulture) + ", applies";
        }

        switch (WrapperConfiguration.ReadOption(treeOptions, provider.GlobalOptions, ModeKey))
        {
            case null:
            case var summaries when string.Equals(summaries, "summaries", StringComparison.OrdinalIgnoreCase):
                break;
            case var none when string.Equals(none, "none", StringComparison.OrdinalIgnoreCase):
                depth = 0;
                break;
            case var other:
                problem = ModeKey + " = " + other + " is neither none nor summaries; summaries applies";
                break;
        }

        return new InterproceduralOptions(depth, problem);
    }

}
