package kb

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// testPeople is an invented-format table of real offices, enough to test
// dating, surnames and errors without depending on the shipped tables.
const testPeople = "name\taliases\tcountry\trole\tstart\tend\tgiven\tnote\n" +
	"Hana Petrova\tHanna Petrova\tRUS\tforeign minister\t2004-03\t2010-05-20\t\t\n" +
	"Hana Petrova\t\tRUS\thead of government\t2010-05-21\t\t\tsecond office\n" +
	"Li Wen\t\tCHN\tdefense minister\t2018\t2020\t^Li\t\n" +
	"Arben Krasniqi\t\tKSV\tinterior minister\t2015-01-01\t2016-01-01\t\t\n" +
	"Maria Duarte\t\tUN\tsecretary-general\t2017-01-01\t2021-12-31\t\tnationality: PRT\n" +
	"Tom Baker Jr.\t\tUSA\tfinance minister\t2001-01-20\t2003-01-20\t\t\n" +
	"Ahmed bin Khalid\t\tSAU\tmonarch\t2015-01-23\t\t^bin Khalid\t\n" +
	"Olaf VIII\t\tNOR\tmonarch\t1991-01-17\t\t\t\n" +
	"Olaf VIII\t\tSWE\tmonarch\t1991-01-17\t\t\tsame day, second realm\n"

func peopleKB(t *testing.T, table string) (*KB, error) {
	t.Helper()
	m := copyTables(t)
	for name := range m {
		if strings.HasPrefix(name, "people/") {
			delete(m, name)
		}
	}
	m["people/test.tsv"] = &fstest.MapFile{Data: []byte(table)}
	return load(m)
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestOfficialsDated(t *testing.T) {
	k, err := peopleKB(t, testPeople)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(k.Officials()); n != 7 {
		t.Fatalf("%d officials, want 7 (rows of one name merge)", n)
	}
	tests := []struct {
		name, date      string
		code, role      string
		current, former bool
	}{
		{"Hana Petrova", "2004-03-01", "RUSGOV", "foreign minister", true, false},
		{"Hana Petrova", "2010-05-20", "RUSGOV", "foreign minister", true, false}, // the end day is in office
		{"Hana Petrova", "2010-05-21", "RUSGOV", "head of government", true, false},
		{"Hana Petrova", "2004-02-29", "RUSELI", "", false, false},
		{"Hana Petrova", "", "RUSGOV", "head of government", true, false},      // undated: the latest term
		{"Li Wen", "2020-12-31", "CHNGOVMIL", "defense minister", true, false}, // a year end covers the year
		{"Li Wen", "2021-01-01", "CHNELI", "former defense minister", false, true},
		{"Arben Krasniqi", "2019-06-01", "KSVELI", "former interior minister", false, true}, // CAMEO code, not ISO
		{"Maria Duarte", "2018-06-01", "IGOUNO", "secretary-general", true, false},
		{"Maria Duarte", "2023-06-01", "PRTELI", "former secretary-general", false, true},
		{"Ahmed bin Khalid", "2026-11-01", "SAUGOV", "monarch", true, false},
		{"Olaf VIII", "2020-01-01", "NORGOV", "monarch", true, false}, // the first realm listed

	}
	for _, tt := range tests {
		p, ok := k.OfficialByName(tt.name)
		if !ok {
			t.Fatalf("%s not found", tt.name)
		}
		var at time.Time
		if tt.date != "" {
			at = day(tt.date)
		}
		s := p.On(at)
		if s.Code != tt.code || s.Role != tt.role || s.Current != tt.current || s.Former != tt.former {
			t.Errorf("%s on %q: %s %q current=%v former=%v, want %s %q %v %v", tt.name, tt.date,
				s.Code, s.Role, s.Current, s.Former, tt.code, tt.role, tt.current, tt.former)
		}
	}
	for name, want := range map[string]string{"Hana Petrova": "Petrova", "Li Wen": "Li", "Tom Baker Jr.": "Baker",
		"Ahmed bin Khalid": "bin Khalid", "Olaf VIII": ""} {
		if p, _ := k.OfficialByName(name); p.Surname != want {
			t.Errorf("surname of %s = %q, want %q", name, p.Surname, want)
		}
	}
	if got := k.BySurname("Li"); len(got) != 1 || k.Officials()[got[0]].Name != "Li Wen" {
		t.Errorf("BySurname(Li) = %v", got)
	}
}

func TestOfficialsMatched(t *testing.T) {
	k, err := peopleKB(t, testPeople)
	if err != nil {
		t.Fatal(err)
	}
	text := "Hanna Petrova met Li Wen. Petrova said PETROVA had no plans; Li agreed."
	var got []string
	for _, m := range k.Matcher().FindAll(text) {
		for _, e := range m.Entries {
			if e.Kind == OfficialEntry || e.Kind == SurnameEntry {
				got = append(got, e.Kind.String()+":"+text[m.Start:m.End])
			}
		}
	}
	want := "Official:Hanna Petrova Official:Li Wen Surname:Petrova Surname:PETROVA Surname:Li"
	if strings.Join(got, " ") != want {
		t.Errorf("matches %q, want %q", strings.Join(got, " "), want)
	}
}

func TestOfficialsErrors(t *testing.T) {
	header := "name\taliases\tcountry\trole\tstart\tend\tgiven\tnote\n"
	tests := []struct{ row, want string }{
		{"A B\t\tXYZ\tforeign minister\t2001\t\t\t", `people/test.tsv:2: unknown country or organization "XYZ"`},
		{"A B\t\tUSA\tsecretary-general\t2001\t\t\t", `role "secretary-general" is not a state office`},
		{"A B\t\tUN\tforeign minister\t2001\t\t\t", `role "foreign minister" is not an organization's office`},
		{"A B\t\tUSA\tforeign minister\t2001-13-01\t\t\t", `bad start date "2001-13-01"`},
		{"A B\t\tUSA\tforeign minister\t\t\t\t", `bad start date ""`},
		{"A B\t\tUSA\tforeign minister\t2005\t2004\t\t", "ends (2004) before it starts (2005)"},
		{"A B\t\tUSA\tforeign minister\t2005\t\t^Z\t", `surname "Z" is not in the name "A B"`},
		{"A B\t\tUSA\tforeign minister\t2005\t\tB\t", "must be empty or start with ^"},
		{"A B\t\tUN\tsecretary-general\t2005\t\t\tnationality: QQQ", `unknown nationality "QQQ"`},
		{" A B\t\tUSA\tforeign minister\t2005\t\t\t", `bad name " A B"`},
		{"A B\tUSA\tforeign minister\t2005\t\t\t", "7 columns, want 8"},
	}
	for _, tt := range tests {
		_, err := peopleKB(t, header+tt.row+"\n")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("row %q: error %v, want %q", tt.row, err, tt.want)
		}
	}
}

