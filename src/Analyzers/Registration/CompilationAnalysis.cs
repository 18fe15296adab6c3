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

    /// <summary>
    /// The semantic-model action, once per tree (or per member span in the IDE): the ring-name index first, so that a
    /// tree naming no ring costs one lookup; then operations only for the members whose text may ring.
    /// </summary>
    public void AnalyzeTree(SemanticModelAnalysisContext context)
    {
        var model = context.SemanticModel;
        var tree = model.SyntaxTree;
        var cancellationToken = context.CancellationToken;
        _settings.Entry?.CountTree();
        var index = _ringNames ?? BuildRingNameIndex(cancellationToken);
        var root = tree.GetRoot(cancellationToken);
        if (!index.MayRing(tree, root.FullSpan) && !index.MayNameDoorbellAddress(tree, root.FullSpan))
            return;
        var holders = new List<SyntaxNode>();
        CandidateMembers.Collect(root, span => index.MayRing(tree, span) || index.MayNameDoorbellAddress(tree, span), context.FilterSpan, holders, cancellationToken);
        if (holders.Count == 0)
            return;
        var facts = FactsFor(tree, cancellationToken);
        if (facts.IsGenerated)
            return;
        Action<Diagnostic> report = context.ReportDiagnostic;
        foreach (var holder in holders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _settings.Entry?.CountOperationRequest();
            if (CandidateMembers.Resolve(model, holder, cancellationToken) is { } member)
                AnalyzeMember(member.Root, member.Owner, facts, report, cancellationToken);
        }
    }

    /// <summary>One member whose text may ring: the operation-level check first; only a member that rings is analyzed.</summary>
    private void AnalyzeMember(IOperation root, ISymbol owner, TreeFacts facts, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (GeneratedCode.HasGeneratedCodeAttribute(owner, _generatedCodeAttribute.Value))
            return;
        CheckRingStores(root, owner, facts, report);
        if (!RingScan.AnyRing(root, _symbols, facts.Configuration, facts.Interprocedural.Depth > 0))
            return;
        var inputs = new TranslationInputs(_symbols, facts.Configuration, _settings.Budget, cancellationToken,
            facts.Interprocedural.Depth > 0 ? _helperModels : null, facts.Interprocedural.Depth);
        var named = owner is IMethodSymbol { AssociatedSymbol: { } property } ? property : owner;
        _settings.Entry?.RecordAnalysed(named.Name);
        MethodAnalysis.Run(root, owner, report, inputs, _settings, mayBeRingWrapper: _ringNames!.MayBeRingMember(named.Name));
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
    /// every other member (the owner's name among the ring members' names, the address names in the text index).
    /// </summary>
    private void CheckRingStores(IOperation root, ISymbol owner, TreeFacts facts, Action<Diagnostic> report)
    {
        var index = _ringNames!;
        var named = owner is IMethodSymbol { AssociatedSymbol: { } property } ? property : owner;
        var mayBeWrapper = index.MayBeRingMember(named.Name);
        var namesAddress = index.MayNameDoorbellAddress(root.Syntax.SyntaxTree, root.Syntax.Span);
        if (!mayBeWrapper && !namesAddress)
            return;
        var isRingWrapper = mayBeWrapper && MethodAnalysis.IsRingWrapper(owner, _symbols, facts.Configuration);
        if (isRingWrapper || namesAddress)
            RingStoreCheck.Run(root, owner, report, _symbols, facts.Configuration, isRingWrapper);
    }

    /// <summary>Once per compilation, on the first tree: the ring names of the runtime, the references, the attributes in source and every tree's configuration.</summary>
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
