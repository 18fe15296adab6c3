using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Tests;

public class DumpTests
{
    [Fact]
    public async System.Threading.Tasks.Task Dump()
    {
        var source = System.IO.File.ReadAllText("/tmp/dump.cs");
        var text = Verifiers.ModelDump.Of(source, "M");
        var compilation = Verifiers.ModelDump.Compile(source);
        var diags = await compilation.WithAnalyzers(Verifiers.DoorbellVerifier.AllAnalyzers()).GetAllDiagnosticsAsync();
        text += "\n" + string.Join("\n", diags.Select(d => d.ToString()));
        System.IO.File.WriteAllText("/tmp/dump.txt", text);
    }
}
