package kb

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dyadproject/dyad/internal/dict"
)

// WithDictionaries returns a knowledge base that holds k's tables and the
// actors and agents of user dictionaries in the CAMEO/PETRARCH/TABARI
// formats (see package dict), which take precedence over k's own:
//
//   - each dictionary actor becomes an official whose terms are its dated
//     codes (an undated code holds at every date). Its names match in any
//     letter case as long as the text capitalizes the first letter
//     ("BARACK OBAMA" matches "Barack Obama" and "BARACK OBAMA", not
//     "barack obama"). Its kind is person when a code is dated, country for
//     a bare country code, group for another code that starts with a
//     country code (USAPTY), organization otherwise (IGOUNO). An actor
//     named like an official of the people tables replaces that official's
//     terms with its codes and keeps the official's names and surnames, so
//     "Obama" after "Barack Obama" still links;
//   - each agent becomes a role noun with the agent's code as its sector,
//     matched in any case, before k's own role nouns of the same words;
//   - when the dictionaries hold agents, k's own role nouns still find
//     mentions but take their sectors from those agents (see
//     underDictionary): a militia codes no sector without a MILITIA agent.
//
// Discards, issues and verbs are not used here. k itself is not changed.
func (k *KB) WithDictionaries(set *dict.Set) *KB {
	x := &KB{
		countries: k.countries, metonyms: k.metonyms, orgs: k.orgs, regions: k.regions, policy: k.policy,
		byCode: k.byCode, byISO3: k.byISO3, byISO2: k.byISO2, orgByID: k.orgByID, regionByName: k.regionByName,
		officialGender: k.officialGender, givenGender: k.givenGender,
		people:       slices.Clip(k.people),
		personByName: maps.Clone(k.personByName),
		agentByForm:  map[string]int{},
	}
	byFolded := map[string]int{}
	for i, p := range x.people {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			byFolded[strings.ToLower(n)] = i
		}
	}
	for i := range set.Actors {
		a := &set.Actors[i]
		o := Official{Name: a.Name(), Loose: a.Names, Disconnected: a.Disconnected, Kind: x.dictKind(a), FromDict: true}
		for _, c := range a.Codes {
			t := Term{Code: c.Code, Start: c.From, Source: fmt.Sprintf("%s:%d", a.File, a.Line)}
			if !c.To.IsZero() {
				t.End = c.To.AddDate(0, 0, 1) // To is the last day, End the day after
			}
			if len(c.Code) >= 3 {
				if ctry, ok := x.CountryByCode(c.Code[:3]); ok {
					t.Country, t.Sector = ctry.ISO3, c.Code[3:]
				}
			}
			o.Terms = append(o.Terms, t)
		}
		slices.SortStableFunc(o.Terms, func(a, b Term) int { return a.Start.Compare(b.Start) })
		if j, ok := byFolded[strings.ToLower(o.Name)]; ok && x.people[j].Kind == "person" && !x.people[j].FromDict {
			// The user's entry for an official of the tables: the
			// dictionary's codes replace the table's terms; the names,
			// surnames and kind stay.
			p := x.people[j]
			p.Terms, p.Loose, p.Disconnected, p.FromDict = o.Terms, o.Loose, o.Disconnected, true
			x.people[j] = p
			continue
		}
		x.personByName[o.Name] = len(x.people)
		x.people = append(x.people, o)
	}
	for _, a := range set.Agents {
		g := Agent{Sector: a.Code, Kind: Person, Prefix: a.Prefix}
		for _, n := range a.Names {
			if n = strings.ToLower(n); n != "" && isLowerASCII(n) && !slices.Contains(g.Plurals, n) {
				if g.Phrase == "" {
					g.Phrase = n
				} else {
					g.Plurals = append(g.Plurals, n)
				}
			}
		}
		for _, n := range a.Plurals {
			if n = strings.ToLower(n); n != "" && isLowerASCII(n) && n != g.Phrase && !slices.Contains(g.Plurals, n) {
				g.Plurals = append(g.Plurals, n)
			}
		}
		if g.Phrase == "" || g.Sector == "" {
			continue
		}
		g.Role = g.Phrase
		x.agents = append(x.agents, g)
	}
	own := k.agents
	if len(x.agents) > 0 {
		own = underDictionary(k.agents, x.agents)
	}
	x.agents = append(x.agents, own...)
	for i, a := range x.agents {
		for _, f := range append([]string{a.Phrase}, a.Plurals...) {
			if _, taken := x.agentByForm[f]; !taken {
				x.agentByForm[f] = i
			}
		}
	}
	return x
}

// underDictionary returns copies of the knowledge base's own role nouns
// whose sectors come from the dictionary agents dict instead: an own role
// takes the code of the longest dictionary agent whose words it holds
// ("deputy prime minister" holds PRIME_MINISTER), and no sector when it holds
// none ("militia" without a MILITIA agent), so that a role still spans its
// mention ("Ithilen's militia") but codes no more than the dictionaries say,
// as PETRARCH codes only the agents of its dictionary.
func underDictionary(own, dict []Agent) []Agent {
	out := make([]Agent, len(own))
	for i, a := range own {
		a.Sector, a.Prefix = "", false
		padded, best := " "+a.Phrase+" ", 0 // whole words only
		take := func(d Agent, f string) {
			if len(f) > best && strings.Contains(padded, " "+f+" ") {
				a.Sector, a.Prefix, best = d.Sector, d.Prefix, len(f)
			}
		}
		for _, d := range dict {
			take(d, d.Phrase)
			for _, f := range d.Plurals {
				take(d, f)
			}
		}
		out[i] = a
	}
	return out
}

// dictKind classifies a dictionary actor by its codes.
func (k *KB) dictKind(a *dict.Actor) string {
	for _, c := range a.Codes {
		if c.Dated() {
			return "person"
		}
	}
	if code, ok := a.DefaultCode(); ok && len(code) >= 3 {
		if _, isCountry := k.CountryByCode(code[:3]); isCountry {
			if len(code) == 3 {
				return "country"
			}
			return "group"
		}
	}
	return "organization"
}
