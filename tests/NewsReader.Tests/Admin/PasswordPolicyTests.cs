using NewsReader.Admin;

namespace NewsReader.Tests.Admin;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("short-pass")]
    [InlineData("elevenchars")]
    public void ShorterThanTwelve_IsRefused(string password) =>
        Assert.Contains("at least 12", PasswordPolicy.Check(password));

    [Theory]
    [InlineData("password123456")]
    [InlineData("Password2024")]
    [InlineData("qwertyuiopasdf")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("123456789012")]
    [InlineData("iloveyou1234")]
    [InlineData("LETMEIN12345")]
    [InlineData("correcthorsebatterystaple")]
    public void CommonPasswords_AreRefused(string password) =>
        Assert.Contains("common passwords", PasswordPolicy.Check(password));

    [Fact]
    public void TheShippedListHasThousandsOfEntries() => Assert.InRange(PasswordPolicy.CommonCount, 2000, 100_000);

    [Theory]
    [InlineData("tangerine-harbour-lamp")]
    [InlineData("Correct mule 7 ferry lantern")]
    public void LongUncommonPasswords_AreAccepted(string password) => Assert.Null(PasswordPolicy.Check(password, "edna"));

    [Fact]
    public void APasswordContainingTheUserName_IsRefused() =>
        Assert.Contains("user name", PasswordPolicy.Check("edna-the-great-editor", "edna"));

    [Fact]
    public void OneRepeatedCharacter_IsRefused() => Assert.NotNull(PasswordPolicy.Check("zzzzzzzzzzzzzzzz"));
}
