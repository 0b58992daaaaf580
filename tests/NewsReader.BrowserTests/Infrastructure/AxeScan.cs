using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace NewsReader.BrowserTests.Infrastructure;

/// <summary>Runs axe-core on a page and fails with a readable list of what is wrong and where.</summary>
public static class AxeScan
{
    public static async Task AssertNoViolationsAsync(IPage page, string label)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, Describe(label, result.Violations));
    }

    private static string Describe(string label, AxeResultItem[] violations)
    {
        var sb = new StringBuilder($"axe found {violations.Length} violation(s) on {label}:\n");
        foreach (var v in violations)
        {
            sb.AppendLine($"- [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes.Take(5))
            {
                sb.AppendLine($"    at {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    sb.AppendLine($"      {check.Message}");
                }
            }
        }

        return sb.ToString();
    }
}
