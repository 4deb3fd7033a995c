package kb

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Official is a named actor whose code depends on the date: an office holder
// from people/*.tsv, or a named actor of a user's CAMEO dictionary. One
// Person gathers every term of one name ("Sergey Lavrov": foreign minister
// from 2004).
type Official struct {
	Name    string
	Aliases []string
	// Surname is the name news uses alone after the first mention or after a
	// title ("Blinken", "Xi", "bin Salman"); "" when the name has none that
	// is safe to match (a one-word name is its own surname).
	Surname string
	// Surnames are Surname and the other spellings its aliases give in
	// Western name order ("Erdoğan" and "Erdogan", "Zelensky" and
	// "Zelenskyy").
	Surnames []string
	// NamedAlone is set when the table's given column names the surname
	// ("^Tedros", "^Xi"): news uses it alone, even where it is also a
	// given name.
	NamedAlone bool
	// Terms are the offices held, sorted by Start.
	Terms []Term
	// Kind is the actor kind: person for the people tables; for a
	// dictionary actor as WithDictionaries classifies it.
	Kind string
	// Loose holds the names of a dictionary actor (written in capitals in
	// the dictionaries), which match in any letter case after a capital.
	Loose []string
	// Disconnected are the dictionary names whose words written apart
	// with a blank may have up to two other words between them in the
	// text (see dict.Actor.Disconnected; '_' joins words that must be
	// consecutive).
	Disconnected []string
	// FromDict is set when the terms come from a user's dictionary.
	FromDict bool
}

// Term is one office a person held, with its dates.
type Term struct {
	// Affiliation is the ISO3 code of a country or the ID of an organization
	// (organizations.tsv) the office belongs to.
	Affiliation string
	// Country is the ISO3 code of the office's country, "" for an
	// international organization.
	Country string
	// Code is the CAMEO code of the office holder: country code plus sector
	// (USAGOV, RUSGOVMIL), or the organization's code (IGOUNO).
	Code   string
	Sector string
	// Role is the office: "head of state", "foreign minister",
	// "secretary-general"; "" for a dictionary actor without a role.
	Role string
	// Start and End bound the term, [Start, End); End is zero while it
	// lasts. The tables give the first and the last day (or month, or year)
	// in office, so End is the day after the last. On a handover day both
	// terms cover the date, and the one that started later counts.
	Start, End time.Time
	// Nationality is the ISO3 code of a head of an international
	// organization's own country, for dating them as a former official;
	// "" when unknown or the same as Country.
	Nationality string
	// Note is the table's free-text note ("acting").
	Note string
	// Source is "people/g7.tsv:12" or a dictionary's "file:line".
	Source string
	// elite is the ISO3 code and the CAMEO country code of the country whose
	// elite (ELI) the holder is outside the term, "KSVKSV", "" if none.
	elite string
}

// Covers reports whether t falls within the term.
func (t Term) Covers(at time.Time) bool {
	return !at.Before(t.Start) && (t.End.IsZero() || at.Before(t.End))
}

// Standing is what a person was on a date, for coding: the term that covers
// the date, or a former office holder (CAMEO's ELI, elite) after the last
// term, or a future one before the first.
type Standing struct {
	Term
	// Current is true when a term covers the date.
	Current bool
	// Former is true when the date is after the person's last term ended.
	Former bool
}

