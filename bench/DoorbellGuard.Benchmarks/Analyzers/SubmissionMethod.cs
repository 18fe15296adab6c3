using System;
using System.Collections.Generic;

namespace DoorbellGuard.Benchmarks.Analyzers;

/// <summary>
/// Which submission method a benchmark analyzes: the typical one, or a long one sized by the number of basic blocks of
/// its control-flow graph ("blocks" below). The benchmarks take it as a parameter; its text is what BenchmarkDotNet shows.
/// </summary>
public sealed class SubmissionMethod
{
    /// <summary>A long method may land this far from its target block count.</summary>
    private const double BlockTolerance = 0.1;

    private SubmissionMethod(string name, int targetBlocks, bool pointers)
    {
        Name = name;
        TargetBlocks = targetBlocks;
        Pointers = pointers;
    }

    public static SubmissionMethod Typical { get; } = new("typical", 0, pointers: false);

    /// <summary>
    /// The methods every analyzer benchmark runs on: the long ones with the ring buffer written through arrays, and
    /// through pointers as user-mode submission code writes it.
    /// </summary>
    public static IEnumerable<SubmissionMethod> All { get; } = new[]
    {
        Typical, WithBlocks(300, pointers: false), WithBlocks(3000, pointers: false), WithBlocks(300, pointers: true), WithBlocks(3000, pointers: true),
    };

    public string Name { get; }

    /// <summary>The blocks a long method's graph should have; 0 for the typical method.</summary>
    public int TargetBlocks { get; }

    /// <summary>Whether a long method writes its ring buffer and reads its fence through pointers, in unsafe code.</summary>
    public bool Pointers { get; }

    public static SubmissionMethod WithBlocks(int blocks, bool pointers) =>
        new($"{blocks:N0} blocks{(pointers ? " unsafe" : "")}", blocks, pointers);

    public override string ToString() => Name;

    /// <summary>
    /// Compiles the method (for a long one, with as many stages as bring its graph nearest the target) and checks that
    /// it compiles and that its graph has the blocks its name says.
    /// </summary>
    public CompiledSubmission Compile()
    {
        if (TargetBlocks == 0)
        {
            return CompiledSubmission.Create(SubmissionSources.Typical, expectedDiagnostics: "");
        }

        // The graph grows by the same blocks for every three stages (one of each form): measure the growth once.
        var three = CompiledSubmission.Create(SubmissionSources.Large(3, Pointers), "").BlockCount;
        var six = CompiledSubmission.Create(SubmissionSources.Large(6, Pointers), "").BlockCount;
        double perStage = (six - three) / 3.0;
        int stages = Math.Max(1, (int)Math.Round(3 + (TargetBlocks - three) / perStage));
        var source = SubmissionSources.Large(stages, Pointers);
        var compiled = CompiledSubmission.Create(source, SubmissionSources.LargeExpectedDiagnostics(source));
        if (Math.Abs(compiled.BlockCount - TargetBlocks) > TargetBlocks * BlockTolerance)
        {
            throw new InvalidOperationException($"The {Name} method has {compiled.BlockCount} blocks with {stages} stages: the generator no longer fits its target.");
        }
        return compiled;
    }

    /// <summary>
    /// Stops the benchmark when DoorbellGuard's answer on the method (<paramref name="found"/>, described as
    /// <see cref="CompiledSubmission.ExpectedDiagnostics"/> is) is wrong: a benchmark of an analysis that gave up or threw
    /// would time nothing. Methods with pointers get no exception: since issue #11 the analysis walks them like any other.
    /// </summary>
    public void CheckAnswer(string expected, string found, string path, int failuresSwallowed)
    {
        if (found == expected && failuresSwallowed == 0)
        {
            return;
        }
        throw new InvalidOperationException($"DoorbellGuard's answer ({path}) on the {Name} method is wrong: found [{found}], expected [{expected}], {failuresSwallowed} failure(s) swallowed.");
    }
}
