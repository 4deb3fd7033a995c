package eval

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/dict"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/dyadproject/dyad/internal/shareddata"
)

func TestReadPetrarchSuite(t *testing.T) {
	in := `<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment>
<Sentences>
<Sentence date = "19950101" id ="R-1" category="DEMO"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" eventcode="010"></EventCoding><Text>
 Arnor   will restore ties
 with Minas_Tirith. </Text></Sentence>
<!-- a comment -->
<Config option="require_dyad" value="FALSE"></Config>
<Config option="stop_on_error" value="True"></Config>
<Sentence date="19950102" id="R-2" category="ERROR"><EventCoding error="dateline"></EventCoding><Text>X said.</Text></Sentence>
<Config option="require_dyad" value="true"></Config><Config option="comma_emax" value="0"></Config>
<Sentence date="19950103" id="R-3"><EventCoding noevents = "True"></EventCoding><Text>Nothing.</Text></Sentence>
</Sentences></Validation>`
	s, err := ReadPetrarchSuite(strings.NewReader(in), "t.xml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Verbs != "v.txt" || s.Actors != "a.txt" || len(s.Records) != 3 {
		t.Fatalf("suite %+v", s)
	}
	r := s.Records[0]
	if r.ID != "R-1" || r.Text != "Arnor will restore ties with Minas Tirith." || r.Date.Format("2006-01-02") != "1995-01-01" ||
		len(r.Events) != 2 || r.Events[0] != (PetrarchEvent{"ARN", "GON", "064"}) || r.Events[1].Target != "" || r.NoEvents {
		t.Errorf("record %+v", r)
	}
	if !s.Records[1].NoEvents || !s.Records[2].NoEvents || len(s.Records[2].Events) != 0 {
		t.Errorf("error and noevents records: %+v", s.Records[1:])
	}
	// The <Config> elements set the options of the records after them.
	want := dict.DefaultOptions()
	if r.Options != want {
		t.Errorf("record 1 options %+v, want the defaults", r.Options)
	}
	want.RequireDyad = false
	if s.Records[1].Options != want {
		t.Errorf("record 2 options %+v, want %+v", s.Records[1].Options, want)
	}
	want.RequireDyad, want.CommaEMax = true, 0
	if s.Records[2].Options != want {
		t.Errorf("record 3 options %+v, want %+v", s.Records[2].Options, want)
	}
	for _, tt := range []struct{ in, want string }{
		{`<Validation><Sentences>`, "t.xml: XML syntax error"},
		{`<Validation><Sentences></Sentences></Validation>`, "no <Sentence> records"},
		{`<Validation><Sentences><Sentence date="19950101"><Text>A.</Text></Sentence></Sentences></Validation>`, `record 1 (""): no id`},
		{`<Validation><Sentences><Sentence id="Q" date="1995-01-01"><Text>A.</Text></Sentence></Sentences></Validation>`, `date "1995-01-01"`},
		{`<Validation><Sentences><Sentence id="Q" date="19950101"><Text> </Text></Sentence></Sentences></Validation>`, "no text"},
		{`<Validation><Sentences><Sentence id="Q" date="19950101"><EventCoding targetcode="X"></EventCoding><Text>A.</Text></Sentence></Sentences></Validation>`, "without sourcecode"},
		{`<Validation><Sentences><Config option="comma_max" value="many"></Config><Sentence id="Q" date="19950101"><Text>A.</Text></Sentence></Sentences></Validation>`, `<Config> after record 0: option comma_max: value "many"`},
	} {
		_, err := ReadPetrarchSuite(strings.NewReader(tt.in), "t.xml")
		if !errors.Is(err, ErrGold) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func FuzzReadPetrarchSuite(f *testing.F) {
	f.Add(`<Validation><Sentences><Sentence id="A" date="19950101"><EventCoding sourcecode="X" eventcode="010"></EventCoding><Text>A b.</Text></Sentence></Sentences></Validation>`)
	f.Add(`<Validation><Sentences><Sentence id="A" date="19950101"><EventCoding noevents="True"/><Text>A</Text></Sentence></Sentences></Validation>`)
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadPetrarchSuite(strings.NewReader(in), "f.xml")
		if err != nil {
			return
		}
		for _, r := range s.Records {
			if r.ID == "" || r.Text == "" || r.Date.IsZero() {
				t.Fatalf("record %+v accepted", r)
			}
			for _, e := range r.Events {
				if e.Source == "" || e.Code == "" {
					t.Fatalf("event %+v accepted", e)
				}
			}
		}
	})
}

// TestPetrarchSuite runs the PETRARCH unit-test suite with its validation
// actor, agent, verb and discard dictionaries, as `dyad eval events` does;
// the floors record where it stands (the target is 90% right with
// under 10% extra).
func TestPetrarchSuite(t *testing.T) {
	path := shareddata.Path(t, "cameo-dictionaries", "PETR.UnitTest.records.xml")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	suite, err := ReadPetrarchSuite(f, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(suite.Records) != 284 {
		t.Errorf("%d records, want 284", len(suite.Records))
	}
	stages, err := pipeline.Standard(pipeline.Options{DictVerbsOnly: true, DictPaths: suite.Dictionaries(path)})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Petrarch(stages, suite)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PETRARCH suite: %d of %d gold events right (%.1f%%), %d extra (%.1f%%), %d of %d no-event records kept",
		rep.Correct, rep.Gold, 100*rep.PassRate, rep.Extra, 100*rep.ExtraRate, rep.NoEventsKept, rep.NoEvents)
	t.Logf("by root: P %.3f R %.3f F1 %.3f; type accuracy %.3f on %d pairs; source %.3f, target %.3f on %d pairs",
		rep.Root.Precision, rep.Root.Recall, rep.Root.F1, rep.TypeAccuracy, rep.TypePairs, rep.SourceAccuracy, rep.TargetAccuracy, rep.ActorPairs)
	if rep.Root.Correct < rep.Correct || rep.Uncoded != rep.Gold-rep.Correct || rep.Root.Extra > rep.Extra {
		t.Errorf("root level %+v against full code: %d correct, %d extra", rep.Root, rep.Correct, rep.Extra)
	}
	if rep.Gold != 359 || rep.PassRate < 0.90 || rep.ExtraRate >= 0.08 || rep.NoEventsKept < 20 {
		t.Errorf("pass rate %.3f, extra rate %.3f, %d no-event records kept: below the floors", rep.PassRate, rep.ExtraRate, rep.NoEventsKept)
	}
}