// On returns the person's standing on date at. With a zero date (an article
// without a date) the latest term counts as current. On a date that no term
// covers, the person is an elite (ELI) of the country of the nearest term
// before (a former foreign minister, role "former foreign minister") or,
// before the first term, after it (no role).
func (p *Official) On(at time.Time) Standing {
	if len(p.Terms) == 0 {
		return Standing{}
	}
	if at.IsZero() {
		return Standing{Term: p.Terms[len(p.Terms)-1], Current: true}
	}
	// Several terms may cover one date (a minister acting in two posts, a
	// monarch of several realms): a dated term wins over a dictionary's
	// undated default ("SAM_GAMGEE [HOB] [HOBCIV <20080120]" is HOBCIV in
	// 1995), then the latest started, and among terms that started
	// together the first in the tables (Elizabeth II is the United
	// Kingdom's queen before Canada's).
	best := -1
	for i, t := range p.Terms {
		if !t.Covers(at) {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		b := p.Terms[best]
		if t.dated() && !b.dated() || t.dated() == b.dated() && t.Start.After(b.Start) {
			best = i
		}
	}
	if best >= 0 {
		return Standing{Term: p.Terms[best], Current: true}
	}
	var near Term
	former := false
	for _, t := range p.Terms {
		if !t.End.IsZero() && !at.Before(t.End) {
			near, former = t, true
		}
	}
	if !former {
		near = p.Terms[0]
	}
	if near.elite == "" {
		// A dictionary actor without a code for the date: none.
		return Standing{}
	}
	s := Standing{Term: near, Former: former}
	s.Country, s.Code, s.Sector = near.elite[:3], near.elite[3:6]+"ELI", "ELI"
	if near.Role != "" && former {
		s.Role = "former " + near.Role
	} else {
		s.Role = "" // before any office: an elite without one
	}
	return s
}

// dated reports whether the term has a start or an end date.
func (t Term) dated() bool { return !t.Start.IsZero() || !t.End.IsZero() }

// peopleColumns is the header of every people/*.tsv table.
var peopleColumns = []string{"name", "aliases", "country", "role", "start", "end", "given", "note"}

// roleSectors gives the CAMEO sector of each state office in the people
// tables, as agents.tsv gives it for the role noun.
var roleSectors = map[string]string{
	"head of state": "GOV", "head of government": "GOV", "head of state and government": "GOV",
	"monarch": "GOV", "supreme leader": "GOV", "vice president": "GOV",
	"foreign minister": "GOV", "defense minister": "GOVMIL", "interior minister": "GOV",
	"finance minister": "GOV", "speaker of parliament": "LEG", "legislative leader": "LEG",
	"judge": "JUD",
}

// orgRoles are the offices of international organizations' heads.
var orgRoles = []string{"secretary-general", "director-general", "president", "managing director",
	"high representative", "prosecutor", "chairperson", "high commissioner"}

// parsePeople reads every people/*.tsv table of fsys, in name order.
func (k *KB) parsePeople(fsys fs.FS) error {
	files, err := fs.Glob(fsys, "people/*.tsv")
	if err != nil {
		return fmt.Errorf("kb: people tables: %w", err)
	}
	k.personByName = map[string]int{}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return fmt.Errorf("kb: read %s: %w", f, err)
		}
		if err := k.parsePeopleTable(f, b); err != nil {
			return err
		}
	}
	for i := range k.people {
		slices.SortStableFunc(k.people[i].Terms, func(a, b Term) int { return a.Start.Compare(b.Start) })
	}
	return nil
}

func (k *KB) parsePeopleTable(name string, data []byte) error {
	recs, err := readTable(name, data, peopleColumns)
	if err != nil {
		return err
	}
	for _, r := range recs {
		c := r.cols
		aliases := list(c[1])
		if err := r.checkNames(name, append([]string{c[0]}, aliases...)...); err != nil {
			return err
		}
		t := Term{Affiliation: c[2], Role: c[3], Note: c[7], Source: fmt.Sprintf("%s:%d", path.Base(name), r.line)}
		if ctry, ok := k.countryByISO3OrCode(c[2]); ok {
			sector, ok := roleSectors[t.Role]
			if !ok {
				return r.errorf(name, "role %q is not a state office", t.Role)
			}
			t.Country, t.Code, t.Sector = ctry.ISO3, ctry.Code+sector, sector
			t.elite = ctry.ISO3 + ctry.Code
		} else if org, ok := k.OrgByID(c[2]); ok {
			if !slices.Contains(orgRoles, t.Role) {
				return r.errorf(name, "role %q is not an organization's office", t.Role)
			}
			t.Code, t.Sector = org.On(t.Start)
			t.Country = org.Country
			t.Nationality = nationality(t.Note)
			if t.Nationality != "" {
				nat, ok := k.countryByISO3OrCode(t.Nationality)
				if !ok {
					return r.errorf(name, "unknown nationality %q", t.Nationality)
				}
				t.elite = nat.ISO3 + nat.Code
			}
		} else {
			return r.errorf(name, "unknown country or organization %q", c[2])
		}
		if t.Start, err = parseDate(c[4], false); err != nil || c[4] == "" {
			return r.errorf(name, "bad start date %q", c[4])
		}
		if c[5] != "" {
			if t.End, err = parseDate(c[5], true); err != nil {
				return r.errorf(name, "bad end date %q", c[5])
			}
			if !t.Start.Before(t.End) {
				return r.errorf(name, "term ends (%s) before it starts (%s)", c[5], c[4])
			}
		}
		surname, err := surnameOf(c[0], c[6])
		if err != nil {
			return r.errorf(name, "%v", err)
		}
		surnames := []string{surname}
		if c[6] == "" && surname != "" {
			for _, a := range aliases {
				if s, _ := surnameOf(a, ""); s != "" && len(strings.Fields(a)) > 1 && !slices.Contains(surnames, s) {
					surnames = append(surnames, s)
				}
			}
		}
		k.addPerson(c[0], aliases, surnames, t)
		if c[6] != "" {
			k.people[k.personByName[c[0]]].NamedAlone = true
		}
	}
	return nil
}

