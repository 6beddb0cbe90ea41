using System.Globalization;
using SelfEval.Web.Data;

namespace SelfEval.Web.Office;

/// <summary>The German words about office accounts, for the command line and the workbench alike.</summary>
public static class AccountTexts
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string PasswordTooShort => $"Das Passwort muss mindestens {OfficeUserStore.MinPasswordLength} Zeichen lang sein.";

    public static string InvalidName => $"Der Name darf höchstens {OfficeUserStore.MaxNameLength} Zeichen lang sein und keine Leerzeichen enthalten.";

    public const string PasswordsDiffer = "Die beiden Eingaben des Passworts stimmen nicht überein.";

    public static string Unknown(string name) => $"Einen Zugang „{name}“ gibt es nicht.";

    public static string Taken(string name) => $"Einen Zugang „{name}“ gibt es schon. Wählen Sie einen anderen Namen, oder setzen Sie für diesen Zugang ein neues Passwort.";

    public static string Created(string name) => $"Zugang „{name}“ für die Servicestelle angelegt.";

    public static string PasswordSet(string name) => $"Neues Passwort für „{name}“ gesetzt. Wer mit diesem Zugang angemeldet war, muss sich neu anmelden.";

    public static string Disabled(string name) => $"Zugang „{name}“ gesperrt. Wer damit angemeldet war, ist abgemeldet; anmelden kann sich damit niemand mehr, bis er wieder freigegeben wird.";

    public static string AlreadyDisabled(string name) => $"Zugang „{name}“ war schon gesperrt.";

    public static string Enabled(string name) => $"Zugang „{name}“ wieder freigegeben. Die Anmeldung geht mit dem bisherigen Passwort.";

    public static string AlreadyEnabled(string name) => $"Zugang „{name}“ war nicht gesperrt.";

    public const string NotSelf = "Den eigenen Zugang können Sie nicht sperren. Das kann ein anderes Mitglied der Servicestelle tun.";

    public const string NotLast = "Das ist der letzte aktive Zugang. Ohne ihn käme niemand mehr in den Bereich der Servicestelle; legen Sie erst einen anderen an.";

    public const string Active = "aktiv";

    public const string Never = "noch nie";

    /// <summary>"1. Dezember 2026, 14:05 Uhr" in Berlin time.</summary>
    public static string Moment(DateTimeOffset moment) => Time.InBerlin(moment).ToString("d. MMMM yyyy, HH:mm 'Uhr'", German);

    public static string LastLogin(OfficeAccount account) => account.LastLoginAt is { } at ? Moment(at) : Never;

    /// <summary>"aktiv", or when and by whom the account was disabled.</summary>
    public static string State(OfficeAccount account) => account.DisabledAt is { } at
        ? $"gesperrt seit {Moment(at)}" + (account.DisabledBy is { } by ? $" von {by}" : " über die Kommandozeile")
        : Active;
}
