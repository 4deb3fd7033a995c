package dict

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/dyadproject/dyad/internal/shareddata"
)

// phoenixFiles are the Phoenix dictionaries PETRARCH2 ships, and the verb
// dictionary that goes with them.
var phoenixFiles = []string{
	"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
	"Phoenix.agents.txt", "Phoenix.discards.txt", "Phoenix.IssueCoding.txt", "CAMEO.2.0.txt",
}

func phoenixPaths(tb testing.TB) []string {
	var paths []string
	for _, f := range phoenixFiles {
		paths = append(paths, shareddata.Path(tb, "cameo-dictionaries", f))
	}
	return paths
}

// TestRealDictionaries loads the real files one by one and checks the counts
// (cross-checked with grep over the files' line shapes), the number of
// malformed entries, and a handful of known entries.
func TestRealDictionaries(t *testing.T) {
	dir := shareddata.Path(t, "cameo-dictionaries")
	tests := []struct {
		file   string
		kind   Kind
		stats  Stats
		errors int
	}{
		{"Phoenix.Countries.actors.txt", KindActors, Stats{Files: 1, Actors: 18390, ActorNames: 25916}, 9},
		{"Phoenix.International.actors.txt", KindActors, Stats{Files: 1, Actors: 7838, ActorNames: 7904}, 4},
		{"Phoenix.MilNonState.actors.txt", KindActors, Stats{Files: 1, Actors: 1021, ActorNames: 1793}, 0},
		{"Phoenix.agents.txt", KindAgents, Stats{Files: 1, Agents: 2243, AgentNames: 5224}, 2},
		{"Phoenix.discards.txt", KindDiscards, Stats{Files: 1, Discards: 506}, 0},
		{"Phoenix.IssueCoding.txt", KindIssues, Stats{Files: 1, Issues: 3153}, 17},
		{"CAMEO.2.0.txt", KindVerbs, Stats{Files: 1, VerbSets: 397, Verbs: 1817, Patterns: 4663, Synsets: 40, Transforms: 8}, 5},
		{"PETR.Validate.actors.txt", KindActors, Stats{Files: 1, Actors: 129, ActorNames: 162}, 0},
		{"PETR.Validate.agents.txt", KindAgents, Stats{Files: 1, Agents: 88, AgentNames: 165}, 0},
		{"PETR.Validate.discards.txt", KindDiscards, Stats{Files: 1, Discards: 9}, 0},
		{"PETR.Validate.verbs.txt", KindVerbs, Stats{Files: 1, VerbSets: 259, Verbs: 265, Patterns: 471, Synsets: 17}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, errs, err := Load(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if s.Files[0].Kind != tt.kind {
				t.Errorf("kind = %v, want %v", s.Files[0].Kind, tt.kind)
			}
			if st := s.Stats(); st != tt.stats {
				t.Errorf("stats = %+v\n        want %+v", st, tt.stats)
			}
			if len(errs) != tt.errors {
				t.Errorf("%d errors, want %d:", len(errs), tt.errors)
				for _, e := range errs {
					t.Log(e)
				}
			}
		})
	}

	s, errs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Files) != 11 || len(errs) != 43 {
		t.Errorf("whole folder: %d files, %d errors", len(s.Files), len(errs))
	}
	t.Run("head of state with dated codes", func(t *testing.T) {
		obama := findActor(t, s, "BARACK OBAMA")
		if !slices.Contains(obama.Names, "PRESIDENT BARACK OBAMA") {
			t.Errorf("synonyms = %q", obama.Names)
		}
		for _, c := range []struct {
			on   time.Time
			want string
		}{{date(2012, 5, 1), "USAGOV"}, {date(2009, 1, 20), "USAGOV"}, {date(1990, 1, 1), "USAELI"}, {date(2005, 1, 1), ""}} {
			if got, _ := obama.CodeOn(c.on); got != c.want {
				t.Errorf("Obama on %s: %q, want %q", c.on.Format("2006-01-02"), got, c.want)
			}
		}
		karzai := findActor(t, s, "HAMID KARZAI")
		for _, c := range []struct {
			on   time.Time
			want string
		}{{date(2005, 1, 1), "AFGGOV"}, {date(1980, 1, 1), "AFGELI"}, {date(2001, 6, 1), "AFGELI"}} {
			if got, _ := karzai.CodeOn(c.on); got != c.want {
				t.Errorf("Karzai on %s: %q, want %q", c.on.Format("2006-01-02"), got, c.want)
			}
		}
		if afg := findActor(t, s, "AFGHANISTAN"); !slices.Contains(afg.Names, "AFGHAN") || afg.Codes[0].Code != "AFG" {
			t.Errorf("Afghanistan = %+v", afg)
		}
	})
	t.Run("agents", func(t *testing.T) {
		fm := findAgent(t, s, "FOREIGN MINISTRY")
		if fm.Code != "GOV" || fm.Prefix || len(fm.Plurals) != 0 {
			t.Errorf("foreign ministry = %+v", fm)
		}
		police := findAgent(t, s, "POLICE")
		if police.Code != "COP" || len(police.Plurals) != 0 {
			t.Errorf("police = %+v", police)
		}
		if a := findAgent(t, s, "PEACEKEEPING TROOPS"); !a.Prefix || a.Apply("FRA") != "IGOFRA" {
			t.Errorf("peacekeeping troops = %+v", a)
		}
	})
	t.Run("verbs", func(t *testing.T) {
		var ask *VerbSet
		for i := range s.Verbs {
			if s.Verbs[i].Name == "ASK" && filepath.Base(s.Verbs[i].File) == "CAMEO.2.0.txt" {
				ask = &s.Verbs[i]
			}
		}
		if ask == nil {
			t.Fatal("no ASK block")
		}
		var askFor *Verb
		for i := range ask.Verbs {
			if ask.Verbs[i].Lemma == "ASK FOR" {
				askFor = &ask.Verbs[i]
			}
		}
		if askFor == nil || askFor.Code != "020" || !slices.Contains(askFor.Forms, "ASKED FOR") {
			t.Errorf("ASK FOR = %+v", askFor)
		}
		found := false
		for _, p := range ask.Patterns {
			found = found || (p.String() == "* (FOR {FINANCIAL AID}) [0231]" && p.Comment == "ASK")
		}
		if !found {
			t.Error("pattern * (FOR {FINANCIAL AID}) [0231] not in ASK")
		}
		for _, syn := range s.Synsets {
			if syn.Name == "&CURRENCY" && filepath.Base(syn.File) == "CAMEO.2.0.txt" {
				if !slices.Contains(syn.Forms, "DOLLARS") || slices.Contains(syn.Forms, "KRONERS") {
					t.Errorf("&CURRENCY forms = %q", syn.Forms)
				}
				return
			}
		}
		t.Error("no &CURRENCY synset")
	})
}

func findActor(t *testing.T, s *Set, name string) *Actor {
	t.Helper()
	for i := range s.Actors {
		if s.Actors[i].Name() == name && filepath.Base(s.Actors[i].File) != "PETR.Validate.actors.txt" {
			return &s.Actors[i]
		}
	}
	t.Fatalf("no actor %q", name)
	return nil
}

func findAgent(t *testing.T, s *Set, name string) *Agent {
	t.Helper()
	for i := range s.Agents {
		if slices.Contains(s.Agents[i].Names, name) && filepath.Base(s.Agents[i].File) == "Phoenix.agents.txt" {
			return &s.Agents[i]
		}
	}
	t.Fatalf("no agent %q", name)
	return nil
}

// BenchmarkLoadPhoenix loads every Phoenix dictionary and CAMEO.2.0.txt.
func BenchmarkLoadPhoenix(b *testing.B) {
	paths := phoenixPaths(b)
	var lines int
	for b.Loop() {
		s, _, err := Load(paths...)
		if err != nil {
			b.Fatal(err)
		}
		st := s.Stats()
		lines = st.ActorNames + st.AgentNames + st.Discards + st.Issues + st.Patterns
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
	b.ReportAllocs()
}
