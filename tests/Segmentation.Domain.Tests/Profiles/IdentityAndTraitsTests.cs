using Segmentation.Domain.Profiles;
using Segmentation.Tracking;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class IdentityAndTraitsTests
{
    [Fact]
    public void Apply_MessagesWithIds_RecordsUserIdAndAnonymousIds()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Page(T0, userId: null, anonymousId: "anon-1"));
        profile.Apply(Page(T0.AddMinutes(1), userId: "user-9", anonymousId: "anon-2"));
        profile.Apply(Alias(T0.AddMinutes(2), "user-9", "anon-0"));

        // Assert
        Assert.Equal("user-9", profile.UserId);
        Assert.Equal(["anon-0", "anon-1", "anon-2"], profile.AnonymousIds.Order(StringComparer.Ordinal));
        Assert.Equal(1, profile.GetCallCount(TrackingMessageType.Alias));
    }

    [Fact]
    public void Apply_Identify_SetsWellKnownAndCustomTraits()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Identify(T0, """
            {"email":"ada@example.com","first_name":"Ada","lastName":"Lovelace","birthday":"1815-12-10T00:00:00Z",
             "timezone":"Europe/London","phone":"+44 20 0000","address":{"country":"GB","city":"London"},
             "plan":"gold","score":12.50,"tags":["a","b"]}
            """));

        // Assert
        Assert.Equal("ada@example.com", profile.Email);
        Assert.Equal("Ada", profile.FirstName);
        Assert.Equal("Lovelace", profile.LastName);
        Assert.Equal(new DateOnly(1815, 12, 10), profile.Birthday);
        Assert.Equal("Europe/London", profile.TimeZone);
        Assert.Equal("+44 20 0000", profile.Phone);
        Assert.Equal("GB", profile.Country);
        var custom = profile.GetCustomTraits();
        Assert.Equal(["address", "plan", "score", "tags"], custom.Keys);
        Assert.Equal("gold", custom["plan"].GetString());
        Assert.Equal("12.50", custom["score"].GetRawText());
        Assert.Equal("""["a","b"]""", custom["tags"].GetRawText());
    }

    [Fact]
    public void Apply_OlderIdentifyArrivingLate_DoesNotOverwriteNewerTrait()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Identify(T0.AddHours(1), """{"email":"new@example.com"}"""));

        // Act
        profile.Apply(Identify(T0, """{"email":"old@example.com","plan":"free"}"""));

        // Assert
        Assert.Equal("new@example.com", profile.Email);
        Assert.True(profile.TryGetTrait("plan", out var plan));
        Assert.Equal("free", plan.GetString());
    }

    [Fact]
    public void FirstName_BothSpellingsSent_NewestWins()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Identify(T0, """{"firstName":"Old"}"""));
        profile.Apply(Identify(T0.AddMinutes(1), """{"first_name":"New"}"""));

        // Assert
        Assert.Equal("New", profile.FirstName);
    }

    [Fact]
    public void TimeZoneAndCountry_OnlyInContext_ComeFromNewestContext()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Page(T0, context: """{"timezone":"America/New_York","location":{"country":"US"}}"""));
        profile.Apply(Page(T0.AddMinutes(5), context: """{"timezone":"America/Chicago"}"""));

        // Assert
        Assert.Equal("America/Chicago", profile.TimeZone);
        Assert.Equal("US", profile.Country);
    }

    [Fact]
    public void TimeZone_TraitAndContext_TraitWins()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Identify(T0, """{"timezone":"Asia/Tokyo"}"""));
        profile.Apply(Page(T0.AddMinutes(5), context: """{"timezone":"Europe/Berlin"}"""));

        // Assert
        Assert.Equal("Asia/Tokyo", profile.TimeZone);
    }

    [Fact]
    public void Birthday_NotADate_IsNull()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Identify(T0, """{"birthday":"someday"}"""));

        // Assert
        Assert.Null(profile.Birthday);
        Assert.True(profile.TryGetTrait("birthday", out _));
    }
}
