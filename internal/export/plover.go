package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dyadproject/dyad"
)

// PLOVERRecord is one event in the PLOVER data format (PLOVER manual, draft
// 0.8, chapter "Data Fields"), with a few fields of dyad's own (cameo,
// goldstein, modality, negated), which the manual allows. PLOVER.md maps
// every field to dyad's.
type PLOVERRecord struct {
	ID        string         `json:"id"`
	Date      string         `json:"date"`
	Actor     []PLOVEREntity `json:"actor"`
	Recipient []PLOVEREntity `json:"recipient,omitempty"`
	Event     []string       `json:"event"`
	EventLoc  *PLOVERLoc     `json:"event_loc,omitempty"`
	EventText []string       `json:"event_text,omitempty"`
	QuadCode  int            `json:"quad_code"`
	Mode      []string       `json:"mode,omitempty"`
	Context   []string       `json:"context,omitempty"`
	Text      string         `json:"text,omitempty"`
	TextInfo  *PLOVERText    `json:"text_info,omitempty"`
	CiteInfo  PLOVERCite     `json:"cite_info"`
	Coder     string         `json:"coder"`
	// dyad's own fields.
	CAMEO     string  `json:"cameo"`
	Goldstein float64 `json:"goldstein"`
	Modality  string  `json:"modality"`
	Negated   bool    `json:"negated"`
}

// PLOVEREntity is the manual's entity object.
type PLOVEREntity struct {
	Code       string `json:"code"`
	Sector     string `json:"sector,omitempty"`
	EntityText string `json:"entity_text,omitempty"`
	Office     string `json:"office,omitempty"`
	CAMEO      string `json:"cameo,omitempty"` // dyad's: the full CAMEO actor code
}

// PLOVERLoc is the manual's location object.
type PLOVERLoc struct {
	ResolvedPlace string  `json:"resolved_place"`
	Lat           float64 `json:"lat"`
	Lon           float64 `json:"lon"`
	CountryCode   string  `json:"country_code,omitempty"`
	Resolution    int     `json:"resolution,omitempty"`
	Admin1        string  `json:"admin1,omitempty"` // dyad's: the gazetteer's admin1
}

// PLOVERText is the manual's textInfo object: which sentence of the article
// the record was coded from (numbered from 0). The manual's start and end,
// offsets of that sentence, are left out: dyad's Result does not carry
// sentence offsets, and its offsets count bytes, not characters.
type PLOVERText struct {
	Sequence int `json:"sequence"`
}

// PLOVERCite is the manual's citeInfo object: the article.
type PLOVERCite struct {
	Citation    string `json:"citation"`
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Publication string `json:"publication,omitempty"`
	Codebook    string `json:"codebook"`
}

// PLOVERCodebook names the ontology behind the records' event types.
const PLOVERCodebook = "PLOVER draft 0.8 via CAMEO2PLOVER-2021"

// ploverWriter writes one PLOVER JSON line per event that has a PLOVER
// type; events of CAMEO roots 01 and 02, which PLOVER dropped, are left out.
type ploverWriter struct {
	buffered
	enc *json.Encoder
}

func newPLOVER(w io.Writer) *ploverWriter {
	p := &ploverWriter{buffered: newBuffered(w)}
	p.enc = json.NewEncoder(p.w)
	p.enc.SetEscapeHTML(false)
	return p
}

func (p *ploverWriter) Write(r *dyad.Result) error { return p.WriteEvents(r, allEvents(r)) }

func (p *ploverWriter) WriteEvents(r *dyad.Result, events []int) error {
	if err := p.checkEvents(r, events); err != nil {
		return err
	}
	x := newIndex(r)
	for _, i := range events {
		rec, ok := ploverRecord(r, x, &r.Events[i])
		if !ok {
			continue
		}
		if err := p.enc.Encode(rec); err != nil {
			return fmt.Errorf("write plover for %s: %w", r.ID, err)
		}
	}
	return nil
}

// ploverQuad is PLOVER's own quad category of an event type (manual,
// "Quad categories in PLOVER"), which differs from dyad's GDELT quad class
// for CONCEDE and SANCTION.
func ploverQuad(typ string) int {
	switch typ {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE":
		return 1
	case "COOPERATE", "AID", "RETREAT":
		return 2
	case "REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN":
		return 3
	case "PROTEST", "MOBILIZE", "COERCE", "ASSAULT":
		return 4
	}
	return 0
}

// resolution is the manual's location resolution of dyad's place kinds:
// 1 country, 2 province, 4 city; 0 (left out) for seas and other features.
func resolution(kind string) int {
	switch kind {
	case "country":
		return 1
	case "region", "province":
		return 2
	case "city":
		return 4
	}
	return 0
}

func ploverRecord(r *dyad.Result, x index, e *dyad.Event) (PLOVERRecord, bool) {
	if e.PLOVER.Type == "" {
		return PLOVERRecord{}, false
	}
	date := e.Date
	if date == "" {
		date = r.Date
	}
	rec := PLOVERRecord{
		ID:        r.ID + "-" + e.ID,
		Date:      date,
		Actor:     []PLOVEREntity{ploverEntity(x, &e.Source)},
		Event:     []string{e.PLOVER.Type},
		QuadCode:  ploverQuad(e.PLOVER.Type),
		Text:      e.Evidence.Text,
		CiteInfo:  PLOVERCite{Citation: r.ID, URL: r.URL, Title: r.Title, Publication: r.Source, Codebook: PLOVERCodebook},
		Coder:     "dyad",
		CAMEO:     e.CAMEO,
		Goldstein: e.Goldstein,
		Modality:  e.Modality,
		Negated:   e.Negated,
	}
	if e.Target != nil {
		rec.Recipient = []PLOVEREntity{ploverEntity(x, e.Target)}
	}
	if t := e.Evidence.Trigger.Text; t != "" {
		rec.EventText = []string{t}
	}
	if e.PLOVER.Mode != "" {
		rec.Mode = []string{e.PLOVER.Mode}
	}
	for _, c := range strings.Split(e.PLOVER.Context, ";") {
		if c = strings.TrimSpace(c); c != "" {
			rec.Context = append(rec.Context, c)
		}
	}
	// The manual's auxiliary modes go in the context field.
	if e.Modality == "future" || e.Modality == "hypothetical" {
		rec.Context = append(rec.Context, e.Modality)
	}
	if e.Negated {
		rec.Context = append(rec.Context, "negation")
	}
	if l := e.Location; l != nil {
		rec.EventLoc = &PLOVERLoc{ResolvedPlace: l.Name, Lat: l.Lat, Lon: l.Lon, CountryCode: l.Country}
		if p, ok := x.places[l.Place]; ok {
			rec.EventLoc.Resolution = resolution(p.Kind)
			rec.EventLoc.Admin1 = p.Admin1
		}
	}
	rec.TextInfo = &PLOVERText{Sequence: e.Sentence}
	return rec, true
}

func ploverEntity(x index, ref *dyad.ActorRef) PLOVEREntity {
	a := x.actor(ref)
	code := a.Country
	if code == "" && len(ref.Code) >= 3 {
		code = ref.Code[:3]
	}
	return PLOVEREntity{Code: code, Sector: a.Sector, EntityText: ref.Text, Office: a.Role, CAMEO: ref.Code}
}
