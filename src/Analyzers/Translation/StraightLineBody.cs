using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Recognizes bodies that need no control-flow graph: a list of expression statements, declarations and a final
/// return, with nothing inside that branches (no ?:, ?., ??, &amp;&amp;, ||, switch expressions, patterns, throw
/// expressions, lambdas, local functions, interpolated strings, initializers). Such a body has exactly one path.
/// </summary>
internal static class StraightLineBody
{
    public static bool TryGetStatements(IOperation root, out IReadOnlyList<IOperation> statements)
    {
        statements = System.Array.Empty<IOperation>();
        IBlockOperation? body = root switch
        {
            IMethodBodyOperation { BlockBody: { } block, ExpressionBody: null } => block,
            IMethodBodyOperation { BlockBody: null, ExpressionBody: { } expression } => expression,
            IConstructorBodyOperation { BlockBody: { } block, ExpressionBody: null } => block,
            _ => null,
        };
        var initializer = (root as IConstructorBodyOperation)?.Initializer;
        if (initializer is not null && !IsBranchFree(initializer))
            return false;
        if (body is null || !body.Locals.IsEmpty && HasUsingOrConstLocals(body))
            return false;

        var operations = body.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var statement = operations[i];
            var allowed = statement switch
            {
                IExpressionStatementOperation => true,
                IVariableDeclarationGroupOperation => true,
                IEmptyOperation => true,
                IReturnOperation => i == operations.Length - 1,
                _ => false,
            };
            if (!allowed || !IsBranchFree(statement))
                return false;
        }

        if (initializer is null)
        {
            statements = operations;
        }
        else
        {
            // : base(...) / : this(...) runs first.
            var all = new List<IOperation>(operations.Length + 1) { initializer };
            all.AddRange(operations);
            statements = all;
        }

        return true;
    }

    private static bool HasUsingOrConstLocals(IBlockOperation body)
    {
        foreach (var local in body.Locals)
        {
            if (local.IsUsing || local.IsConst || local.IsRef)
                return true;
        }

        return false;
    }

    private static bool IsBranchFree(IOperation statement)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            switch (operation.Kind)
            {
                case OperationKind.Conditional:
                case OperationKind.ConditionalAccess:
                case OperationKind.ConditionalAccessInstance:
                case OperationKind.Coalesce:
                case OperationKind.CoalesceAssignment:
                case OperationKind.SwitchExpression:
                case OperationKind.IsPattern:
                case OperationKind.IsType:
                case OperationKind.Throw:
                case OperationKind.AnonymousFunction:
                case OperationKind.LocalFunction:
                case OperationKind.DelegateCreation:
                case OperationKind.InterpolatedString:
                case OperationKind.ObjectOrCollectionInitializer:
                case OperationKind.With:
                case OperationKind.DeconstructionAssignment:
                case OperationKind.Invalid:
                case OperationKind.None:
                case OperationKind.VariableDeclarationGroup when operation != statement:
                    return false;
                case OperationKind.Binary when operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                    return false;
                case OperationKind.Binary when operation is IBinaryOperation { OperatorMethod: not null } or IBinaryOperation { IsLifted: true }:
                    return false;
                case OperationKind.VariableDeclaration when operation is IVariableDeclarationOperation { IgnoredDimensions.IsEmpty: false }:
                    return false;
            }
        }

        return true;
    }
}
