package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/ontology"
	"github.com/dyadproject/dyad/internal/pipeline"
)

// PLOVERRecord is one record of a PLOVER gold standard: a text, its date,
// and the event a coder read in it.
type PLOVERRecord struct {
	ID     string
	Text   string
	Date   time.Time // zero when the record gives none
	Source []PLOVERActor
	Target []PLOVERActor
	// Event is a PLOVER type of the current ontology (the 0.5 labels are
	// translated); Mode is its mode, "" when the record gives none.
	Event, Mode string
	Context     []string
}

// PLOVERActor is one actor of a record: the words, the country or
// organization code and the sector ("USA", "GOV").
type PLOVERActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Sector    string `json:"sector"`
}

// ActorCode is the CAMEO-style code of a, as dyad writes it: code and
// sector run together ("USAGOV").
func (a PLOVERActor) ActorCode() string { return a.Code + a.Sector }

// plover05 maps the event labels of PLOVER 0.5 to the current types, with
// the mode that INVESTIGATE becomes.
var plover05 = map[string][2]string{
	"DEMAND":      {"REQUEST", ""},
	"DISAPPROVE":  {"ACCUSE", ""},
	"FIGHT":       {"ASSAULT", ""},
	"INVESTIGATE": {"ACCUSE", "investigate"},
}

type ploverJSON struct {
	ID      json.RawMessage `json:"id"`
	Text    string          `json:"text"`
	Date    string          `json:"date"`
	Source  []PLOVERActor   `json:"source"`
	Target  []PLOVERActor   `json:"target"`
	Event   string          `json:"event"`
	Mode    string          `json:"mode"`
	Context json.RawMessage `json:"context"`
}

// ReadPLOVERGold reads PLOVER gold-standard records: a JSON array of
// objects with text, date, source and target (lists of {actorText, code,
// sector}), event, and optionally id, mode and context (a string or a list
// of strings). A record without text, with a date that is not YYYY-MM-DD or
// RFC 3339, without a source, with an actor without a code of capital
// letters or with an unknown event type is an error naming the record.
func ReadPLOVERGold(r io.Reader, name string) ([]PLOVERRecord, error) {
	var raw []ploverJSON
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrGold, name, err)
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("%w: %s: no records", ErrGold, name)
	}
	types := ontology.PLOVERTypes()
	out := make([]PLOVERRecord, 0, len(raw))
	for i, x := range raw {
		rec, err := ploverRecord(x, types)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: record %d: %v", ErrGold, name, i+1, err)
		}
		if rec.ID == "" {
			rec.ID = fmt.Sprintf("record %d", i+1)
		}
		out = append(out, rec)
	}
	return out, nil
}

func ploverRecord(x ploverJSON, types []string) (PLOVERRecord, error) {
	rec := PLOVERRecord{ID: rawID(x.ID), Text: strings.TrimSpace(x.Text), Source: x.Source, Target: x.Target,
		Event: strings.ToUpper(strings.TrimSpace(x.Event)), Mode: strings.ToLower(strings.TrimSpace(x.Mode))}
	if rec.Text == "" {
		return rec, fmt.Errorf("no text")
	}
	if d := strings.TrimSpace(x.Date); d != "" {
		t, err := time.Parse(time.DateOnly, d)
		if err != nil {
			if t, err = time.Parse(time.RFC3339, d); err != nil {
				return rec, fmt.Errorf("date %q is not YYYY-MM-DD or RFC 3339", x.Date)
			}
		}
		rec.Date = t
	}
	if m, ok := plover05[rec.Event]; ok {
		rec.Event = m[0]
		if m[1] != "" {
			rec.Mode = m[1]
		}
	}
	if !slices.Contains(types, rec.Event) {
		return rec, fmt.Errorf("event %q is not a PLOVER type", x.Event)
	}
	if strings.ContainsAny(rec.Mode, " \t\n/") {
		return rec, fmt.Errorf("mode %q is not one word", x.Mode)
	}
	if len(rec.Source) == 0 {
		return rec, fmt.Errorf("no source actor")
	}
	for _, a := range append(slices.Clone(rec.Source), rec.Target...) {
		if !isActorCode(a.Code) || a.Sector != "" && !isActorCode(a.Sector) {
			return rec, fmt.Errorf("actor %q: code %q and sector %q are not capital-letter codes", a.ActorText, a.Code, a.Sector)
		}
	}
	ctx, err := rawContext(x.Context)
	if err != nil {
		return rec, err
	}
	rec.Context = ctx
	return rec, nil
}

