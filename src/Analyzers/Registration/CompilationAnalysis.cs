using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DoorbellGuard.Analyzers.Translation;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// Everything the analyzer knows about one compilation, computed once: the protocol symbols, and per syntax tree
/// the wrapper configuration and whether the tree is generated. Lives as long as the compilation's analysis (it is
/// captured by the compilation-start closure only), so no cache outlives a compilation.
/// </summary>
internal sealed class CompilationAnalysis
{
    private readonly ProtocolSymbols _symbols;
    private readonly AnalyzerOptions _options;
    private readonly AnalysisSettings _settings;
    private readonly ConcurrentDictionary<SyntaxTree, TreeFacts> _trees = new();
    private readonly ConcurrentDictionary<WrapperOptionText, WrapperConfiguration> _configurations = new();
    private readonly Lazy<INamedTypeSymbol?> _generatedCodeAttribute;
    private readonly HelperModelCache _helperModels;

    public CompilationAnalysis(ProtocolSymbols symbols, AnalyzerOptions options, AnalysisSettings settings)
    {
        _symbols = symbols;
        _options = options;
        _settings = settings;
        _generatedCodeAttribute = new Lazy<INamedTypeSymbol?>(() => symbols.Compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute"));
        _helperModels = new HelperModelCache(symbols, tree => FactsFor(tree, default).Configuration);
    }

    /// <summary>The operation-block action: the cheap scan first; only a method that rings is analyzed.</summary>
    public void AnalyzeBlock(OperationBlockAnalysisContext context)
    {
        var blocks = context.OperationBlocks;
        if (blocks.IsEmpty)
            return;
        var facts = FactsFor(blocks[0].Syntax.SyntaxTree, context.CancellationToken);
        if (facts.IsGenerated || !RingScan.AnyRing(blocks, _symbols, facts.Configuration, facts.Interprocedural.Depth > 0))
            return;
        if (GeneratedCode.HasGeneratedCodeAttribute(context.OwningSymbol, _generatedCodeAttribute.Value))
            return;
        var inputs = new TranslationInputs(_symbols, facts.Configuration, _settings.Budget, context.CancellationToken,
            facts.Interprocedural.Depth > 0 ? _helperModels : null, facts.Interprocedural.Depth);
        MethodAnalysis.Run(context, inputs, _settings);
    }

    /// <summary>
    /// At the end of the compilation, DBL901 for each .editorconfig wrapper ID that named nothing in any tree and each
    /// option value that meant nothing, once each.
    /// </summary>
    public void ReportOptionsThatNameNothing(CompilationAnalysisContext context)
    {
        var unresolved = new HashSet<UnresolvedId>();
        var problems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            var facts = FactsFor(tree, context.CancellationToken);
            unresolved.UnionWith(facts.Configuration.UnresolvedIds);
            if (facts.Interprocedural.Problem is { } problem)
                problems.Add(problem);
        }

        foreach (var id in unresolved.OrderBy(u => u.Key, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.OptionNamesNothing, Location.None,
                id.Key + " names '" + id.Id + "', which is no method or property of this compilation, so nothing is checked through it: write its documentation-comment ID, for example M:Namespace.Type.Method(System.UInt64)"));
        }

        foreach (var problem in problems.OrderBy(p => p, StringComparer.Ordinal))
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.OptionNamesNothing, Location.None, problem));
    }

    private TreeFacts FactsFor(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_trees.TryGetValue(tree, out var facts))
            return facts;
        var provider = _options.AnalyzerConfigOptionsProvider;
        var text = WrapperConfiguration.Read(provider, tree);
        var configuration = text.IsEmpty ? WrapperConfiguration.Empty : _configurations.GetOrAdd(text, t => WrapperConfiguration.Resolve(t, _symbols.Compilation));
        facts = new TreeFacts(configuration, InterproceduralOptions.Read(provider, tree), GeneratedCode.IsGeneratedTree(tree, _symbols.Compilation, cancellationToken));
        return _trees.GetOrAdd(tree, facts);
    }

    private sealed class TreeFacts
    {
        public TreeFacts(WrapperConfiguration configuration, InterproceduralOptions interprocedural, bool isGenerated)
        {
            Configuration = configuration;
            Interprocedural = interprocedural;
            IsGenerated = isGenerated;
        }

        public WrapperConfiguration Configuration { get; }

        public InterproceduralOptions Interprocedural { get; }

        public bool IsGenerated { get; }
    }
}
