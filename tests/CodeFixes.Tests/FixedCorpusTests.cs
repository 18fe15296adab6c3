using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DoorbellGuard.CodeFixes.Tests.Corpus;
using Xunit.Abstractions;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// The fix corpus: positive cases (every wrapper shape, the analyzer-only package, configured methods, created and
/// lazily created fields) that the analyzer flags. Each is fixed as <c>dotnet format</c> would (Fix All of each fix),
/// then must compile with no DBL diagnostic left. The share that does is printed and must be at least 0.97.
/// </summary>
public class FixedCorpusTests(ITestOutputHelper output)
{
    private const double Target = 0.97;

    public static IEnumerable<(string Name, string Source, string? EditorConfig, bool WithRuntime)> Cases()
    {
        foreach (var shape in WrapperShapes.All)
        {
            foreach (var (container, template) in WrapperShapes.Containers)
            {
                foreach (var (tail, statements) in WrapperShapes.Tails)
                {
                    // Every tail in a method; the other containers with the tails that differ most.
                    if (container != "method" && tail is not ("alone" or "retry while loop" or "switch with abort"))
                    {
                        continue;
                    }

                    var body = template.Replace("BODY", shape.Spell("{ring}; " + statements), System.StringComparison.Ordinal);
                    yield return ($"{shape} / {container} / {tail}", shape.Source(body), shape.EditorConfig, shape.WithRuntime);
                }
            }
        }

        foreach (var (name, body) in CreationCases.Bodies)
        {
            yield return ("DBL005 / " + name, CreationCases.Source(body), null, true);
        }
    }

    [Fact]
    public async Task At_least_97_percent_of_the_corpus_ends_compiling_with_no_DBL_diagnostic()
    {
        var cases = Cases().ToList();
        var clean = 0;
        var failures = new List<string>();
        foreach (var (name, source, editorConfig, withRuntime) in cases)
        {
            var document = await FixRunner.CreateDocumentAsync(source, editorConfig: editorConfig, withRuntime: withRuntime);
            Assert.True((await FixRunner.CompilerErrorsAsync(document)).IsEmpty, name + " does not compile:\n" + source);
            Assert.True(!(await FixRunner.DoorbellDiagnosticsAsync(document)).IsEmpty, name + " is not flagged: not a positive case\n" + source);

            var fixedDocument = await FixRunner.FixEverythingAsync(document);
            var errors = await FixRunner.CompilerErrorsAsync(fixedDocument);
            var remaining = await FixRunner.DoorbellDiagnosticsAsync(fixedDocument);
            if (errors.IsEmpty && remaining.IsEmpty)
            {
                clean++;
            }
            else
            {
                failures.Add($"{name}: {string.Join("; ", errors.Concat(remaining))}\n{await fixedDocument.GetTextAsync()}");
            }
        }

        var ratio = (double)clean / cases.Count;
        output.WriteLine($"fix corpus: {clean} of {cases.Count} positive cases end compiling with no DBL diagnostic after Fix All: {ratio:0.000} (target {Target})");
        foreach (var failure in failures)
        {
            output.WriteLine("not clean: " + failure);
        }

        Assert.True(ratio >= Target, $"{ratio:0.000} < {Target}:\n" + string.Join("\n", failures));
    }
}
