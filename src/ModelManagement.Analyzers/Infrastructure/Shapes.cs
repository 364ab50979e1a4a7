using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>Small symbol, operation and syntax shapes several rules test the same way.</summary>
internal static class Shapes
{
    /// <summary>Whether <paramref name="node"/> (or a node under it, lambdas included) is the identifier <paramref name="name"/>.</summary>
    public static bool MentionsIdentifier(SyntaxNode node, string name)
    {
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The expression inside any parentheses around it.</summary>
    public static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>
    /// The one declaration of a source method written as a method (<c>MethodDeclarationSyntax</c>, with or without a body);
    /// null for a method from metadata, a partial pair, an accessor, an operator or a local function.
    /// </summary>
    public static MethodDeclarationSyntax? SingleMethodDeclaration(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        var references = method.OriginalDefinition.DeclaringSyntaxReferences;
        return references.Length == 1 ? references[0].GetSyntax(cancellationToken) as MethodDeclarationSyntax : null;
    }

    /// <summary>The expression inside parentheses and <c>!</c> (and casts, with <paramref name="casts"/>).</summary>
    public static ExpressionSyntax Unwrapped(ExpressionSyntax expression, bool casts)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    expression = suppressed.Operand;
                    break;
                case CastExpressionSyntax cast when casts:
                    expression = cast.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The name of an own member written <c>X</c> or <c>this.X</c> (in parentheses or not); null for anything else.</summary>
    public static SimpleNameSyntax? OwnMemberName(ExpressionSyntax expression)
        => Unparenthesized(expression) switch
        {
            IdentifierNameSyntax identifier => identifier,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name,
            _ => null,
        };

    /// <summary>
    /// The expression <paramref name="node"/> writes, when it is a write: the left side of an assignment (simple, compound,
    /// <c>??=</c>), the operand of <c>++</c>/<c>--</c>, or a <c>ref</c>/<c>out</c> argument; null otherwise.
    /// </summary>
    public static ExpressionSyntax? WrittenExpression(SyntaxNode node)
        => node switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
            ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
            _ => null,
        };

    /// <summary>The block or arrow expression of a method declaration; null for an abstract, extern or partial one.</summary>
    public static SyntaxNode? BodyOf(MethodDeclarationSyntax declaration)
        => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody?.Expression;

    /// <summary>Whether <paramref name="body"/> holds a <c>throw</c> statement or expression outside its lambdas and local functions.</summary>
    public static bool ContainsThrow(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ThrowStatementSyntax or ThrowExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The outermost of <paramref name="node"/> and the parentheses and casts around it (<c>((Action)(() =&gt; …))</c>: the outer parenthesis).</summary>
    public static SyntaxNode OutsideParenthesesAndCasts(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node;
    }

    /// <summary>How a task written as an expression is blocked on for its value (<see cref="BlockedOn"/>).</summary>
    public enum Blocking
    {
        /// <summary>Not blocked on where it stands.</summary>
        None,

        /// <summary><c>task.Result</c> or <c>task.GetAwaiter().GetResult()</c>: the expression is the task's value.</summary>
        Value,

        /// <summary><c>task.Wait(…)</c>: the wait drops the task's value.</summary>
        Wait,
    }

    /// <summary>
    /// The expression that blocks on <paramref name="task"/> — <c>task.Result</c>, <c>task.GetAwaiter().GetResult()</c>,
    /// <c>task.Wait(…)</c> — as written (no binding: callers that need certainty check the symbols), and how; the task itself
    /// with <see cref="Blocking.None"/> otherwise. MM0004 reads a sync-over-async validator's verdict through these like
    /// through an <c>await</c> (a fix-shapes round: only <c>GetAwaiter().GetResult()</c> was reported, at <c>GetResult</c>).
    /// </summary>
    public static (ExpressionSyntax Outer, Blocking How) BlockedOn(ExpressionSyntax task)
    {
        if (task.Parent is not MemberAccessExpressionSyntax access || access.Expression != task || !access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
        {
            return (task, Blocking.None);
        }

        var invoked = access.Parent is InvocationExpressionSyntax call && call.Expression == access ? call : null;
        switch (access.Name.Identifier.ValueText)
        {
            case "Result" when invoked is null && access.Name is IdentifierNameSyntax:
                return (access, Blocking.Value);
            case "GetAwaiter" when invoked is { ArgumentList.Arguments.Count: 0 }
                && invoked.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult" } getResult && getResult.Expression == invoked
                && getResult.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } result && result.Expression == getResult:
                return (result, Blocking.Value);
            case "Wait" when invoked is not null:
                return (invoked, Blocking.Wait);
            default:
                return (task, Blocking.None);
        }
    }

    /// <summary>The <c>?.</c> whose result <paramref name="value"/> is (<c>x?.M().Result</c> for <c>.M().Result</c>), or null.</summary>
    public static ConditionalAccessExpressionSyntax? ConditionalAccessAround(SyntaxNode value)
        => value.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == value ? conditional : null;

    /// <summary>The <c>task.AsTask()</c> call converting <paramref name="task"/> (a <c>ValueTask</c>, as written), or null.</summary>
    public static InvocationExpressionSyntax? AsTaskOf(SyntaxNode task)
        => task.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsTask" } access && access.Expression == task
            && access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } converted && converted.Expression == access
                ? converted
                : null;

