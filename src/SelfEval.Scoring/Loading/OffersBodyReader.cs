namespace SelfEval.Scoring.Loading;

/// <summary>The offers catalogue's body: one <c>##</c> heading per offer, its description, and its properties.</summary>
internal sealed class OffersBodyReader(ParsedFile file, string body, int lineOffset) : BodyReader(file, body, lineOffset)
{
    private SupportOfferDraft? _offer;

    protected override Owner CurrentOwner => _offer is not null && !Ignoring ? Owner.Offer : Owner.None;

    protected override bool HasOwners => File.Offers.Count > 0;

    protected override string? TooDeep(int level) =>
        level > 2 ? "Im Angebotskatalog beginnt jedes Angebot mit ## – tiefere Überschriften sind nicht vorgesehen." : null;

    protected override void StartOwner(int level, string title, string id, int line)
    {
        if (title.Length == 0)
        {
            Errors.Add(line, $"Das Angebot '{id}' hat keinen Titel.");
        }

        _offer = new SupportOfferDraft { Id = id, Title = title, Line = line };
        Ignoring = false;
    }

    protected override void EndOwner(string content)
    {
        if (_offer is not null)
        {
            if (File.OfferLines.TryGetValue(_offer.Id, out var first))
            {
                Errors.Add(_offer.Line, $"Die Angebots-ID '{_offer.Id}' ist doppelt (zuerst in Zeile {first}).");
            }
            else
            {
                File.OfferLines[_offer.Id] = _offer.Line;
                File.Offers.Add(_offer.Build(content));
                File.OfferDrafts.Add(_offer);
            }
        }

        _offer = null;
    }

    protected override void Apply(PropertyDefinition property, PropertyValue value) => property.Offer!(Context, _offer!, value);

    protected override void Finish()
    {
        if (File.Offers.Count == 0 && !Errors.Any)
        {
            Errors.Add(1 + LineOffset, "Der Angebotskatalog enthält kein Angebot: Beginnen Sie jedes Angebot mit '## Titel {#id}'.");
        }
    }
}
