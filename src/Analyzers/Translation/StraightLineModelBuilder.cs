using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// The fast path: a body without branches (see <see cref="StraightLineBody"/>) is one block of events, read in
/// order from the operation tree, with no control-flow graph at all.
/// </summary>
internal sealed class StraightLineModelBuilder
{
    private readonly EventWalker _walker;

    public StraightLineModelBuilder(EventWalker walker) => _walker = walker;

    public FunctionModel Build(IReadOnlyList<IOperation> statements)
    {
        var body = new List<RawEvent>();
        _walker.Events = body;
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case IVariableDeclarationGroupOperation group:
                    foreach (var declaration in group.Declarations)
                    {
                        foreach (var declarator in declaration.Declarators)
                        {
                            if ((declarator.Initializer ?? declaration.Initializer)?.Value is { } initial)
                                _walker.AssignToLocal(declarator.Symbol, initial);
                        }
                    }

                    break;
                case IReturnOperation @return:
                    _walker.Consume(_walker.Walk(@return.ReturnedValue));
                    break;
                default:
                    _walker.Walk(statement);
                    break;
            }

            if (_walker.GaveUp)
                return FunctionModel.GaveUp(_walker.Sites.All);
        }

        if (!_walker.HasRing)
            return FunctionModel.NoRing;

        // Entry, body, exit: the shape of the graph Roslyn would build for this body.
        var model = new RawModel();
        var entry = model.AddBlock(new List<RawEvent>());
        var middle = model.AddBlock(body);
        var exit = model.AddBlock(new List<RawEvent>());
        model.AddEdge(entry, new ProtocolEdge(middle));
        model.AddEdge(middle, new ProtocolEdge(exit));
        model.Graph.Blocks[exit].IsNormalExit = true;
        return KeyNumbering.Finish(model, _walker.Captured, _walker.Helpers)
            ? new FunctionModel(model.Graph, _walker.Sites.All, hasRing: true)
            : FunctionModel.GaveUp(_walker.Sites.All);
    }
}
