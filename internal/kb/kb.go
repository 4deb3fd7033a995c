package kb

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"time"
)

//go:embed countries.tsv metonyms.tsv organizations.tsv agents.tsv places.tsv ambiguous.tsv people/*.tsv gender.tsv givennames.tsv
var tables embed.FS

// ErrTable reports a malformed knowledge-base table.
var ErrTable = errors.New("kb: invalid table")

// Country is a country or territory: one row of countries.tsv.
type Country struct {
	// Code is the CAMEO country code: the ISO3 code except where CAMEO
	// differs (KSV for Kosovo, TMP for Timor-Leste).
	Code string
	ISO2 string
	ISO3 string
	// Name is the common English name.
	Name string
	// Aliases are further names: official, short and news forms ("U.S.", "Britain").
	Aliases []string
	// Adjectives are the adjectives and demonyms ("French", "South Korean").
	Adjectives []string
	// People are nouns for its people, mostly plurals ("Ukrainians", "Frenchmen").
	People []string
	// Capital is empty for a few uninhabited territories; then CapitalLat
	// and CapitalLon are zero and meaningless.
	Capital                string
	CapitalAliases         []string
	CapitalLat, CapitalLon float64
	// Lat and Lon are the country's approximate centre.
	Lat, Lon float64
}

// Metonym is a place, building or institution whose name stands for part of
// a state in news ("Kremlin" for Russia's government, "Pentagon" for the US
// military, "Knesset" for Israel's parliament).
type Metonym struct {
	Phrase  string
	Country string // ISO3
	Code    string // CAMEO: the country code plus Sector, "RUSGOV"
	Sector  string // CAMEO sector, "" for the state as a whole
}

// OrgKind classifies an organization.
type OrgKind string

// Organization kinds.
const (
	IGO        OrgKind = "igo"
	NGO        OrgKind = "ngo"
	Party      OrgKind = "party"
	ArmedGroup OrgKind = "armed_group"
	Media      OrgKind = "media"
	// WorldRegion is a world region that news makes an actor ("European
	// governments", "African leaders"), with CAMEO's region code (EUR, AFR).
	WorldRegion OrgKind = "region"
)

// Org is an organization: one row of organizations.tsv.
type Org struct {
	// ID is a unique short key ("UNSC"); Code is the CAMEO actor code
	// today, which several organizations may share ("IGOUNO"); [Org.On]
	// gives the code on a date for the few whose standing changed.
	ID      string
	Code    string
	Name    string
	Aliases []string
	Kind    OrgKind
	// Country is the ISO3 code of its home country, "" for international bodies.
	Country string
	// Sector is a CAMEO sector code, "" when none fits.
	Sector string
	// Note says why a code differs from the CAMEO dictionaries, or what the
	// names are ambiguous with.
	Note string
	// Changes, for the few organizations whose standing changed, lists
	// every code they had in date order, the first with the zero date
	// (the Taliban: AFGGOV, then AFGREB from 2001-11-13, AFGGOV again from
	// 2021-08-15); Code and Sector are the last one's. Nil when the code
	// never changed.
	Changes []OrgChange
}

// OrgChange is a code an organization took on a date: an armed group that
// became a government, a government that fell to rebellion.
type OrgChange struct {
	From   time.Time
	Code   string
	Sector string
}

// On gives the organization's CAMEO code and sector on a date; the zero
// date means today.
func (o *Org) On(at time.Time) (code, sector string) {
	code, sector = o.Code, o.Sector
	if at.IsZero() {
		return code, sector
	}
	for _, c := range o.Changes {
		if at.Before(c.From) {
			break
		}
		code, sector = c.Code, c.Sector
	}
	return code, sector
}

// AgentKind says whether an agent noun names one person or a group.
type AgentKind string

// Agent kinds.
const (
	Person AgentKind = "person"
	Group  AgentKind = "group"
)

// Agent is a role noun or title: one row of agents.tsv.
type Agent struct {
	// Phrase is the singular form in lower case; Plurals holds plural and
	// variant forms, also in lower case.
	Phrase  string
	Plurals []string
	// Sector is a CAMEO sector code, possibly compound ("GOVMIL").
	Sector string
	// Role is a short label for output ("foreign minister").
	Role string
	Kind AgentKind
	// Prefix is set for a dictionary agent written CODE~ (NGO~): its code
	// goes before its owner's instead of after.
	Prefix bool
}

// Region is a region, sea, strait or disputed area: one row of places.tsv.
type Region struct {
	Name    string
	Aliases []string
	// Country is an ISO3 code, "" for international or contested areas.
	Country string
	// Kind is region, province, city, sea, strait, gulf, ocean, peninsula,
	// disputed or zone.
	Kind     string
	Lat, Lon float64
}

