using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>Six small articles, each with words the others lack, so every operator has a known answer.</summary>
public sealed class SearchCorpusFixture : IAsyncLifetime
{
    public NewsReaderApp App { get; } = new();

    public async Task InitializeAsync() => await App.SeedAsync(
        ("lighthouse.txt", Seeds.TextArticle("Lighthouse keepers return to the coast", "Harbour Gazette", "By Ana Ruiz", "March 3, 2024",
            "The keepers arrived by boat on Monday morning and unpacked supplies for the winter season.",
            "Officials said the station would stay open all year.")),
        ("ferry.txt", Seeds.TextArticle("Ferry timetable changes for spring", "Valley Courier", "By Tom Okafor", "March 3, 2024",
            "Passengers will notice the old lighthouse from the deck as the new ferry timetable starts next week.",
            "The central bank governor was not on board for the first crossing.")),
        ("cafe.txt", Seeds.TextArticle("Café owners welcome tourists", "Harbour Gazette", "By Ana Ruiz", "June 10, 2023",
            "The owners run tours of the old harbour every weekend once the season begins.",
            "Tourists paid with cards and left good reviews.")),
        ("budget.txt", Seeds.TextArticle("Budget talks stall in parliament", "Valley Courier", "By Tom Okafor", "January 5, 2022",
            "The bank said central planning had failed, and electricity prices rose while walrus sightings increased.",
            "Members of parliament will meet again next month.")),
        ("narwhal.txt", Seeds.TextArticle("Narwhal spotted near the fjord", "Northern Times", "By Ingrid Larsen", "August 20, 2021",
            "Scientists said the narwhal swam past the harbour during a strike by dock workers.",
            "The budget for marine research was raised this spring.")),
        ("zebra.txt", Seeds.TextArticle("Zebra crossing repainted", "Northern Times", "By Ingrid Larsen", "May 1, 2020",
            "Workers painted the zebra crossing <script>alert('x')</script> near the school & the park.",
            "Drivers were asked to slow down on the road.")));

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