// addPerson adds a term to the person called name, creating the person on
// first use.
func (k *KB) addPerson(name string, aliases, surnames []string, t Term) {
	i, ok := k.personByName[name]
	if !ok {
		i = len(k.people)
		k.personByName[name] = i
		k.people = append(k.people, Official{Name: name, Kind: "person"})
	}
	p := &k.people[i]
	for _, a := range aliases {
		if a != p.Name && !slices.Contains(p.Aliases, a) {
			p.Aliases = append(p.Aliases, a)
		}
	}
	for _, s := range surnames {
		if s != "" && !slices.Contains(p.Surnames, s) {
			p.Surnames = append(p.Surnames, s)
		}
	}
	if len(p.Surnames) > 0 {
		p.Surname = p.Surnames[0]
	}
	p.Terms = append(p.Terms, t)
}

// countryByISO3OrCode finds a country by ISO3 or, for Kosovo (KSV) and
// Timor-Leste (TMP), by the CAMEO code the tables may use instead.
func (k *KB) countryByISO3OrCode(code string) (*Country, bool) {
	if c, ok := k.CountryByISO3(code); ok {
		return c, true
	}
	return k.CountryByCode(code)
}

// nationality reads "nationality: PRT" from a note.
func nationality(note string) string {
	_, after, ok := strings.Cut(note, "nationality:")
	if !ok {
		return ""
	}
	f := strings.FieldsFunc(after, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == ')' })
	if len(f) == 0 || !isCode(f[0], 3) {
		return ""
	}
	return f[0]
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY. As an end date, the day,
// month or year is the last one of the term, so the bound returned is the
// start of the next one.
func parseDate(s string, end bool) (time.Time, error) {
	for _, l := range []struct {
		layout string
		years  int
		months int
		days   int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if len(s) != len(l.layout) {
			continue
		}
		t, err := time.Parse(l.layout, s)
		if err != nil {
			return time.Time{}, err
		}
		if end {
			t = t.AddDate(l.years, l.months, l.days)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// regnal are the ordinals of monarchs' names.
var regnal = map[string]bool{"I": true, "II": true, "III": true, "IV": true, "V": true, "VI": true, "VII": true,
	"VIII": true, "IX": true, "X": true, "XI": true, "XII": true}

// nameSuffixes are words after a surname that are not the surname.
var nameSuffixes = map[string]bool{"Jr.": true, "Jr": true, "Sr.": true}

// surnameOf derives the surname news uses alone. given is the table's
// column: empty for Western order (the last word, skipping "Jr."), or
// "^Family" naming it ("^Xi", "^bin Salman", "^Lula").
func surnameOf(name, given string) (string, error) {
	if s, ok := strings.CutPrefix(given, "^"); ok {
		if s == "" || !strings.Contains(name, s) && !strings.Contains(strings.ToLower(name), strings.ToLower(s)) {
			return "", fmt.Errorf("surname %q is not in the name %q", s, name)
		}
		return s, nil
	}
	if given != "" {
		return "", fmt.Errorf("given column %q must be empty or start with ^", given)
	}
	words := strings.Fields(name)
	if len(words) > 1 && regnal[words[len(words)-1]] {
		return "", nil // "Elizabeth II", "Charles III": no surname
	}
	for len(words) > 1 && nameSuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	last := strings.TrimSuffix(words[len(words)-1], ",")
	if r, _ := utf8.DecodeRuneInString(last); !unicode.IsUpper(r) {
		return "", nil
	}
	return last, nil
}

// Officials returns the dated named actors: the office holders of the people
// tables and the named actors of loaded dictionaries.
func (k *KB) Officials() []Official { return k.people }

// OfficialByName returns the person with the given full name (not an alias).
func (k *KB) OfficialByName(name string) (*Official, bool) {
	i, ok := k.personByName[name]
	if !ok {
		return nil, false
	}
	return &k.people[i], true
}

// BySurname returns the people whose surname is s, in table order.
func (k *KB) BySurname(s string) []int {
	k.surnameOnce.Do(func() {
		k.bySurname = map[string][]int{}
		for i, p := range k.people {
			for _, s := range p.Surnames {
				k.bySurname[s] = append(k.bySurname[s], i)
			}
		}
	})
	return k.bySurname[s]
}