    /// <summary>
    /// A function shaped as an event handler — <c>(object sender, TEventArgs e)</c> with <c>TEventArgs</c> derived from
    /// <see cref="System.EventArgs"/> — whatever it returns (callers check <c>ReturnsVoid</c> where it matters).
    /// </summary>
    public static bool IsEventHandler(IMethodSymbol function)
    {
        if (function.Parameters.Length != 2 || function.Parameters[0].Type.SpecialType != SpecialType.System_Object)
        {
            return false;
        }

        for (var type = function.Parameters[1].Type; type is not null; type = type.BaseType)
        {
            if (type is { Name: "EventArgs", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A function whose result carries nothing: <c>void</c>, or a non-generic <c>Task</c>/<c>ValueTask</c>.</summary>
    public static bool ReturnsNothing(IMethodSymbol method)
        => method.ReturnsVoid
            || (method.ReturnType is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" } task
                && Namespaces.IsExactly(task.ContainingNamespace, "System", "Threading", "Tasks"));

    /// <summary>
    /// A type with an instance <c>GetAwaiter()</c> of its own: <c>Task</c>, <c>ValueTask</c>, their generic forms and custom
    /// awaitables (extension <c>GetAwaiter</c>s are not seen).
    /// </summary>
    public static bool IsAwaitable(ITypeSymbol type)
    {
        foreach (var member in type.GetMembers("GetAwaiter"))
        {
            if (member is IMethodSymbol { Parameters.IsEmpty: true, IsStatic: false })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="type"/> is <paramref name="baseType"/> or derives from it (a bounded walk of base classes).</summary>
    public static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        INamedTypeSymbol? current = type;
        for (var depth = 0; current is not null && depth < 32; depth++)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }

            current = current.BaseType;
        }

        return false;
    }

    /// <summary>The root of <paramref name="operation"/>'s tree: the member body or initializer holding it.</summary>
    public static IOperation Root(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary><paramref name="operation"/> without its conversions, explicit casts too (<c>((Task)a).Wait()</c> waits for <c>a</c>).</summary>
    public static IOperation? WithoutConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>What a delegate argument is made from: the lambda or method reference under its conversions and delegate creation.</summary>
    public static IOperation DelegateTarget(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        }

        return value;
    }

    /// <summary>
    /// A member of a C# 14 extension block (<c>static class E { extension(IRegistry? r) { … } }</c>): its containing type
    /// is the block, nested in a static class and not nameable in source — a kind the Roslyn 4.8 API does not name. Called
    /// on an instance, the receiver is the block's parameter, not a dereferenced reference.
    /// </summary>
    public static bool IsExtensionBlockMember(ISymbol member)
        => member.ContainingType is { ContainingType: { IsStatic: true } } block
            && (!block.CanBeReferencedByName || (int)block.TypeKind > (int)TypeKind.FunctionPointer);

    /// <summary>
    /// The name <paramref name="member"/> has in source: a C# 14 <c>field</c> keyword's backing field is named after its
    /// property (<c>Name</c>, not <c>&lt;Name&gt;k__BackingField</c>).
    /// </summary>
    public static string SourceName(ISymbol member)
        => member is IFieldSymbol { AssociatedSymbol: IPropertySymbol property } ? property.Name : member.Name;

    /// <summary>The method, accessor, local function or lambda whose body holds <paramref name="node"/>; null in an initializer.</summary>
    public static SyntaxNode? EnclosingFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
                or AnonymousFunctionExpressionSyntax)
            {
                return current;
            }

            if (current is MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a source extension method handles a null <c>this</c> itself: its body tests the parameter for null
    /// (<c>== null</c>, <c>is null</c>, <c>??</c>, <c>?.</c>, …) and throws nowhere (OpenAI-API-dotnet's
    /// <c>auth.ThisOrDefault()</c>: <c>if (auth == null) auth = Default;</c>, written where nullable annotations are off, so
    /// its <c>this</c> cannot say <c>?</c>). A method that throws anywhere — a guard that rejects null — does not count.
    /// Metadata methods have no body to read. Uncached: <see cref="NullStateKnownSymbols.HandlesNullReceiver"/> caches it.
    /// </summary>
    public static bool HandlesNullReceiver(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (definition.Parameters.IsEmpty || definition.DeclaringSyntaxReferences.Length != 1
            || definition.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax declaration
            || (declaration.Body ?? (SyntaxNode?)declaration.ExpressionBody) is not { } body)
        {
            return false;
        }

        var name = definition.Parameters[0].Name;
        var tested = false;
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case ThrowStatementSyntax or ThrowExpressionSyntax:
                    return false;
                case IdentifierNameSyntax identifier when !tested && identifier.Identifier.ValueText == name:
                    tested = IsNullTestOf(identifier);
                    break;
            }
        }

        return tested;
    }

    /// <summary>
    /// Whether <paramref name="identifier"/> is tested for null where it stands: <c>== null</c>, <c>!= null</c>, <c>is null</c>,
    /// <c>is not null</c>, the left of <c>??</c> or <c>??=</c>, the receiver of <c>?.</c>.
    /// </summary>
    public static bool IsNullTestOf(IdentifierNameSyntax identifier)
    {
        SyntaxNode value = identifier;
        while (value.Parent is ParenthesizedExpressionSyntax)
        {
            value = value.Parent;
        }

        return value.Parent switch
        {
            BinaryExpressionSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EqualsExpression) || binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NotEqualsExpression)
                => (binary.Left == value ? binary.Right : binary.Left).IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression),
            BinaryExpressionSyntax coalesce when coalesce.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression) => coalesce.Left == value,
            AssignmentExpressionSyntax assignment when assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceAssignmentExpression) => assignment.Left == value,
            ConditionalAccessExpressionSyntax conditional => conditional.Expression == value,
            IsPatternExpressionSyntax isPattern => isPattern.Expression == value
                && (isPattern.Pattern is UnaryPatternSyntax unary ? unary.Pattern : isPattern.Pattern) is ConstantPatternSyntax { Expression: var constant }
                && constant.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression),
            _ => false,
        };
    }
}
