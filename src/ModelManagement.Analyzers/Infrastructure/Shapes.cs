using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>Small symbol, operation and syntax shapes several rules test the same way.</summary>
internal static class Shapes
{
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
}