// KB is a loaded knowledge base. It is immutable after Load and safe for
// concurrent use; the slices its methods return must not be modified.
type KB struct {
	countries []Country
	metonyms  []Metonym
	orgs      []Org
	agents    []Agent
	regions   []Region
	policy    []policyRule
	common    map[string]bool // surnames too common to name an official alone
	people    []Official

	byCode, byISO3, byISO2 map[string]int
	orgByID                map[string]int
	agentByForm            map[string]int
	regionByName           map[string]int
	personByName           map[string]int

	officialGender, givenGender map[string]Gender

	surnameOnce sync.Once
	bySurname   map[string][]int

	matcherOnce sync.Once
	matcher     *Matcher
}

// Load parses the tables embedded in the package.
func Load() (*KB, error) { return load(tables) }

// load parses the tables from fsys; tests feed it broken tables.
func load(fsys fs.FS) (*KB, error) {
	read := func(name string) ([]byte, error) {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("kb: read %s: %w", name, err)
		}
		return b, nil
	}
	k := &KB{}
	steps := []struct {
		file  string
		parse func(*KB, string, []byte) error
	}{
		{"countries.tsv", (*KB).parseCountries},
		{"metonyms.tsv", (*KB).parseMetonyms},
		{"organizations.tsv", (*KB).parseOrgs},
		{"agents.tsv", (*KB).parseAgents},
		{"places.tsv", (*KB).parseRegions},
		{"ambiguous.tsv", (*KB).parsePolicy},
		{"gender.tsv", (*KB).parseOfficialGenders},
		{"givennames.tsv", (*KB).parseGivenNames},
	}
	for _, s := range steps {
		b, err := read(s.file)
		if err != nil {
			return nil, err
		}
		if err := s.parse(k, s.file, b); err != nil {
			return nil, err
		}
	}
	if err := k.parsePeople(fsys); err != nil {
		return nil, err
	}
	return k, nil
}

// Countries returns every country and territory, sorted by ISO3.
func (k *KB) Countries() []Country { return k.countries }

// CommonSurname reports whether ambiguous.tsv lists surname as shared by so
// many people in the news that, alone, it names an official only once the
// story introduced them or after a title ("Kim", "Santos", "Harris").
func (k *KB) CommonSurname(surname string) bool { return k.common[surname] }

// Metonyms returns the metonyms, sorted by country and phrase.
func (k *KB) Metonyms() []Metonym { return k.metonyms }

// Orgs returns the organizations in table order.
func (k *KB) Orgs() []Org { return k.orgs }

// Agents returns the agent nouns in table order.
func (k *KB) Agents() []Agent { return k.agents }

// Regions returns the regions in table order.
func (k *KB) Regions() []Region { return k.regions }

// CountryByCode returns the country with the CAMEO code ("KSV", "USA").
func (k *KB) CountryByCode(code string) (*Country, bool) { return k.country(k.byCode, code) }

// CountryByISO3 returns the country with the ISO 3166-1 alpha-3 code.
func (k *KB) CountryByISO3(iso3 string) (*Country, bool) { return k.country(k.byISO3, iso3) }

// CountryByISO2 returns the country with the ISO 3166-1 alpha-2 code.
func (k *KB) CountryByISO2(iso2 string) (*Country, bool) { return k.country(k.byISO2, iso2) }

func (k *KB) country(m map[string]int, key string) (*Country, bool) {
	i, ok := m[key]
	if !ok {
		return nil, false
	}
	return &k.countries[i], true
}

// OrgByID returns the organization with the given ID ("UNSC").
func (k *KB) OrgByID(id string) (*Org, bool) {
	i, ok := k.orgByID[id]
	if !ok {
		return nil, false
	}
	return &k.orgs[i], true
}

// AgentFor returns the agent whose singular or plural form is phrase, in
// any ASCII letter case ("Foreign Ministers").
func (k *KB) AgentFor(phrase string) (*Agent, bool) {
	i, ok := k.agentByForm[strings.ToLower(phrase)]
	if !ok {
		return nil, false
	}
	return &k.agents[i], true
}

// RegionByName returns the region with the given name or alias.
func (k *KB) RegionByName(name string) (*Region, bool) {
	i, ok := k.regionByName[name]
	if !ok {
		return nil, false
	}
	return &k.regions[i], true
}

// Matcher returns the dictionary matcher over all names in k, building it
// on first use.
func (k *KB) Matcher() *Matcher {
	k.matcherOnce.Do(func() { k.matcher = newMatcher(k) })
	return k.matcher
}
