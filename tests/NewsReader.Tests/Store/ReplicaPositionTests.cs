using NewsReader.Store;

namespace NewsReader.Tests.Store;

/// <summary>WAL positions as PostgreSQL prints them compare as the log runs, across the boundary of their halves.</summary>
public sealed class ReplicaPositionTests
{
    [Theory]
    [InlineData("0/3000000", 0x3000000UL)]
    [InlineData("16/B374D848", 0x16B374D848UL)]
    [InlineData("FFFFFFFF/FFFFFFFF", ulong.MaxValue)]
    public void Lsn_PrintedPosition_IsItsNumber(string text, ulong expected) =>
        Assert.Equal(expected, ReplicaCatchUp.Lsn(text));

    [Fact]
    public void Lsn_NextHalf_ComesAfterTheEndOfTheLast() =>
        Assert.True(ReplicaCatchUp.Lsn("1/0") > ReplicaCatchUp.Lsn("0/FFFFFFFF"));

    [Theory]
    [InlineData("")]
    [InlineData("16B374D848")]
    [InlineData("0/3000000/1")]
    [InlineData("٠/٣")]
    public void Lsn_NotAPosition_IsNull(string text) =>
        Assert.Null(ReplicaCatchUp.Lsn(text));
}
