package kb

import "strings"

// Gender is the grammatical gender news pronouns use for a person: 'F'
// ("she"), 'M' ("he"), or 0 when unknown.
type Gender byte

// Genders.
const (
	Unknown Gender = 0
	Female  Gender = 'F'
	Male    Gender = 'M'
)

// genderColumns is the header of gender.tsv and givennames.tsv.
var genderColumns = []string{"name", "gender"}

// parseGenders reads a name-to-gender table into m; "?" means unknown.
func parseGenders(name string, data []byte, m map[string]Gender) error {
	recs, err := readTable(name, data, genderColumns)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := r.checkNames(name, r.cols[0]); err != nil {
			return err
		}
		if _, dup := m[r.cols[0]]; dup {
			return r.errorf(name, "duplicate name %q", r.cols[0])
		}
		switch r.cols[1] {
		case "F":
			m[r.cols[0]] = Female
		case "M":
			m[r.cols[0]] = Male
		case "?":
			m[r.cols[0]] = Unknown
		default:
			return r.errorf(name, "gender %q is not F, M or ?", r.cols[1])
		}
	}
	return nil
}

func (k *KB) parseOfficialGenders(name string, data []byte) error {
	k.officialGender = map[string]Gender{}
	return parseGenders(name, data, k.officialGender)
}

func (k *KB) parseGivenNames(name string, data []byte) error {
	k.givenGender = map[string]Gender{}
	return parseGenders(name, data, k.givenGender)
}

// GenderOf returns the gender of an official (gender.tsv), or else the
// gender of the given name a personal name starts with (givennames.tsv):
// "Hana Petrova" is female if Hana is a woman's name.
func (k *KB) GenderOf(name string) Gender {
	if g, ok := k.officialGender[name]; ok {
		return g
	}
	first, _, _ := strings.Cut(name, " ")
	return k.givenGender[first]
}

// GivenName reports whether w is a given name of givennames.tsv ("Yusuf",
// "Ryan"): as an official's bare surname it may well name someone else.
func (k *KB) GivenName(w string) bool {
	_, ok := k.givenGender[w]
	return ok
}
