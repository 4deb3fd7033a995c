package dict

import (
	"reflect"
	"strings"
	"testing"
)

func TestAgents(t *testing.T) {
	const text = `<!-- invented agents -->
!PERSON! = MAN, MEN, WOMAN , WOMEN,PERSON
!MINIST! = MINISTER, MINISTRY

FOREIGN_MINISTER [~GOVFRM] # the plural is generated
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG]
DEFENCE_!MINIST! [~GOVMIL]
!PERSON!_OF_!PERSON! [~XYZ]
HUMAN_RIGHTS_BODY  [NGO~]
MILITARY [~MIL]
ENVOY [~GOV]
CHIEF EXECUTIVE [~GOV]
`
	s, errs := parseKind(t, "x.agents.txt", text, KindAgents)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	type short struct {
		Names, Plurals []string
		Code           string
		Prefix         bool
		Line           int
	}
	var got []short
	for _, a := range s.Agents {
		if a.File != "x.agents.txt" {
			t.Errorf("File = %q", a.File)
		}
		got = append(got, short{a.Names, a.Plurals, a.Code, a.Prefix, a.Line})
	}
	persons := []string{"MAN", "MEN", "WOMAN", "WOMEN", "PERSON"}
	var pp []string
	for _, a := range persons {
		for _, b := range persons {
			pp = append(pp, a+" OF "+b)
		}
	}
	want := []short{
		{[]string{"FOREIGN MINISTER"}, []string{"FOREIGN MINISTERS"}, "GOVFRM", false, 5},
		{[]string{"POLICE"}, nil, "COP", false, 6},
		{[]string{"ATTORNEY GENERAL"}, []string{"ATTORNEYS GENERAL"}, "GOVATG", false, 7},
		{[]string{"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN", "CONGRESSPERSON"}, nil, "LEG", false, 8},
		{[]string{"DEFENCE MINISTER", "DEFENCE MINISTRY"}, nil, "GOVMIL", false, 9},
		{pp, nil, "XYZ", false, 10},
		{[]string{"HUMAN RIGHTS BODY"}, []string{"HUMAN RIGHTS BODIES"}, "NGO", true, 11},
		{[]string{"MILITARY"}, []string{"MILITARIES"}, "MIL", false, 12},
		{[]string{"ENVOY"}, []string{"ENVOYS"}, "GOV", false, 13},
		{[]string{"CHIEF EXECUTIVE"}, []string{"CHIEF EXECUTIVES"}, "GOV", false, 14},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("agents:\n got %+v\nwant %+v", got, want)
	}
	if c := s.Agents[0].Apply("FRA"); c != "FRAGOVFRM" {
		t.Errorf("Apply = %q", c)
	}
	if c := s.Agents[6].Apply("FRA"); c != "NGOFRA" {
		t.Errorf("prefix Apply = %q", c)
	}
	if n := s.Agents[0].AllNames(); !reflect.DeepEqual(n, []string{"FOREIGN MINISTER", "FOREIGN MINISTERS"}) {
		t.Errorf("AllNames = %q", n)
	}
}

func TestAgentErrors(t *testing.T) {
	const text = `!PERSON = MAN, WOMAN
!EMPTY! =
ENVIRONMENT_DEPARTMENT [~ENV}
FIREBRAND
[~GOV]
TREASURER [GOV]
TREASURER [~GOV~]
TREASURER [~]
SPOKES!HUMAN! [~GOV]
ENVOY {ENVOYS [~GOV]
ENVOY } [~GOV]
ENVOY [~GOV] [~MIL]
GOOD_AGENT [~GOV]
`
	s, errs := parseKind(t, "bad.agents", text, KindAgents)
	want := []string{
		`bad.agents:1: substitution marker "!PERSON = MAN, WOMAN" not closed with '!'`,
		`bad.agents:2: substitution marker !EMPTY! has no words`,
		`bad.agents:3: unclosed bracket in "[~ENV}"`,
		`bad.agents:4: agent "FIREBRAND" has no [code]`,
		`bad.agents:5: empty agent name before [~GOV]`,
		`bad.agents:6: agent code [GOV] must be one word with a leading or trailing ~`,
		`bad.agents:7: agent code [~GOV~] must be one word with a leading or trailing ~`,
		`bad.agents:8: agent code [~] must be one word with a leading or trailing ~`,
		`bad.agents:9: substitution marker !HUMAN! is not defined`,
		`bad.agents:10: unclosed brace in "{ENVOYS"`,
		`bad.agents:11: '}' without '{' in "ENVOY }"`,
		`bad.agents:12: unexpected "[~MIL]" after the code`,
	}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors:\n got %s\nwant %s", strings.Join(errs, "\n     "), strings.Join(want, "\n     "))
	}
	if len(s.Agents) != 1 || s.Agents[0].Names[0] != "GOOD AGENT" || s.Agents[0].Line != 13 {
		t.Errorf("agents = %+v", s.Agents)
	}
}

func TestExpansionLimit(t *testing.T) {
	text := "!A! = " + strings.Repeat("X,", 40) + "Y\n" + "!A!_!A!_!A! [~GOV]\n"
	_, errs := parseKind(t, "big.agents", text, KindAgents)
	if len(errs) != 1 || !strings.Contains(errs[0], "expands to more than") {
		t.Errorf("errors = %v", errs)
	}
}

func TestPlural(t *testing.T) {
	tests := map[string]string{
		"MINISTER": "MINISTERS", "CONGRESS": "CONGRESSES", "MILITARY": "MILITARIES",
		"ATTORNEY": "ATTORNEYS", "CHURCH": "CHURCHES", "BUSH": "BUSHES", "TAX": "TAXES",
		"FOREIGN MINISTER": "FOREIGN MINISTERS", "envoy": "envoys", "spy": "spies", "": "",
	}
	for in, want := range tests {
		if got := Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerbForms(t *testing.T) {
	tests := map[string][3]string{
		"ATTACK":  {"ATTACKS", "ATTACKED", "ATTACKING"},
		"AGREE":   {"AGREES", "AGREED", "AGREEING"},
		"ACCUSE":  {"ACCUSES", "ACCUSED", "ACCUSING"},
		"RELY":    {"RELIES", "RELIED", "RELYING"},
		"DESTROY": {"DESTROYS", "DESTROYED", "DESTROYING"},
		"PUSH":    {"PUSHES", "PUSHED", "PUSHING"},
		"warn":    {"warns", "warned", "warning"},
	}
	for in, want := range tests {
		if got := VerbForms(in); got != want {
			t.Errorf("VerbForms(%q) = %q, want %q", in, got, want)
		}
	}
}
