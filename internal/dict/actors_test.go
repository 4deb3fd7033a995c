package dict

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// parseKind parses text as a file named name and fails the test on a fatal
// error.
func parseKind(t *testing.T, name, text string, kind Kind) (*Set, []string) {
	t.Helper()
	s, errs, err := Parse(name, []byte(text), kind)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, e := range errs {
		var de *Error
		if !asError(e, &de) {
			t.Fatalf("error %v is not a *dict.Error", e)
		}
		msgs = append(msgs, e.Error())
	}
	return s, msgs
}

func asError(e error, target **Error) bool {
	de, ok := e.(*Error)
	*target = de
	return ok
}

// An invented actor file in the TABARI/PETRARCH layout: countries with
// synonyms, leaders with dated codes on their own lines, inline dated codes,
// comments of every style.
const actorsText = `# invented actors for tests
<!-- an XML comment
     over two lines -->
FREEDONIA_  [FRD]
+FREEDONIAN_
+FREDONIA_   # a misspelling seen in wires
RUFUS_T._FIREFLY_  ; CountryInfo.txt
+PRESIDENT_FIREFLY_
	[FRDELI 19200101-330101]
	[FRDGOV >330101]
	[FRDELI]
AMBASSADOR_TRENTINO_ [SYLGOV 19300101-331231] [SYLELI]
MRS_TEASDALE
	[FRDELI <19330601]
UNCODED_GROUP_OF_FRIENDS
SYLVANIA [SYL]
SYLVANIA TELEVISION  [SYLTV]
+RADIO SYLVANIA_FREE [SYLRAD]
`

func TestActors(t *testing.T) {
	s, errs := parseKind(t, "a.actors.txt", "\ufeff"+actorsText, KindActors)
	if len(errs) != 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	want := []Actor{
		{Names: []string{"FREEDONIA", "FREEDONIAN", "FREDONIA"}, Codes: []DatedCode{{Code: "FRD"}}, Line: 4},
		{Names: []string{"RUFUS T. FIREFLY", "PRESIDENT FIREFLY"}, Codes: []DatedCode{
			{Code: "FRDELI", From: date(1920, 1, 1), To: date(1933, 1, 1)},
			{Code: "FRDGOV", From: date(1933, 1, 1)},
			{Code: "FRDELI"},
		}, Line: 7},
		{Names: []string{"AMBASSADOR TRENTINO"}, Codes: []DatedCode{
			{Code: "SYLGOV", From: date(1930, 1, 1), To: date(1933, 12, 31)},
			{Code: "SYLELI"},
		}, Line: 12},
		{Names: []string{"MRS TEASDALE"}, Codes: []DatedCode{{Code: "FRDELI", To: date(1933, 6, 1)}}, Line: 13},
		{Names: []string{"UNCODED GROUP OF FRIENDS"}, Line: 15},
		{Names: []string{"SYLVANIA"}, Codes: []DatedCode{{Code: "SYL"}}, Line: 16},
		// A blank, not an underscore, lets words stand between.
		{Names: []string{"SYLVANIA TELEVISION", "RADIO SYLVANIA FREE"}, Codes: []DatedCode{{Code: "SYLTV"}, {Code: "SYLRAD"}},
			Disconnected: []string{"SYLVANIA TELEVISION", "RADIO SYLVANIA_FREE"}, Line: 17},
	}
	for i := range want {
		want[i].File = "a.actors.txt"
	}
	if !reflect.DeepEqual(s.Actors, want) {
		t.Errorf("actors:\n got %+v\nwant %+v", s.Actors, want)
	}
}

func TestActorErrors(t *testing.T) {
	const text = `[XYZ]
+ORPHAN_SYNONYM
GRAND_FENWICK_ [GFW
+FENWICKIAN_
	[GFWGOV >20090120]
DUCHESS_GLORIANA_
	[GFWGOV 20091301-20100101]
	[GFWELI >590101]
	[GFWGOV 20100101-20090101]
	[GFWGOV 20100101]
	[GFWGOV 2010011-20120101]
	[]
	[GFWGOV >20100101] [GFWMIL
+
___ [GFW]
TULLY_BASCOMB_ [GFW]] 
MOUNTJOY_ [GFWLEG]
`
	s, errs := parseKind(t, "bad.txt", text, KindActors)
	want := []string{
		`bad.txt:1: code [XYZ] without an actor name before it`,
		`bad.txt:2: synonym +ORPHAN_SYNONYM without an actor name before it`,
		`bad.txt:3: unclosed bracket in "[GFW"; entry skipped`,
		`bad.txt:7: code [GFWGOV 20091301-20100101]: bad date "20091301": no such day`,
		`bad.txt:9: code [GFWGOV 20100101-20090101]: date range 20100101-20090101 ends before it starts`,
		`bad.txt:10: code [GFWGOV 20100101]: date restriction "20100101" needs <DATE, >DATE or DATE-DATE`,
		`bad.txt:11: code [GFWGOV 2010011-20120101]: bad date "2010011": want YYYYMMDD or YYMMDD`,
		`bad.txt:12: empty code []`,
		`bad.txt:13: unclosed bracket in "[GFWMIL"`,
		`bad.txt:14: empty synonym`,
		`bad.txt:15: empty actor name; entry skipped`,
		`bad.txt:16: unexpected "]" after code; entry skipped`,
	}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors:\n got %s\nwant %s", strings.Join(errs, "\n     "), strings.Join(want, "\n     "))
	}
	// The good parts survive: the duchess keeps her valid code, the entry
	// after the bad ones is read.
	var names []string
	for _, a := range s.Actors {
		names = append(names, a.Name())
	}
	if !reflect.DeepEqual(names, []string{"DUCHESS GLORIANA", "MOUNTJOY"}) {
		t.Errorf("actors = %q", names)
	}
	if got := s.Actors[0].Codes; len(got) != 1 || got[0].Code != "GFWELI" || !got[0].From.Equal(date(1959, 1, 1)) {
		t.Errorf("duchess codes = %v", got)
	}
}

