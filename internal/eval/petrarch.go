package eval

import (
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/dict"
)

// PetrarchSuite is the PETRARCH unit-test suite (PETR.UnitTest.records.xml):
// the dictionaries it was written for and its records.
type PetrarchSuite struct {
	// Verbs, Actors, Agents and Discards name the dictionary files of the
	// suite's <Environment>, relative to the records file.
	Verbs, Actors, Agents, Discards string
	Records                         []PetrarchRecord
}

// Dictionaries returns the paths of the suite's dictionary files, which are
// named relative to the records file at path.
func (s *PetrarchSuite) Dictionaries(path string) []string {
	var out []string
	for _, d := range []string{s.Actors, s.Agents, s.Verbs, s.Discards} {
		if d != "" {
			out = append(out, filepath.Join(filepath.Dir(path), d))
		}
	}
	return out
}

// PetrarchRecord is one <Sentence> of the suite with its gold events.
type PetrarchRecord struct {
	ID, Category string
	Date         time.Time
	Text         string
	// Events are the gold events; NoEvents is set when the record says
	// that none must be coded.
	Events   []PetrarchEvent
	NoEvents bool
	// Options are PETRARCH's coding options as the suite's <Config>
	// elements before the record leave them, from PETRARCH's defaults.
	Options dict.Options
}

// Configurable is a stage whose dictionary coding follows PETRARCH's
// options: Configure returns the stage with them set. [Petrarch] codes each
// record with the options its <Config> elements set.
type Configurable interface {
	Configure(dict.Options) dyad.Stage
}

// PetrarchEvent is one gold <EventCoding>.
type PetrarchEvent struct {
	Source, Target, Code string
}

// xml shapes of the records file.
type (
	xmlValidation struct {
		Env struct {
			Verbs    string `xml:"Verbfile"`
			Actors   string `xml:"Actorfile"`
			Agents   string `xml:"Agentfile"`
			Discards string `xml:"Discardfile"`
		} `xml:"Environment"`
		// Sentences holds the <Sentence> records and the <Config>
		// elements between them, in order.
		Sentences struct {
			Items []xmlSentence `xml:",any"`
		} `xml:"Sentences"`
	}
	xmlSentence struct {
		XMLName xml.Name
		// Option and Value are a <Config> element's.
		Option   string `xml:"option,attr"`
		Value    string `xml:"value,attr"`
		ID       string `xml:"id,attr"`
		Date     string `xml:"date,attr"`
		Category string `xml:"category,attr"`
		Codings  []struct {
			Source   string `xml:"sourcecode,attr"`
			Target   string `xml:"targetcode,attr"`
			Code     string `xml:"eventcode,attr"`
			NoEvents string `xml:"noevents,attr"`
			Error    string `xml:"error,attr"`
		} `xml:"EventCoding"`
		Text string `xml:"Text"`
	}
)

// ReadPetrarchSuite reads a records file in the PETRARCH validation format.
// A record without an id, with a bad date or without text is an error that
// names it; so is an event coding without a source or code. The words
// PETRARCH's input joins with '_' ("Dol_Amroth") are read as the words of
// news text, with spaces.
func ReadPetrarchSuite(r io.Reader, name string) (*PetrarchSuite, error) {
	var v xmlValidation
	if err := xml.NewDecoder(r).Decode(&v); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrGold, name, err)
	}
	s := &PetrarchSuite{Verbs: v.Env.Verbs, Actors: v.Env.Actors, Agents: v.Env.Agents, Discards: v.Env.Discards}
	opts := dict.DefaultOptions()
	n := 0
	for _, x := range v.Sentences.Items {
		if x.XMLName.Local == "Config" {
			// The options change the coding of the records after them;
			// one dyad does not follow (stop_on_error) is passed over,
			// as PETRARCH passes over those it does not know.
			if err := opts.Set(x.Option, x.Value); err != nil && !errors.Is(err, dict.ErrUnknownOption) {
				return nil, fmt.Errorf("%w: %s: <Config> after record %d: %v", ErrGold, name, n, err)
			}
			continue
		}
		if x.XMLName.Local != "Sentence" {
			continue
		}
		n++
		where := fmt.Sprintf("%s: record %d (%q)", name, n, x.ID)
		if x.ID == "" {
			return nil, fmt.Errorf("%w: %s: no id", ErrGold, where)
		}
		d, err := time.Parse("20060102", x.Date)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: date %q is not YYYYMMDD", ErrGold, where, x.Date)
		}
		// PETRARCH's input joins the words of a name with '_'
		// ("Dol_Amroth"); dyad reads news text, where they are spaces.
		text := strings.Join(strings.Fields(strings.ReplaceAll(x.Text, "_", " ")), " ")
		if text == "" {
			return nil, fmt.Errorf("%w: %s: no text", ErrGold, where)
		}
		rec := PetrarchRecord{ID: x.ID, Category: x.Category, Date: d, Text: text, Options: opts}
		for _, c := range x.Codings {
			if strings.EqualFold(strings.TrimSpace(c.NoEvents), "true") || c.Error != "" {
				// PETRARCH codes nothing for these, and for records it
				// rejects as bad input (error="dateline"); dyad should code
				// nothing either.
				rec.NoEvents = true
				continue
			}
			if c.Source == "" || c.Code == "" {
				return nil, fmt.Errorf("%w: %s: an event coding without sourcecode or eventcode", ErrGold, where)
			}
			rec.Events = append(rec.Events, PetrarchEvent{Source: c.Source, Target: c.Target, Code: c.Code})
		}
		s.Records = append(s.Records, rec)
	}
	if len(s.Records) == 0 {
		return nil, fmt.Errorf("%w: %s: no <Sentence> records", ErrGold, name)
	}
	return s, nil
}