func TestGenderOf(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]Gender{"Theresa May": Female, "Antony Blinken": Male, "Anna Kowalska": Female,
		"Piotr Nowak": Male, "Jordan Smith": Unknown, "Zzyzx Qwerty": Unknown} {
		if got := k.GenderOf(name); got != want {
			t.Errorf("GenderOf(%q) = %q, want %q", name, got, want)
		}
	}
	// Every official has a gender row.
	for _, p := range k.Officials() {
		if _, ok := k.officialGender[p.Name]; !ok {
			t.Errorf("%s has no row in gender.tsv", p.Name)
		}
	}
	for _, tt := range []struct{ table, want string }{
		{"name\tgender\nA B\tX\n", `gender "X" is not F, M or ?`},
		{"name\tgender\nA B\tF\nA B\tM\n", `duplicate name "A B"`},
	} {
		m := copyTables(t)
		m["gender.tsv"] = &fstest.MapFile{Data: []byte(tt.table)}
		if _, err := load(m); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.table, err, tt.want)
		}
	}
}

// TestHeadsCoverage checks that the shipped tables know who led most states
// on a recent date: a head of state or government for at least 180 of the
// countries and territories.
func TestHeadsCoverage(t *testing.T) {
	k := mustLoad(t)
	at := day("2024-06-01")
	led := map[string]bool{}
	for _, p := range k.Officials() {
		if st := p.On(at); st.Current && (strings.HasPrefix(st.Role, "head of") || st.Role == "monarch") {
			led[st.Country] = true
		}
	}
	t.Logf("%d countries with a head of state or government on %s", len(led), at.Format("2006-01-02"))
	if len(led) < 180 {
		t.Errorf("%d countries with a head of state or government on %s, want at least 180", len(led), at.Format("2006-01-02"))
	}
	for _, iso3 := range []string{"KEN", "CHL", "NZL", "HUN", "SEN", "PHL", "KAZ", "IRL", "PRI"} {
		if !led[iso3] {
			t.Errorf("no head of state or government of %s on %s", iso3, at.Format("2006-01-02"))
		}
	}
}

func TestCommonSurname(t *testing.T) {
	k := mustLoad(t)
	for w, want := range map[string]bool{"Kim": true, "Santos": true, "Friday": true, "May": true, "Ruto": false, "Putin": false} {
		if got := k.CommonSurname(w); got != want {
			t.Errorf("CommonSurname(%q) = %v, want %v", w, got, want)
		}
	}
}