func TestCodeOn(t *testing.T) {
	s, errs := parseKind(t, "a.actors.txt", actorsText+`
HANDOVER_MAN
	[FRDELI <20090120]
	[FRDGOV >20090120]
OVERLAP_WOMAN
	[FRDGOV 20000101-20101231]
	[FRDMIL 20050101-20060101]
`, KindActors)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	byName := map[string]*Actor{}
	for i := range s.Actors {
		byName[s.Actors[i].Name()] = &s.Actors[i]
	}
	tests := []struct {
		name   string
		actor  string
		on     time.Time
		want   string
		wantOK bool
	}{
		{"undated code applies always", "FREEDONIA", date(1850, 5, 1), "FRD", true},
		{"inside the first period", "RUFUS T. FIREFLY", date(1925, 3, 3), "FRDELI", true},
		{"first day of the range is inclusive", "RUFUS T. FIREFLY", date(1920, 1, 1), "FRDELI", true},
		{"hand-over day goes to the later start", "RUFUS T. FIREFLY", date(1933, 1, 1), "FRDGOV", true},
		{"open-ended from", "RUFUS T. FIREFLY", date(2040, 1, 1), "FRDGOV", true},
		{"before every period: the undated default", "RUFUS T. FIREFLY", date(1900, 1, 1), "FRDELI", true},
		{"time of day is ignored", "RUFUS T. FIREFLY", time.Date(1933, 1, 1, 23, 59, 0, 0, time.UTC), "FRDGOV", true},
		{"before bound inclusive", "MRS TEASDALE", date(1933, 6, 1), "FRDELI", true},
		{"after the before bound, no default: null", "MRS TEASDALE", date(1933, 6, 2), "", false},
		{"no code at all", "UNCODED GROUP OF FRIENDS", date(2020, 1, 1), "", false},
		{"hand-over: < and > on the same day", "HANDOVER MAN", date(2009, 1, 20), "FRDGOV", true},
		{"day before the hand-over", "HANDOVER MAN", date(2009, 1, 19), "FRDELI", true},
		{"nested period wins inside", "OVERLAP WOMAN", date(2005, 6, 1), "FRDMIL", true},
		{"outer period outside the nested one", "OVERLAP WOMAN", date(2007, 6, 1), "FRDGOV", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := byName[tt.actor]
			if a == nil {
				t.Fatalf("no actor %q", tt.actor)
			}
			got, ok := a.CodeOn(tt.on)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("CodeOn(%s) = %q, %v; want %q, %v", tt.on.Format("2006-01-02"), got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		err  bool
	}{
		{"20090120", date(2009, 1, 20), false},
		{"090120", date(2009, 1, 20), false},
		{"300101", date(2030, 1, 1), false},
		{"310101", date(1931, 1, 1), false},
		{"450703", date(1945, 7, 3), false},
		{"20120229", date(2012, 2, 29), false},
		{"20100229", time.Time{}, true},
		{"20100931", time.Time{}, true},
		{"2010093", time.Time{}, true},
		{"2010-09-30", time.Time{}, true},
		{"", time.Time{}, true},
		{"20100001", time.Time{}, true},
		{"20101200", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if (err != nil) != tt.err || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestDatedCodeString(t *testing.T) {
	for _, s := range []string{"USAGOV", "USAGOV >20090120", "USAELI <20041102", "USAGOV 20090120-20170120"} {
		c, err := parseDatedCode(s)
		if err != nil {
			t.Fatal(err)
		}
		if c.String() != s {
			t.Errorf("String() = %q, want %q", c.String(), s)
		}
	}
}