// rawID accepts a string or a number as the record's id.
func rawID(m json.RawMessage) string {
	var s string
	if json.Unmarshal(m, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(m, &n) == nil {
		return n.String()
	}
	return ""
}

// rawContext accepts a context given as a string, a list of strings or
// nothing.
func rawContext(m json.RawMessage) ([]string, error) {
	if len(m) == 0 || string(m) == "null" {
		return nil, nil
	}
	var s string
	if json.Unmarshal(m, &s) == nil {
		if s == "" {
			return nil, nil
		}
		return []string{s}, nil
	}
	var l []string
	if err := json.Unmarshal(m, &l); err != nil {
		return nil, fmt.Errorf("context is not a string or a list of strings")
	}
	return l, nil
}

// tuples returns the record's event as gold tuples, one per source and
// target pair. A record without a target accepts any target, since PLOVER
// coders often leave the recipient out; a record without a mode accepts any
// mode.
func (r PLOVERRecord) tuples() []TupleGold {
	code := r.Event + "/" + r.Mode
	if r.Mode == "" {
		code = r.Event + "/*"
	}
	targets := []string{"*"}
	if len(r.Target) > 0 {
		targets = targets[:0]
		for _, t := range r.Target {
			targets = append(targets, t.ActorCode())
		}
	}
	var out []TupleGold
	for _, s := range r.Source {
		for _, t := range targets {
			out = append(out, TupleGold{Sources: []string{s.ActorCode()}, Targets: []string{t}, Codes: []string{code}})
		}
	}
	return out
}

// PLOVER codes each distinct text of the records (the records that share a
// text and date are one unit, with all their events) and scores the events
// by PLOVER type and mode: the root level is the type alone, the full level
// the type and mode. Negated events and events without a PLOVER type
// (CAMEO's public statements) are left out.
func PLOVER(an *pipeline.Analyzer, recs []PLOVERRecord) EventReport {
	type unit struct {
		rec  PLOVERRecord
		gold []TupleGold
		ids  []string
	}
	var units []*unit
	byText := map[string]*unit{}
	for _, r := range recs {
		k := r.Date.Format(time.DateOnly) + "\x00" + r.Text
		u := byText[k]
		if u == nil {
			u = &unit{rec: r}
			byText[k] = u
			units = append(units, u)
		}
		u.gold = append(u.gold, r.tuples()...)
		u.ids = append(u.ids, r.ID)
	}
	var rep EventReport
	var c tupleCounts
	for _, u := range units {
		doc := an.Analyze(&dyad.Article{ID: u.rec.ID, Text: u.rec.Text, Date: u.rec.Date})
		for _, e := range doc.Errors {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s: %s: %s", u.rec.ID, e.Stage, e.Message))
		}
		var coded []Tuple
		for _, e := range doc.Events {
			if e.Negated || e.PLOVER.Type == "" {
				continue
			}
			t := Tuple{Source: e.Source.Code, Code: e.PLOVER.Type + "/" + e.PLOVER.Mode}
			if e.Target != nil {
				t.Target = e.Target.Code
			}
			coded = append(coded, t)
		}
		r := TupleRecord{ID: strings.Join(u.ids, "+"), Gold: u.gold, Coded: coded}
		gh, ch := c.add(r, ploverRoot)
		rep.Misses = append(rep.Misses, misses(r, gh, ch)...)
	}
	rep.EventScore = c.score()
	return rep
}
