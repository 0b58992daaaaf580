using System.Text;
using BenchmarkDotNet.Attributes;
using NewsReader.Articles;
using NewsReader.Extraction.Text;

namespace NewsReader.Benchmarks;

/// <summary>The CPU side of ingestion for one article: parse the text file, render and sanitise its body.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly TextArticleParser _parser = new();
    private byte[] _article = [];
    private string _markdown = "";

    [Params(300, 1500)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The generator picks 300–1,500 words per article; find one near the requested size.
        var text = Enumerable.Range(0, 500).Select(n => NewsReader.Corpus.CorpusGenerator.Article(1, n)).MinBy(a => Math.Abs(a.Split(' ').Length - Words))!;
        _article = Encoding.UTF8.GetBytes(text);
        _markdown = _parser.Parse(_article, "bench.txt").BodyMarkdown;
    }

    [Benchmark]
    public string Parse() => _parser.Parse(_article, "bench.txt").Title;

    [Benchmark]
    public string RenderBody() => BodyRenderer.ToHtml(_markdown);
}
