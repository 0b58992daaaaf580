using System.Text;
using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>DOM helpers that never recurse, so a page nested 10,000 deep cannot overflow the stack.</summary>
public static class Dom
{
    /// <summary>The element's text with each run of whitespace collapsed to one space, trimmed.</summary>
    public static string TextOf(INode node, int maxLength = int.MaxValue)
    {
        var sb = new StringBuilder();
        var space = false;
        foreach (var text in Texts(node))
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = sb.Length > 0;
                    continue;
                }

                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(c);
            }

            if (sb.Length >= maxLength)
            {
                break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Text nodes under the node in document order, skipping scripts and styles.</summary>
    public static IEnumerable<string> Texts(INode node)
    {
        var stack = new Stack<INode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            Limits.ParseBudget.Check();
            var current = stack.Pop();
            if (current is IText t)
            {
                yield return t.Data;
                continue;
            }

            if (current is IElement { LocalName: "script" or "style" or "template" or "noscript" } && current != node)
            {
                continue;
            }

            var children = current.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>Every element under the node (itself included) in document order.</summary>
    public static IEnumerable<IElement> Elements(INode node)
    {
        var stack = new Stack<INode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            Limits.ParseBudget.Check();
            var current = stack.Pop();
            if (current is IElement e)
            {
                yield return e;
            }

            // AngleSharp finds a node's siblings by searching its parent's list: index the list instead.
            var children = current.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    stack.Push(child);
                }
            }
        }
    }
}
