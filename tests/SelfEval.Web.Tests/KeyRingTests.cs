using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SelfEval.Web.Tests;

/// <summary>The data-protection keys live with the data: forms and sign-ins survive a restart and a restore.</summary>
public sealed class KeyRingTests
{
    /// <summary>
    /// New keys use AES-256-GCM; a data folder from a release before it holds a CBC key, and the new release still
    /// reads what that key protected (and keeps using it until it expires).
    /// </summary>
    [Theory]
    [InlineData(false, "AES_256_GCM")]
    [InlineData(true, "AES_256_CBC")]
    public async Task The_key_ring_lives_next_to_the_database_and_a_second_instance_accepts_the_first_ones_form(bool earlierRelease, string algorithm)
    {
        using var folder = TestPaths.NewTempFolder();
        var database = Path.Combine(folder.Path, "daten", "selfeval.db");

        await FormOfOneInstanceIsAcceptedByTheNext(database, earlierRelease);

        var key = Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, "daten", "keys"), "key-*.xml"));
        Assert.Contains($"<encryption algorithm=\"{algorithm}\" />", File.ReadAllText(key), StringComparison.Ordinal);
    }

    private static async Task FormOfOneInstanceIsAcceptedByTheNext(string database, bool earlierRelease)
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };

        string cookies;
        List<KeyValuePair<string, string>> values;
        using (var firstFactory = new SelfEvalFactory())
        using (var first = firstFactory.WithWebHostBuilder(b =>
        {
            b.UseSetting("SelfEval:DatabasePath", database);
            if (earlierRelease)
            {
                // What releases before 2026-12 wrote: the framework's default.
                b.ConfigureTestServices(s => s.AddDataProtection().UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
                {
                    EncryptionAlgorithm = EncryptionAlgorithm.AES_256_CBC,
                    ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
                }));
            }
        }))
        {
            var page = await first.CreateClient(options).GetAsync($"/start/{TestGuides.Aufbau}");
            cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            values = Forms.Values((await page.ParseAsync()).Form("form.answer-form"));
        }

        using var secondFactory = new SelfEvalFactory();
        using var second = secondFactory.WithWebHostBuilder(b => b.UseSetting("SelfEval:DatabasePath", database));
        values.AddRange(new Dictionary<string, string>
        {
            ["q.name"] = "Nach dem Neustart", ["q.phase"] = "gruendung", ["q.test-sitz"] = "nord",
        });
        var post = new HttpRequestMessage(HttpMethod.Post, $"/start/{TestGuides.Aufbau}") { Content = new FormUrlEncodedContent(values) };
        post.Headers.Add("Cookie", cookies);
        var response = await second.CreateClient(options).SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // antiforgery token and form nonce of the first instance hold
        Assert.Matches("^/k/[A-Za-z0-9_-]{43}\\?notice=Created$", response.Location());
    }
}
