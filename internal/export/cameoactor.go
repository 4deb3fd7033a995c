package export

import "strings"

// cameoActor is a CAMEO actor code broken into the parts GDELT's Event table
// gives columns to.
type cameoActor struct {
	Country, KnownGroup, Ethnic, Religion1, Religion2 string
	Types                                             []string // at most three
}

// CAMEO's actor codebook (chapter 3) lists these 3-letter role codes: the
// primary and secondary domestic roles, the tertiary MOD and RAD, the party
// marker PTY, and the generic international codes. REL is the Phoenix
// dictionaries' code for religious actors.
const cameoTypes = " COP GOV INS JUD MIL OPP REB SEP SPY UAF " +
	"AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD PTY " +
	"IGO IMG INT MNC NGM NGO UIS REL "

// cameoRegions are CAMEO's international region codes (table 3.3), which
// GDELT writes in the CountryCode column.
const cameoRegions = " AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST "

// cameoReligions are the first three letters of CAMEO's religion codes
// (chapter 4), plus MUS, the Phoenix dictionaries' spelling of Islam.
const cameoReligions = " ATH BAH BUD CHR CON HIN JAN JEW MOS SHN SIK TAO ABR ADR EAR INR IRR ITR NRM MUS "

// denomination returns the religion of a common second-level religion code,
// so that "CTH" alone gives Religion1 CHR and Religion2 CTH, as GDELT writes
// Catholics; "" for other codes.
func denomination(c string) string {
	switch c {
	case "CTH", "PRO", "DOX":
		return "CHR"
	case "SUN", "SHI":
		return "MOS"
	}
	return ""
}

// in reports whether the 3-letter code c is in list, a space-separated
// list with spaces at both ends.
func in(list, c string) bool { return len(c) == 3 && strings.Contains(list, " "+c+" ") }

// splitActorCode breaks code into GDELT's actor columns. country is the
// actor's ISO 3166-1 alpha-3 country from dyad, used when the code does not
// start with one. The rules follow CAMEO's ordering (country or region,
// then roles, religion and ethnicity, then an organization's own code):
//
//   - a leading chunk that is not a role or religion code, or a region code,
//     or a chunk equal to country, is the country code;
//   - role codes fill Types (three at most);
//   - religion codes fill Religion1 then Religion2, a denomination its
//     religion and itself;
//   - any other chunk is the actor's own organization code (KnownGroup) when a
//     role code came before it ("IGOUNO", "ISROPPLKD", "IMGMOSALQ"), else an
//     ethnic code ("IRQKURREB").
func splitActorCode(code, country string) cameoActor {
	var a cameoActor
	code = strings.ToUpper(code)
	afterRole := false
	for i := 0; i+3 <= len(code); i += 3 {
		c := code[i : i+3]
		known := in(cameoTypes, c) || in(cameoReligions, c) || denomination(c) != ""
		switch {
		case in(cameoRegions, c) || c == country || (i == 0 && !known):
			if a.Country == "" {
				a.Country = c
			}
		case in(cameoTypes, c):
			if len(a.Types) < 3 {
				a.Types = append(a.Types, c)
			}
			afterRole = true
		case in(cameoReligions, c):
			a.addReligion(c)
		case denomination(c) != "":
			if a.Religion1 == "" {
				a.Religion1 = denomination(c)
			}
			a.addReligion(c)
		case afterRole && a.KnownGroup == "":
			a.KnownGroup = c
		case !afterRole && a.Ethnic == "":
			a.Ethnic = c
		}
	}
	if a.Country == "" {
		a.Country = country
	}
	return a
}

func (a *cameoActor) addReligion(c string) {
	switch {
	case a.Religion1 == "":
		a.Religion1 = c
	case a.Religion2 == "" && a.Religion1 != c:
		a.Religion2 = c
	}
}
