using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The statement list that holds a statement, whatever holds the list: a block, a switch section,
/// the top-level statements of a file, an embedded statement (turned into a block), or an expression
/// body (turned into a block body). The fixes replace a run of statements in it in one edit.
/// </summary>
internal abstract class StatementContainer
{
    private StatementContainer(SyntaxNode node, IReadOnlyList<StatementSyntax> statements, int index)
    {
        Node = node;
        Statements = statements;
        Index = index;
    }

    /// <summary>The node the edit replaces.</summary>
    public SyntaxNode Node { get; }

    /// <summary>The statements of the list, in order.</summary>
    public IReadOnlyList<StatementSyntax> Statements { get; }

    /// <summary>Where the statement sits in <see cref="Statements"/>.</summary>
    public int Index { get; }

    /// <summary>The container of a statement that is in the tree, or null when its parent holds no statements we can edit.</summary>
    public static StatementContainer? Of(StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax block:
                return new BlockContainer(block, block.Statements.IndexOf(statement));
            case SwitchSectionSyntax section:
                return new SwitchSectionContainer(section, section.Statements.IndexOf(statement));
            case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                var globals = unit.Members.OfType<GlobalStatementSyntax>().ToList();
                return new TopLevelContainer(unit, globals, globals.IndexOf(global));
            case IfStatementSyntax or ElseClauseSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax
                or CommonForEachStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax
                or LabeledStatementSyntax or CheckedStatementSyntax or UnsafeStatementSyntax:
                return new EmbeddedContainer(statement);
            default:
                return null;
        }
    }

    /// <summary>The statements of a block, or the statement alone.</summary>
    public static IReadOnlyList<StatementSyntax> StatementsOf(StatementSyntax statement)
    {
        if (statement is BlockSyntax block)
        {
            return block.Statements;
        }

        return new[] { statement };
    }

    /// <summary>
    /// The container for an expression (a call, an assignment) that is the expression body of a void member or lambda:
    /// its one statement is the expression as a statement, not yet in the tree.
    /// </summary>
    public static StatementContainer? OfExpressionBody(ExpressionSyntax invocation, SemanticModel model)
    {
        var statement = SyntaxFactory.ExpressionStatement(invocation.WithoutTrivia());
        switch (invocation.Parent)
        {
            case ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } when IsVoid(method.ReturnType):
                return new ExpressionBodyContainer(method, statement);
            case ArrowExpressionClauseSyntax { Parent: LocalFunctionStatementSyntax function } when IsVoid(function.ReturnType):
                return new ExpressionBodyContainer(function, statement);
            case ArrowExpressionClauseSyntax { Parent: AccessorDeclarationSyntax accessor }
                when !accessor.IsKind(SyntaxKind.GetAccessorDeclaration):
                return new ExpressionBodyContainer(accessor, statement);
            case ArrowExpressionClauseSyntax { Parent: ConstructorDeclarationSyntax or DestructorDeclarationSyntax } arrow:
                return new ExpressionBodyContainer(arrow.Parent!, statement);
            case LambdaExpressionSyntax lambda when lambda.ExpressionBody == invocation
                && model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: true }:
                return new ExpressionBodyContainer(lambda, statement);
            default:
                return null;
        }
    }

    /// <summary>The replacement for <see cref="Node"/> with <paramref name="statements"/> as its statement list.</summary>
    public abstract SyntaxNode WithStatements(IReadOnlyList<StatementSyntax> statements);

    /// <summary>The document root with the list replaced.</summary>
    public SyntaxNode Apply(SyntaxNode root, IReadOnlyList<StatementSyntax> statements) =>
        root.ReplaceNode(Node, WithStatements(statements));

    private static bool IsVoid(TypeSyntax type) => type is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword);

    private static bool IsOnOneLine(BlockSyntax block)
    {
        var lines = block.SyntaxTree.GetText().Lines;
        return lines.GetLineFromPosition(block.OpenBraceToken.SpanStart).LineNumber == lines.GetLineFromPosition(block.CloseBraceToken.SpanStart).LineNumber;
    }

    private static BlockSyntax NewBlock(IReadOnlyList<StatementSyntax> statements) =>
        SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>
    /// A new body block with one statement per line, in the document's line ending: the formatter keeps a block
    /// that sits on one line (a lambda's, say) on one line.
    /// </summary>
    private static BlockSyntax NewBodyBlock(SyntaxNode owner, IReadOnlyList<StatementSyntax> statements)
    {
        var endOfLine = owner.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = SyntaxFactory.ElasticEndOfLine(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine.ToString() : "\r\n");
        return SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine),
                SyntaxFactory.List(statements.Select(s => s.WithTrailingTrivia(s.GetTrailingTrivia().Add(newLine)))),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private sealed class BlockContainer : StatementContainer
    {
        private readonly BlockSyntax _block;

        public BlockContainer(BlockSyntax block, int index)
            : base(block, block.Statements, index) => _block = block;

        public override SyntaxNode WithStatements(IReadOnlyList<StatementSyntax> statements)
        {
            // A block written on one line ({ d.Ring(v); }) cannot hold the loop on one line: it gets a line per statement.
            if (IsOnOneLine(_block))
            {
                return NewBodyBlock(_block, statements).WithTriviaFrom(_block);
            }

            return _block.WithStatements(SyntaxFactory.List(statements));
        }
    }

    private sealed class SwitchSectionContainer : StatementContainer
    {
        private readonly SwitchSectionSyntax _section;

        public SwitchSectionContainer(SwitchSectionSyntax section, int index)
            : base(section, section.Statements, index) => _section = section;

        public override SyntaxNode WithStatements(IReadOnlyList<StatementSyntax> statements) =>
            _section.WithStatements(SyntaxFactory.List(statements));
    }

    private sealed class TopLevelContainer : StatementContainer
    {
        private readonly CompilationUnitSyntax _unit;

        public TopLevelContainer(CompilationUnitSyntax unit, List<GlobalStatementSyntax> globals, int index)
            : base(unit, globals.Select(g => g.Statement).ToList(), index) => _unit = unit;

        public override SyntaxNode WithStatements(IReadOnlyList<StatementSyntax> statements)
        {
            // Top-level statements come before every type and namespace declaration: they form one run.
            var members = new List<MemberDeclarationSyntax>();
            var placed = false;
            foreach (var member in _unit.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    if (!placed)
                    {
                        members.AddRange(statements.Select(SyntaxFactory.GlobalStatement));
                        placed = true;
                    }

                    continue;
                }

                members.Add(member);
            }

            return _unit.WithMembers(SyntaxFactory.List(members));
        }
    }

    private sealed class EmbeddedContainer : StatementContainer
    {
        public EmbeddedContainer(StatementSyntax statement)
            : base(statement, new[] { statement }, 0)
        {
        }

        public override SyntaxNode WithStatements(IReadOnlyList<StatementSyntax> statements) =>
            statements.Count == 1 && statements[0] is BlockSyntax ? statements[0] : NewBlock(statements);
    }

    private sealed class ExpressionBodyContainer : StatementContainer
    {
        public ExpressionBodyContainer(SyntaxNode owner, StatementSyntax statement)
            : base(owner, new[] { statement }, 0)
        {
        }

        public override SyntaxNode WithStatements(IReadOnlyList<StatementSyntax> statements)
        {
            var body = NewBodyBlock(Node, statements);
            switch (Node)
            {
                case BaseMethodDeclarationSyntax member:
                    return member.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithBody(body.WithTrailingTrivia(member.SemicolonToken.TrailingTrivia))
                        .WithAdditionalAnnotations(Formatter.Annotation);
                case LocalFunctionStatementSyntax function:
                    return function.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithBody(body.WithTrailingTrivia(function.SemicolonToken.TrailingTrivia))
                        .WithAdditionalAnnotations(Formatter.Annotation);
                case AccessorDeclarationSyntax accessor:
                    return accessor.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithBody(body.WithTrailingTrivia(accessor.SemicolonToken.TrailingTrivia))
                        .WithAdditionalAnnotations(Formatter.Annotation);
                case LambdaExpressionSyntax lambda:
                    var trailing = lambda.ExpressionBody?.GetTrailingTrivia() ?? default;
                    return lambda.WithExpressionBody(null).WithBlock(body.WithTrailingTrivia(trailing))
                        .WithAdditionalAnnotations(Formatter.Annotation);
                default:
                    return Node;
            }
        }
    }
}
