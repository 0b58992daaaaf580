using NewsReader.Extraction;
using NewsReader.Ingestion;

namespace NewsReader.Tests.Ingestion;

public sealed class NewsDatesTests
{
    [Theory]
    [InlineData("January 17, 2025", "2025-01-17")]
    [InlineData("Jan. 17, 2025", "2025-01-17")]
    [InlineData("Sept. 3rd, 2024", "2024-09-03")]
    [InlineData("17 January 2025", "2025-01-17")]
    [InlineData("2025-01-17", "2025-01-17")]
    [InlineData("Friday, March 1, 2024", "2024-03-01")]
    [InlineData("Thursday 17 January 2025", "2025-01-17")]
    [InlineData("the 3rd of March 2024", "2024-03-03")]
    [InlineData("Jan 17 2025", "2025-01-17")]
    [InlineData("17/01/2025", "2025-01-17")]
    [InlineData("1/17/2025", "2025-01-17")]
    [InlineData("03/03/2024", "2024-03-03")]
    [InlineData("Published 17.01.2025", "2025-01-17")]
    [InlineData("Von Anna Müller  17. Januar 2025", "2025-01-17")]
    [InlineData("14. MÄRZ 2025", "2025-03-14")]
    [InlineData("Publié le 3 février 2024", "2024-02-03")]
    [InlineData("1er août 2024", "2024-08-01")]
    [InlineData("17 de enero de 2025", "2025-01-17")]
    [InlineData("3 de março de 2024", "2024-03-03")]
    [InlineData("12 settembre 2023", "2023-09-12")]
    [InlineData("5 maart 2024", "2024-03-05")]
    [InlineData("17 stycznia 2025", "2025-01-17")]
    [InlineData("١٧ mai ٢٠٢٤", "2024-05-17")]
    public void Find_DateWithoutTime_ReturnsIsoDate(string text, string iso) =>
        Assert.Equal(iso, NewsDates.Find(text)?.Iso);

    [Theory]
    [InlineData("Jan. 17, 2025 10:32 AM EST", "2025-01-17T10:32:00-05:00")]
    [InlineData("Wed 5 Feb 2025 14.02 GMT", "2025-02-05T14:02:00+00:00")]
    [InlineData("March 3, 2024 9:15 p.m. PST", "2024-03-03T21:15:00-08:00")]
    [InlineData("March 3, 2024 12:05 AM UTC", "2024-03-03T00:05:00+00:00")]
    [InlineData("17 January 2025 10:32 GMT+1", "2025-01-17T10:32:00+01:00")]
    [InlineData("17. Januar 2025, 10:32 CET", "2025-01-17T10:32:00+01:00")]
    [InlineData("17 January 2025, 10:32 +05:30", "2025-01-17T10:32:00+05:30")]
    [InlineData("2025-01-17T10:32:00Z", "2025-01-17T10:32:00+00:00")]
    [InlineData("2025-01-17 10:32:00+01:00", "2025-01-17T10:32:00+01:00")]
    [InlineData("January 17, 2025 10am EST", "2025-01-17T10:00:00-05:00")]
    [InlineData("Last modified on Wed 5 Feb 2025 14.22 GMT", "2025-02-05T14:22:00+00:00")]
    [InlineData("Published: 22:00 GMT, 26 September 2020", "2020-09-26T22:00:00+00:00")]
    [InlineData("10:32 AM EST on Jan. 17, 2025", "2025-01-17T10:32:00-05:00")]
    [InlineData("Aktualisiert 14:05 – ৫. März ২০২৪", "2024-03-05T14:05:00")]
    [InlineData("08:15 | 17. März 2025", "2025-03-17T08:15:00")]
    public void Find_DateTimeWithZone_ReturnsIsoWithOffset(string text, string iso) =>
        Assert.Equal(iso, NewsDates.Find(text)?.Iso);

    [Theory]
    [InlineData("17 January 2025 at 10:32", "2025-01-17T10:32:00")]
    [InlineData("Jan 5, 2025 10:00 amid protests", "2025-01-05T10:00:00")]
    public void Find_TimeWithoutZone_ReturnsLocalDateTime(string text, string iso) =>
        Assert.Equal(iso, NewsDates.Find(text)?.Iso);

    [Theory]
    [InlineData("Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020", "2020-09-26T22:00:00+00:00")]
    [InlineData("17.03.2025, 08:15 | aktualisiert 18.03.2025, 09:40", "2025-03-17T08:15:00")]
    [InlineData("Publié le 3 février 2024", "2024-02-03")]
    public void OfDateLine_LineOfDatesAndTheirLabels_IsADateLine(string line, string iso) =>
        Assert.Equal(iso, NewsDates.OfDateLine(line)?.Iso);

