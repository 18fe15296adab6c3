using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DoorbellGuard.Analyzers.Translation;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Publication;
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
    private readonly object _ringNamesGate = new();
    private volatile RingNameIndex? _ringNames;

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
        var tree = blocks[0].Syntax.SyntaxTree;
        CheckRingStores(context, tree);
        if (!NamesARing(tree, blocks, context.CancellationToken))
            return;
        var facts = FactsFor(tree, context.CancellationToken);
        if (facts.IsGenerated || !RingScan.AnyRing(blocks, _symbols, facts.Configuration, facts.Interprocedural.Depth > 0))
            return;
        if (GeneratedCode.HasGeneratedCodeAttribute(context.OwningSymbol, _generatedCodeAttribute.Value))
            return;
        var inputs = new TranslationInputs(_symbols, facts.Configuration, _settings.Budget, context.CancellationToken,
            facts.Interprocedural.Depth > 0 ? _helperModels : null, facts.Interprocedural.Depth);
        var owner = context.OwningSymbol is IMethodSymbol { AssociatedSymbol: { } property } ? property : context.OwningSymbol;
        MethodAnalysis.Run(context, inputs, _settings, mayBeRingWrapper: _ringNames!.MayBeRingMember(owner.Name));
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

    /// <summary>
    /// DBL006, for a ring wrapper's body and for code that names a raw doorbell address only: two lookups decide that for
    /// every other method (the owner's name among the ring members' names, the address names in the text index).
    /// </summary>
    private void CheckRingStores(OperationBlockAnalysisContext context, SyntaxTree tree)
    {
        var index = _ringNames ?? BuildRingNameIndex(context.CancellationToken);
        var owner = context.OwningSymbol is IMethodSymbol { AssociatedSymbol: { } property } ? property : context.OwningSymbol;
        var mayBeWrapper = index.MayBeRingMember(owner.Name);
        var namesAddress = false;
        foreach (var block in context.OperationBlocks)
            namesAddress |= block.Syntax.SyntaxTree == tree && index.MayNameDoorbellAddress(tree, block.Syntax.Span);
        if (!mayBeWrapper && !namesAddress)
            return;
        var facts = FactsFor(tree, context.CancellationToken);
        if (facts.IsGenerated || GeneratedCode.HasGeneratedCodeAttribute(context.OwningSymbol, _generatedCodeAttribute.Value))
            return;
        var isRingWrapper = mayBeWrapper && MethodAnalysis.IsRingWrapper(context.OwningSymbol, _symbols, facts.Configuration);
        if (isRingWrapper || namesAddress)
            RingStoreCheck.Run(context, _symbols, facts.Configuration, isRingWrapper);
    }

    /// <summary>Whether the text of the blocks names a ring member or a helper that may ring (<see cref="RingNameIndex"/>).</summary>
    private bool NamesARing(SyntaxTree tree, System.Collections.Immutable.ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var index = _ringNames ?? BuildRingNameIndex(cancellationToken);
        foreach (var block in blocks)
        {
            if (block.Syntax.SyntaxTree == tree && index.MayRing(tree, block.Syntax.Span))
                return true;
        }

        return false;
    }

    /// <summary>Once per compilation, on the first block: the ring names of the runtime, the references, the attributes in source and every tree's configuration.</summary>
    private RingNameIndex BuildRingNameIndex(CancellationToken cancellationToken)
    {
        lock (_ringNamesGate)
        {
            if (_ringNames is { } built)
                return built;
            var names = _symbols.RingNamesInReferences(cancellationToken);
            if (names is null)
                return _ringNames = RingNameIndex.Everything;
            var trees = _symbols.Compilation.SyntaxTrees;
            var sources = RingNameIndex.ReadSources(trees, cancellationToken);
            var attributed = RingNameIndex.AttributedRingNames(sources, cancellationToken);
            var depth = 0;
            foreach (var tree in trees)
            {
                var facts = FactsFor(tree, cancellationToken);
                depth = Math.Max(depth, facts.Interprocedural.Depth);
                foreach (var member in facts.Configuration.Members)
                {
                    if (member.Value != ProtocolOperation.Ring || names is null)
                        continue;
                    if (ProtocolSymbols.RingMemberName(member.Key) is { } name)
                        names.Add(name);
                    else
                        names = null;
                }
            }

            if (names is not null && attributed is not null)
                names.AddRange(attributed);
            if (names is not null && _symbols.Raw)
                names.AddRange(RingNameIndex.RawRingNames(sources, cancellationToken));
            var index = RingNameIndex.Build(sources, attributed is null ? null : names, CreationNames, depth, cancellationToken, RawDoorbellAddress.Names);
            _ringNames = index;
            return index;
        }
    }

    /// <summary>A ring before connect is reported in the method that created the doorbell, which may ring it through a helper only.</summary>
    private IReadOnlyCollection<string> CreationNames => (_symbols.HardwareQueue is null, _symbols.Raw) switch
    {
        (true, false) => Array.Empty<string>(),
        (false, false) => new[] { "CreateDoorbell" },
        (true, true) => new[] { RawD3dkmt.CreateFunction },
        (false, true) => new[] { "CreateDoorbell", RawD3dkmt.CreateFunction },
    };

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
