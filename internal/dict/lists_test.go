package dict

import (
	"reflect"
	"strings"
	"testing"
)

func TestDiscards(t *testing.T) {
	const text = `# sentence-level and story-level discards
WORLD CUP
+GRAND_PRIX_   # the whole story goes
HALF-TIME_
+
CHAMPIONS [###x]
`
	s, errs := parseKind(t, "d.txt", text, KindDiscards)
	want := []Discard{
		{Phrase: "WORLD CUP", Line: 2, File: "d.txt"},
		{Phrase: "GRAND PRIX", Story: true, WholeWord: true, Line: 3, File: "d.txt"},
		{Phrase: "HALF-TIME", WholeWord: true, Line: 4, File: "d.txt"},
	}
	if !reflect.DeepEqual(s.Discards, want) {
		t.Errorf("discards:\n got %+v\nwant %+v", s.Discards, want)
	}
	wantErrs := []string{`d.txt:5: empty discard phrase`, `d.txt:6: discard "CHAMPIONS [" holds a [code]; discards take none`}
	if !reflect.DeepEqual(errs, wantErrs) {
		t.Errorf("errors = %q", errs)
	}
}

func TestIssues(t *testing.T) {
	const text = `<ISSUE CATEGORY="SCHOOLING" TYPE="ALL">
n:teacher [TEACHERS]
pre+n:school [EARLY_SCHOOLING]
ethnic v:purge [CLEANSING]
~a head start
~~historic genocide  # not coded
no code here
broken [CODE
two [A] [B]
n: [X]
</ISSUE>
plain phrase [PLAIN]
<BOGUS>
`
	s, errs := parseKind(t, "i.txt", text, KindIssues)
	type short struct {
		Phrase   string
		Forms    []string
		Code     string
		Category string
		Exclude  Exclude
		Line     int
	}
	var got []short
	for _, is := range s.Issues {
		got = append(got, short{is.Phrase, is.Forms, is.Code, is.Category, is.Exclude, is.Line})
	}
	want := []short{
		{"n:teacher", []string{"TEACHER", "TEACHERS"}, "TEACHERS", "SCHOOLING", ExcludeNone, 2},
		{"pre+n:school", []string{"PRE SCHOOL", "PRE SCHOOLS", "PRE-SCHOOL", "PRE-SCHOOLS"}, "EARLY_SCHOOLING", "SCHOOLING", ExcludeNone, 3},
		{"ethnic v:purge", []string{"ETHNIC PURGE", "ETHNIC PURGES", "ETHNIC PURGED", "ETHNIC PURGING"}, "CLEANSING", "SCHOOLING", ExcludeNone, 4},
		{"a head start", []string{"A HEAD START"}, "", "SCHOOLING", ExcludeSentence, 5},
		{"historic genocide", []string{"HISTORIC GENOCIDE"}, "", "SCHOOLING", ExcludeStory, 6},
		{"plain phrase", []string{"PLAIN PHRASE"}, "PLAIN", "", ExcludeNone, 12},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("issues:\n got %+v\nwant %+v", got, want)
	}
	wantErrs := []string{
		`i.txt:7: issue "no code here" has no [code]`,
		`i.txt:8: unclosed bracket in "[CODE"`,
		`i.txt:9: unexpected "[B]" after the code`,
		`i.txt:10: bad noun prefix in "N:"`,
		`i.txt:13: unknown tag "<BOGUS>"`,
	}
	if !reflect.DeepEqual(errs, wantErrs) {
		t.Errorf("errors:\n got %s\nwant %s", strings.Join(errs, "\n     "), strings.Join(wantErrs, "\n     "))
	}
}
