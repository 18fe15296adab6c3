using System.Linq;
using System.Text;
using System.Threading;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DoorbellGuard.Analyzers.Tests.Verifiers;

/// <summary>Prints the protocol model of a method: for debugging tests, and for tests of the translator itself.</summary>
public static class ModelDump
{
    private static readonly System.Lazy<System.Collections.Immutable.ImmutableArray<MetadataReference>> Net80 = new(() =>
        Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>A compilation of <paramref name="sources"/> against .NET 8 and, unless told otherwise, the runtime assembly.</summary>
    public static CSharpCompilation Compile(string source, bool referenceRuntime = true) => CSharpCompilation.Create(
        "Dump",
        new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
        referenceRuntime ? Net80.Value.Add(DoorbellVerifier.RuntimeReference) : Net80.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static string Of(string source, string methodName)
    {
        var compilation = Compile(source);
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.Text == methodName);
        var symbols = ProtocolSymbols.TryCreate(compilation)!;
        var graph = ControlFlowGraph.Create(method, model)!;
        var symbol = model.GetDeclaredSymbol(method);
        var walker = new EventWalker(symbols, WrapperConfiguration.Empty, symbol, false, CapturedRoots.Collect(graph, default), CancellationToken.None);
        var translated = new CfgModelBuilder(graph, walker, 10000).Build();
        var text = new StringBuilder();
        if (translated.Graph is null)
            return "no graph (hasRing " + translated.HasRing + ")";
        var blocks = translated.Graph.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            text.Append('B').Append(i).Append(blocks[i].IsNormalExit ? " exit" : "").Append(blocks[i].IsHandlerEntry ? " handler" : "")
                .Append(blocks[i].LeaveAnchor >= 0 ? " leaves@" + translated.Anchors[blocks[i].LeaveAnchor].GetLineSpan().StartLinePosition.Line : "")
                .Append(blocks[i].ConditionAnchor >= 0 ? " tests@" + translated.Anchors[blocks[i].ConditionAnchor].GetLineSpan().StartLinePosition.Line : "").AppendLine();
            foreach (var e in blocks[i].Events)
                text.Append("  ").Append(e).AppendLine();
            foreach (var e in blocks[i].Edges)
                text.Append("  ").Append(e).AppendLine();
        }

        var result = ProtocolAnalysis.Run(translated.Graph, ProtocolBudget.Default, CancellationToken.None);
        text.Append("completed ").Append(result.Completed).Append(": ").AppendLine(string.Join(", ", result.Violations));
        return text.ToString();
    }
}
