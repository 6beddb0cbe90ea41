using System.Text;
using SelfEval.Scoring.Loading;

namespace SelfEval.Scoring.Tests.Loading;

/// <summary>One fixture per kind of author mistake: the exact message and line the author sees.</summary>
public sealed class ParserErrorTests
{
    [Theory]
    [InlineData("no-front-matter.md", 1, "Die Datei muss mit Front Matter beginnen: Zeile 1 muss genau '---' lauten, danach folgen id, version, title usw.")]
    [InlineData("unclosed-front-matter.md", 1, "Das Front Matter ab Zeile 1 wird nicht abgeschlossen: Es fehlt eine Zeile '---' nach den Angaben.")]
    [InlineData("invalid-yaml.md", 7, "Ungültiges YAML im Front Matter: Eine Klammer oder ein Anführungszeichen wird nicht geschlossen.")]
    [InlineData("missing-metadata.md", 1, "Pflichtangabe 'title' fehlt im Front Matter.")]
    [InlineData("duplicate-section-id.md", 56, "Die Abschnitts-ID 'ziele' ist doppelt (zuerst in Zeile 27).")]
    [InlineData("reserved-section-id.md", 27, "Die Abschnitts-ID 'abschluss' ist schon die Adresse einer Seite des Dienstes (abschluss, ergebnis, neuer-durchgang, anderer-leitfaden); der Abschnitt ließe sich nie öffnen. Wählen Sie eine andere, zum Beispiel 'abschluss-abschnitt'.")]
    [InlineData("reserved-section-id-route.md", 27, "Die Abschnitts-ID 'anderer-leitfaden' ist schon die Adresse einer Seite des Dienstes (abschluss, ergebnis, neuer-durchgang, anderer-leitfaden); der Abschnitt ließe sich nie öffnen. Wählen Sie eine andere, zum Beispiel 'anderer-leitfaden-abschnitt'.")]
    [InlineData("duplicate-question-id.md", 68, "Die Fragen-ID 'finanzierung' ist doppelt (zuerst in Zeile 60).")]
    [InlineData("duplicate-option.md", 66, "Die Antwort 'beitraege' ist in dieser Frage doppelt (zuerst in Zeile 65).")]
    [InlineData("profile-id-reused.md", 68, "Die Fragen-ID 'phase' ist doppelt: Sie ist schon in _profile.md:14 vergeben.")]
    [InlineData("unknown-type.md", 70, "Unbekannter Fragetyp 'freitext'. Erlaubt sind: scale, yesno, single, multi, number, text, longtext.")]
    [InlineData("unknown-scale.md", 38, "Unbekannte Antwortskala 'reife'. Definiert sind: umsetzung.")]
    [InlineData("unknown-aspect.md", 40, "Unbekannter Aspekt 'kommunikation'. Erlaubt sind: einigkeit, ressourcen, arbeitsweise, kontext.")]
    [InlineData("unknown-dimension.md", 51, "Unbekannte Dimension 'oben'. Erlaubt sind: innen, aussen.")]
    [InlineData("weight-not-positive.md", 39, "Das Gewicht '0' ist keine positive Zahl.")]
    [InlineData("weight-not-a-number.md", 31, "Das Gewicht 'viel' ist keine positive Zahl.")]
    [InlineData("condition-unknown-question.md", 54, "Die Bedingung der Frage 'gruendungsplan' bezieht sich auf die unbekannte Frage 'stadium'.")]
    [InlineData("condition-later-question.md", 54, "Die Bedingung der Frage 'gruendungsplan' bezieht sich auf die Frage 'finanzierung', die erst später kommt (condition-later-question.md:60). Bedingungen dürfen sich nur auf frühere Fragen beziehen.")]
    [InlineData("condition-malformed.md", 54, "Die Bedingung 'phase ist gruendung' ist nicht lesbar: 'phase ist gruendung' hat nicht die Form 'frage-id = wert', 'frage-id != wert', 'frage-id in wert1, wert2' oder 'frage-id >= zahl'.")]
    [InlineData("condition-cycle.md", 54, "Die Bedingungen bilden einen Kreis: gruendungsplan → gruendungsplan. Eine Frage kann nicht von sich selbst abhängen.")]
    [InlineData("condition-unknown-value.md", 54, "Die Frage 'phase' hat keine Antwort 'aufbau'. Möglich sind: gruendung, etabliert.")]
    [InlineData("empty-section.md", 56, "Der Abschnitt 'leer' enthält keine Fragen.")]
    [InlineData("question-without-text.md", 68, "Die Frage 'wuensche' hat keinen Text.")]
    [InlineData("scale-duplicate-values.md", 12, "Die Antwortskala 'umsetzung' enthält den Wert 0 doppelt (zuerst in Zeile 11).")]
    [InlineData("unknown-offer.md", 43, "Unbekanntes Angebot 'sprechstunde': Es steht nicht in _offers.md.")]
    [InlineData("missing-heading-id.md", 68, "Der Überschrift fehlt die ID, z. B. '{#kuemmerer}' am Zeilenende: 'Was wünschen Sie sich?'.")]
    [InlineData("unknown-property.md", 71, "Unbekannte Eigenschaft 'pflicht'. Für Fragen sind erlaubt: type, scale, levels, options, required, not-relevant, dont-know, weight, aspect, dimension, measures, reverse, hint, offer, offers, source, when, min, max.")]
    [InlineData("scored-without-aspect.md", 33, "Die bewertete Frage 'ziele-gemeinsam' braucht die Eigenschaft 'aspect' (einigkeit, ressourcen, arbeitsweise oder kontext).")]
    [InlineData("bands-not-ascending.md", 18, "Die Stufe 'Etabliert' muss bei einem höheren Wert beginnen als die vorige (0).")]
    [InlineData("complex-key.md", 10, "Der Name '[umsetzung]' steht in Klammern: Schreiben Sie ihn ohne [ ] und { } vor den Doppelpunkt, also 'umsetzung:'.")]
    [InlineData("unclosed-fence.md", 37, "Ein Codeblock beginnt in Zeile 37 mit ``` und wird nicht geschlossen; alles danach wird als Text gelesen, auch die folgenden Fragen. Schließen Sie ihn mit einer eigenen Zeile ``` oder löschen Sie die ```.")]
    [InlineData("property-capitalised.md", 37, "Die Eigenschaft 'Type' ist unbekannt. Meinten Sie 'type'? Eigenschaften werden kleingeschrieben.")]
    [InlineData("help-list-before-properties.md", 40, "Die Eigenschaften schließen direkt an eine Aufzählung im Text an und werden deshalb nicht erkannt. Schreiben Sie die Aufzählung im Text mit '*' statt '-', oder setzen Sie einen Satz zwischen sie und die Eigenschaften.")]
    [InlineData("no-scored-question.md", 2, "Der Leitfaden hat keine bewertete Frage (Typ scale oder yesno): Ohne sie gibt es kein Profil. Ergänzen Sie mindestens eine.")]
    [InlineData("invisible-id.md", 33, "Die ID 'ziele\u200B-gemeinsam' enthält ein unsichtbares Zeichen (U+200B) an Stelle 6. Löschen Sie die ID und tippen Sie sie neu.")]
    [InlineData("options-missing.md", 60, "Die Frage 'finanzierung' ist vom Typ single und braucht 'options' mit mindestens zwei Antworten.")]
    public void A_broken_fixture_yields_exactly_its_error_with_file_and_line(string fixture, int line, string message)
    {
        var result = Fixtures.Load(fixture);

        Assert.False(result.Success);
        Assert.Equal([$"{fixture}:{line}: {message}"], Fixtures.Errors(result));
        Assert.Empty(result.Questionnaires);
    }