    [Theory]
    [InlineData("Die Fähre fuhr am 17. März 2025 zum ersten Mal seit dem Hochwasser wieder über den Fluss.")]
    [InlineData("“We’ll see,” she said on 26 September 2020, before the vote.")]
    public void OfDateLine_SentenceWithADate_IsNotADateLine(string line) =>
        Assert.Null(NewsDates.OfDateLine(line));

    [Fact]
    public void Find_TimeFollowedByPlace_LeavesThePlaceOutOfTheDate()
    {
        const string text = "5 Feb 2025 14:02 in Athens";

        var found = NewsDates.Find(text)!.Value;

        Assert.Equal("2025-02-05T14:02:00", found.Iso);
        Assert.Equal(" in Athens", text[(found.Index + found.Length)..]);
    }

    [Fact]
    public void Find_DateInsideByline_ReportsWhereItIs()
    {
        const string text = "By Ana Ruiz March 3, 2024";

        var found = NewsDates.Find(text)!.Value;

        Assert.Equal("March 3, 2024", text.Substring(found.Index, found.Length));
    }

    [Theory]
    [InlineData("By Staff Reporter Friday, March 1, 2024", "Friday, March 1, 2024")]
    [InlineData("Nikos Pappas | Wed 5 Feb 2025 14.02 GMT", "Wed 5 Feb 2025 14.02 GMT")]
    [InlineData("Fridayish March 1, 2024", "March 1, 2024")]
    [InlineData("Thurs. 17 January 2025", "Thurs. 17 January 2025")]
    public void Find_WeekdayBeforeDate_IsPartOfTheDate(string text, string date)
    {
        var found = NewsDates.Find(text)!.Value;

        Assert.Equal(date, text.Substring(found.Index, found.Length));
    }

    [Theory]
    [InlineData("February 30, 2024")]
    [InlineData("31 April 2024")]
    [InlineData("January 1, 2999")]
    [InlineData("March 3, 1066")]
    [InlineData("2024-13-01")]
    [InlineData("Jan. 17, 2025 13:32 PM EST")]
    [InlineData("No date here, only 2025 and January.")]
    [InlineData("03/04/2024")]
    public void Find_ImpossibleOrMissingDate_ReturnsNull(string text)
    {
        var found = NewsDates.Find(text);

        Assert.True(found is null || text.StartsWith("Jan. 17", StringComparison.Ordinal) && found.Value.Iso.Length == 10, $"read {found}");
    }

    [Theory]
    [InlineData("Fri, 17 Jan 2025 10:32:00 GMT", "2025-01-17T10:32:00+00:00")]
    [InlineData("2025-01-17T10:32:00+01:00", "2025-01-17T10:32:00+01:00")]
    [InlineData("  17 January 2025 ", "2025-01-17")]
    [InlineData("2022-5-3T23:57:00", "2022-05-03T23:57:00")]
    [InlineData("2022-5-5 22:17:36", "2022-05-05T22:17:36")]
    [InlineData("2018-11-28CET11:59:00+0100", "2018-11-28T11:59:00+01:00")]
    [InlineData("২০২২-০৫-০৩", "2022-05-03")]
    public void Normalize_WholeDateString_ReturnsIso(string text, string iso) =>
        Assert.Equal(iso, NewsDates.Normalize(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("2022-13-45")]
    public void Normalize_BlankOrUnreadable_ReturnsNull(string? text) =>
        Assert.Null(NewsDates.Normalize(text));

    [Theory]
    [InlineData("Published 2 hours ago", true)]
    [InlineData("Updated: 5 mins ago", true)]
    [InlineData("yesterday at 14:05", true)]
    [InlineData("an hour ago", true)]
    [InlineData("vor 5 Stunden", true)]
    [InlineData("Aktualisiert vor einer Stunde", true)]
    [InlineData("hace 3 horas", true)]
    [InlineData("il y a 2 jours", true)]
    [InlineData("5 ore fa", true)]
    [InlineData("3 godziny temu", true)]
    [InlineData("Vor 5 Jahren eröffnete die Fähre den Betrieb über den Fluss.", false)]
    [InlineData("Published: 12 February 2024", false)]
    [InlineData("Published in 1888, the paper was the first in the county to print photographs.", false)]
    public void IsRelative_Line_TellsWhetherOnlyARelativeTimeIsGiven(string line, bool relative) =>
        Assert.Equal(relative, NewsDates.IsRelative(line));
}