// PetrarchReport scores dyad on the suite. An event is correct when dyad
// codes the same source, target and CAMEO code for the record; an extra
// event is one dyad coded that matches no gold event of its record.
type PetrarchReport struct {
	Records  int `json:"records"`
	Gold     int `json:"gold_events"`
	Correct  int `json:"correct"`
	Coded    int `json:"coded"`
	Uncoded  int `json:"uncoded"`
	Extra    int `json:"extra"`
	NoEvents int `json:"no_event_records"`
	// NoEventsKept counts the no-event records where dyad coded nothing.
	NoEventsKept int `json:"no_event_records_kept"`
	// PassRate is Correct/Gold; ExtraRate is Extra/Gold, the measure the
	// issue's "fewer than 10% extra events" uses.
	PassRate  float64 `json:"pass_rate"`
	ExtraRate float64 `json:"extra_rate"`
	PRF
	// Root scores the events by CAMEO root, as the other event gold
	// formats do; Accuracies too.
	Root EventLevel `json:"root"`
	Accuracies
	// ByCategory gives the pass rate of each record category (DEMO, ACTOR,
	// VERB, ...).
	ByCategory map[string]PRF `json:"by_category"`
	Misses     []string       `json:"misses,omitempty"`
}

// Petrarch codes each record with the stages in all, a [Configurable] one
// configured with the record's options, and scores the events.
func Petrarch(all []dyad.Stage, suite *PetrarchSuite) (PetrarchReport, error) {
	rep := PetrarchReport{Records: len(suite.Records), ByCategory: map[string]PRF{}}
	cat := map[string]*counts{}
	var tuples tupleCounts
	// The stages configured with each set of options the records use.
	configured := map[dict.Options][]dyad.Stage{}
	for _, r := range suite.Records {
		doc := dyad.NewDocument(&dyad.Article{ID: r.ID, Text: r.Text, Date: r.Date})
		stages, ok := configured[r.Options]
		if !ok {
			stages = slices.Clone(all)
			for i, s := range stages {
				if c, ok := s.(Configurable); ok {
					stages[i] = c.Configure(r.Options)
				}
			}
			configured[r.Options] = stages
		}
		for _, s := range stages {
			if err := s.Process(doc); err != nil {
				return rep, fmt.Errorf("record %s: %s: %w", r.ID, s.Name(), err)
			}
		}
		c := cat[r.Category]
		if c == nil {
			c = &counts{}
			cat[r.Category] = c
		}
		var got []PetrarchEvent
		for _, e := range doc.Events {
			if e.Negated {
				continue // PETRARCH codes no event for a negated verb
			}
			// PETRARCH writes "---" for a missing or uncoded actor.
			g := PetrarchEvent{Source: cmp.Or(e.Source.Code, "---"), Target: "---", Code: e.CAMEO}
			if e.Target != nil {
				g.Target = cmp.Or(e.Target.Code, "---")
			}
			got = append(got, g)
		}
		if r.NoEvents {
			rep.NoEvents++
			if len(got) == 0 {
				rep.NoEventsKept++
			}
		}
		rec := TupleRecord{ID: r.ID}
		for _, want := range r.Events {
			rec.Gold = append(rec.Gold, TupleGold{Sources: []string{want.Source}, Targets: []string{want.Target}, Codes: []string{want.Code}})
		}
		for _, g := range got {
			rec.Coded = append(rec.Coded, Tuple(g))
		}
		tuples.add(rec, cameoRoot)
		matched := make([]bool, len(got))
		for _, want := range r.Events {
			rep.Gold++
			c.gold++
			ok := false
			for i, g := range got {
				if !matched[i] && g == want {
					matched[i], ok = true, true
					break
				}
			}
			if ok {
				rep.Correct++
				c.tp++
			} else {
				rep.Misses = append(rep.Misses, fmt.Sprintf("%s: missed %s %s %s (coded %v)", r.ID, want.Source, want.Code, want.Target, got))
			}
		}
		for i, g := range got {
			rep.Coded++
			c.pred++
			if !matched[i] {
				rep.Extra++
				rep.Misses = append(rep.Misses, fmt.Sprintf("%s: extra %s %s %s", r.ID, g.Source, g.Code, g.Target))
			}
		}
	}
	total := counts{tp: rep.Correct, pred: rep.Coded, gold: rep.Gold}
	rep.PRF = total.prf()
	rep.Uncoded = rep.Gold - rep.Correct
	ts := tuples.score()
	rep.Root, rep.Accuracies = ts.Root, ts.Accuracies
	if rep.Gold > 0 {
		rep.PassRate = float64(rep.Correct) / float64(rep.Gold)
		rep.ExtraRate = float64(rep.Extra) / float64(rep.Gold)
	}
	for k, c := range cat {
		rep.ByCategory[k] = c.prf()
	}
	return rep, nil
}