    [Fact]
    public void The_minimal_fixture_loads_without_errors()
    {
        var result = Fixtures.Load("minimal.md");

        Assert.Empty(Fixtures.Errors(result));
        Assert.Single(result.Questionnaires);
    }

    [Fact]
    public void An_empty_file_is_reported_on_line_1()
    {
        var result = Fixtures.LoadText("leer.md", "  \n\n");

        Assert.Equal(["leer.md:1: Die Datei ist leer."], Fixtures.Errors(result));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_with_the_line_of_the_first_bad_byte()
    {
        // "Gründung" in Latin-1 on line 3: the ü is the single byte 0xFC.
        var bytes = Encoding.Latin1.GetBytes("---\nid: x\ntitle: Gründung\n---\n");

        var result = QuestionnaireLoader.Load(SourceFile.FromBytes("latin1.md", bytes));

        Assert.Equal(
            ["latin1.md:3: Die Datei ist nicht als UTF-8 gespeichert (ungültiges Byte 0xFC). Speichern Sie sie in Ihrem Editor mit der Kodierung UTF-8."],
            Fixtures.Errors(result));
    }

    [Fact]
    public void A_guide_appended_to_itself_reports_the_second_front_matter_and_every_duplicate_id()
    {
        var text = Fixtures.Text("minimal.md");
        var lineCount = text.Split('\n').Length - 1; // the file ends with a newline

        var result = Fixtures.LoadText("doppelt.md", text + text);

        var errors = Fixtures.Errors(result);
        Assert.Equal(
        [
            $"doppelt.md:{lineCount + 1}: Hier beginnt ein zweites Front Matter ('---' gefolgt von Angaben wie 'id:'). Eine Datei enthält genau einen Fragebogen – wurde sie versehentlich doppelt eingefügt?",
            $"doppelt.md:{lineCount + 27}: Die Abschnitts-ID 'ziele' ist doppelt (zuerst in Zeile 27).",
            $"doppelt.md:{lineCount + 33}: Die Fragen-ID 'ziele-gemeinsam' ist doppelt (zuerst in Zeile 33).",
            $"doppelt.md:{lineCount + 46}: Die Fragen-ID 'gruendungsplan' ist doppelt (zuerst in Zeile 46).",
            $"doppelt.md:{lineCount + 56}: Die Abschnitts-ID 'finanzen' ist doppelt (zuerst in Zeile 56).",
            $"doppelt.md:{lineCount + 60}: Die Fragen-ID 'finanzierung' ist doppelt (zuerst in Zeile 60).",
            $"doppelt.md:{lineCount + 68}: Die Fragen-ID 'wuensche' ist doppelt (zuerst in Zeile 68).",
        ], errors);
    }

    [Fact]
    public void A_guide_cut_in_the_middle_of_its_front_matter_is_refused()
    {
        var text = Fixtures.Text("minimal.md");

        var result = Fixtures.LoadText("abgeschnitten.md", text[..text.IndexOf("scales:", StringComparison.Ordinal)]);

        Assert.Equal(["abgeschnitten.md:1: Das Front Matter ab Zeile 1 wird nicht abgeschlossen: Es fehlt eine Zeile '---' nach den Angaben."], Fixtures.Errors(result));
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once_in_line_order()
    {
        var text = Fixtures.Text("minimal.md")
            .Replace("- aspect: einigkeit", "- aspect: kommunikation", StringComparison.Ordinal)
            .Replace("- type: longtext", "- type: freitext", StringComparison.Ordinal)
            .Replace("- offers: peer-meeting, webinar", "- offers: sprechstunde", StringComparison.Ordinal);

        var result = Fixtures.LoadText("viele.md", text);

        Assert.Equal(
        [
            "viele.md:40: Unbekannter Aspekt 'kommunikation'. Erlaubt sind: einigkeit, ressourcen, arbeitsweise, kontext.",
            "viele.md:43: Unbekanntes Angebot 'sprechstunde': Es steht nicht in _offers.md.",
            "viele.md:70: Unbekannter Fragetyp 'freitext'. Erlaubt sind: scale, yesno, single, multi, number, text, longtext.",
        ], Fixtures.Errors(result));
    }

    [Fact]
    public void A_yaml_syntax_error_points_at_its_line_in_german()
    {
        var text = Fixtures.Text("minimal.md").Replace("audience: Testteams", "audience: Teams: Gründung", StringComparison.Ordinal);

        var result = Fixtures.LoadText("yaml.md", text);

        Assert.Equal(
            ["yaml.md:7: Ungültiges YAML im Front Matter: Ein Doppelpunkt steht an einer Stelle, an der er nicht stehen darf. Setzen Sie Texte mit Doppelpunkt in Anführungszeichen."],
            Fixtures.Errors(result));
    }

    [Fact]
    public void A_guide_without_offers_catalogue_reports_each_offer_reference()
    {
        var result = QuestionnaireLoader.Load(Fixtures.File("_profile.md"), Fixtures.File("minimal.md"));

        Assert.Equal(
        [
            "minimal.md:43: Unbekanntes Angebot 'peer-meeting': Es wurde kein Angebotskatalog (kind: offers) geladen.",
            "minimal.md:43: Unbekanntes Angebot 'webinar': Es wurde kein Angebotskatalog (kind: offers) geladen.",
        ], Fixtures.Errors(result));
    }

    [Fact]
    public void Two_questions_that_depend_on_each_other_are_reported_as_a_cycle()
    {
        var text = Fixtures.Text("minimal.md")
            .Replace("- when: phase = gruendung", "- when: ziele-gemeinsam = 2", StringComparison.Ordinal)
            .Replace("- source: 000:4015-4016", "- source: 000:4015-4016\n- when: gruendungsplan = ja", StringComparison.Ordinal);

        var errors = Fixtures.Errors(Fixtures.LoadText("kreis.md", text));

        Assert.Contains("kreis.md:55: Die Bedingungen bilden einen Kreis: ziele-gemeinsam → gruendungsplan → ziele-gemeinsam. Eine Frage kann nicht von sich selbst abhängen.", errors);
        Assert.Contains("kreis.md:45: Die Bedingung der Frage 'ziele-gemeinsam' bezieht sich auf die Frage 'gruendungsplan', die erst später kommt (kreis.md:47). Bedingungen dürfen sich nur auf frühere Fragen beziehen.", errors);
    }

    [Fact]
    public void A_bracketed_key_under_renamed_or_at_the_top_is_reported_not_thrown()
    {
        var text = Fixtures.Text("minimal.md").Replace("minutes: 5", "minutes: 5\nrenamed:\n  [alt]: ziele-gemeinsam\n{checklist}: ja", StringComparison.Ordinal);

        var result = Fixtures.LoadText("klammern.md", text);

        Assert.Equal(
        [
            "klammern.md:10: Der Name '[alt]' steht in Klammern: Schreiben Sie ihn ohne [ ] und { } vor den Doppelpunkt, also 'alt:'.",
            "klammern.md:11: Der Name '{checklist}' steht in Klammern: Schreiben Sie ihn ohne [ ] und { } vor den Doppelpunkt, also 'checklist:'.",
        ], Fixtures.Errors(result));
    }

    [Fact]
    public void A_closed_code_block_in_help_text_is_help_text()
    {
        var text = Fixtures.Text("unclosed-fence.md").Replace("Ziel 1: Wir gründen einen Verein.", "Ziel 1: Wir gründen einen Verein.\n```", StringComparison.Ordinal);

        var result = Fixtures.LoadText("codeblock.md", text);

        Assert.Empty(Fixtures.Errors(result));
        Assert.Contains("Ziel 1: Wir gründen einen Verein.", result.Questionnaires[0].Questions.Single(q => q.Id == "ziele-gemeinsam").HelpMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capitalised_property_further_down_the_list_is_named_at_its_line()
    {
        var text = Fixtures.Text("minimal.md").Replace("- aspect: einigkeit", "- Aspect: einigkeit", StringComparison.Ordinal);

        var result = Fixtures.LoadText("gross.md", text);

        Assert.Equal(["gross.md:40: Die Eigenschaft 'Aspect' ist unbekannt. Meinten Sie 'aspect'? Eigenschaften werden kleingeschrieben."], Fixtures.Errors(result));
    }

    [Fact]
    public void A_help_text_list_with_a_colon_stays_help_text()
    {
        var text = Fixtures.Text("minimal.md").Replace("Gemeint sind *schriftlich* festgehaltene Ziele.", "Gemeint sind:\n\n1. Ziele: schriftlich festgehalten", StringComparison.Ordinal);

        var result = Fixtures.LoadText("hilfe.md", text);

        Assert.Empty(Fixtures.Errors(result));
    }

    [Theory]
    [InlineData("id: mini", "id: mi\u00ADni", 2, "Die id 'mi\u00ADni' enthält ein unsichtbares Zeichen (U+00AD) an Stelle 3. Löschen Sie die ID und tippen Sie sie neu.")]
    [InlineData("  umsetzung:", "  \uFEFFumsetzung:", 10, "Der Skalenname '\uFEFFumsetzung' enthält ein unsichtbares Zeichen (U+FEFF) an Stelle 1. Löschen Sie den Namen und tippen Sie ihn neu.")]
    public void An_invisible_character_in_an_id_is_named_with_its_position(string original, string broken, int line, string message)
    {
        var text = Fixtures.Text("minimal.md").Replace(original, broken, StringComparison.Ordinal);

        var errors = Fixtures.Errors(Fixtures.LoadText("unsichtbar.md", text));

        Assert.Equal($"unsichtbar.md:{line}: {message}", errors[0]);
    }

    [Theory]
    [InlineData("    - 2: teilweise", "   - 2: teilweise", 12, "Die Einrückung stimmt nicht: Diese Zeile ist anders eingerückt als die Angaben darüber. Rücken Sie gleichrangige Angaben gleich weit mit Leerzeichen ein.")]
    [InlineData("  - from: 50", " - from: 50", 18, "Die Einrückung stimmt nicht: Diese Zeile ist anders eingerückt als die Angaben darüber. Rücken Sie gleichrangige Angaben gleich weit mit Leerzeichen ein.")]
    [InlineData("audience: Testteams", "audience: @Testteams", 7, "Ein Text beginnt mit einem Zeichen, das in YAML eine besondere Bedeutung hat (@ ` % ! & * | >). Setzen Sie den Text in Anführungszeichen.")]
    [InlineData("audience: Testteams", "audience: *Testteams", 7, "Ein Text beginnt mit einem Zeichen, das in YAML eine besondere Bedeutung hat (@ ` % ! & * | >). Setzen Sie den Text in Anführungszeichen.")]
    [InlineData("audience: Testteams", "audience: |Testteams", 7, "Ein Text beginnt mit einem Zeichen, das in YAML eine besondere Bedeutung hat (@ ` % ! & * | >). Setzen Sie den Text in Anführungszeichen.")]
    public void A_yaml_error_is_explained_in_german_at_its_line_in_the_file(string original, string broken, int line, string message)
    {
        var text = Fixtures.Text("minimal.md").Replace(original, broken, StringComparison.Ordinal);

        var result = Fixtures.LoadText("yaml.md", text);

        Assert.Equal([$"yaml.md:{line}: Ungültiges YAML im Front Matter: {message}"], Fixtures.Errors(result));
    }
}
