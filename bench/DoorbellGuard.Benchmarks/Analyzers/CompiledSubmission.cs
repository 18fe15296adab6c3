using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Benchmarks.Analyzers;

/// <summary>A submission method compiled against the .NET 8 reference assemblies and the real DoorbellGuard runtime.</summary>
public sealed class CompiledSubmission
{
    private CompiledSubmission(CSharpCompilation compilation, SyntaxTree tree, MethodDeclarationSyntax declaration, IMethodBodyOperation body, IMethodSymbol symbol, string expectedDiagnostics)
    {
        ExpectedDiagnostics = expectedDiagnostics;
        Compilation = compilation;
        Tree = tree;
        Declaration = declaration;
        Body = body;
        Symbol = symbol;
        BlockCount = ControlFlowGraph.Create(body).Blocks.Length;
    }

    public CSharpCompilation Compilation { get; }

    public SyntaxTree Tree { get; }

    public MethodDeclarationSyntax Declaration { get; }

    public IMethodBodyOperation Body { get; }

    public IMethodSymbol Symbol { get; }

    /// <summary>Basic blocks in the method's control-flow graph, entry and exit included.</summary>
    public int BlockCount { get; }

    /// <summary>The method's lines, from its signature to its closing brace.</summary>
    public int MethodLines => Declaration.GetLocation().GetLineSpan().EndLinePosition.Line - Declaration.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>The DoorbellGuard diagnostics the method calls for, as "DBL001 at line 12, ..." (empty for none).</summary>
    public string ExpectedDiagnostics { get; }

    public static CompiledSubmission Create(string source, string expectedDiagnostics)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Submission.cs");
        var compilation = CSharpCompilation.Create(
            "Submission",
            new[] { tree },
            Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(Doorbell).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, concurrentBuild: false));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark's submission method does not compile: " + string.Join("; ", errors.Take(5)));
        }
        var model = compilation.GetSemanticModel(tree);
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == SubmissionSources.MethodName);
        return new CompiledSubmission(
            compilation,
            tree,
            declaration,
            (IMethodBodyOperation)model.GetOperation(declaration)!,
            model.GetDeclaredSymbol(declaration)!,
            expectedDiagnostics);
    }
}
