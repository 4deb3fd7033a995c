package actors

import (
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/dict"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/places"
)

func analyze(t testing.TB, k *kb.KB, text string) *dyad.Document {
	t.Helper()
	return analyzeOn(t, k, text, time.Time{})
}

// analyzeOn is analyze for an article published at (zero for none).
func analyzeOn(t testing.TB, k *kb.KB, text string, at time.Time) *dyad.Document {
	t.Helper()
	doc := dyad.NewDocument(&dyad.Article{Text: text, Date: at})
	for _, s := range []dyad.Stage{lang.Splitter{}, places.New(k), New(k)} {
		if err := s.Process(doc); err != nil {
			t.Fatal(err)
		}
	}
	return doc
}

// describe lists the top-level mentions as "text=CODE(kind)", with
// "CODE+CODE" for a mention that stands for several actors.
func describe(doc *dyad.Document) string {
	var out []string
	end := -1
	for _, m := range doc.Mentions {
		if m.Start < end {
			continue // nested
		}
		end = m.End
		a := doc.Actors[m.Actor]
		code := a.Code
		for _, also := range m.Also {
			code += "+" + doc.Actors[also].Code
		}
		out = append(out, m.Text+"="+code+"("+a.Kind+")")
	}
	return strings.Join(out, " ")
}

func TestActors(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, want string
	}{
		{"country", "France met India.", "France=FRA(country) India=IND(country)"},
		{"possessive role", "France's foreign minister arrived.", "France's foreign minister=FRAGOV(agent)"},
		{"adjective role", "French troops crossed.", "French troops=FRAMIL(agent)"},
		{"its role", "France's foreign minister and its defence minister wrote.",
			"France's foreign minister=FRAGOV(agent) defence minister=FRAGOVMIL(agent)"},
		{"title and name", "South Korean Foreign Minister Kim Ji-ho met Japan.",
			"South Korean Foreign Minister Kim Ji-ho=KORGOV(person) Japan=JPN(country)"},
		{"surname later", "Foreign Minister Kim Ji-ho arrived. Kim spoke.",
			"Foreign Minister Kim Ji-ho=GOV(person) Kim=GOV(person)"},
		{"role of country", "The foreign minister of France spoke.", "foreign minister of France=FRAGOV(agent)"},
		{"role from country", "Soldiers from Chad crossed.", "Soldiers from Chad=TCDMIL(agent)"},
		{"role in country", "Police in Chile detained dozens.", "Police in Chile=CHLCOP(agent)"},
		{"members of an organization", "Members of NATO met.", "Members of NATO=" + natoCode(k) + "(agent)"},
		{"role of several countries", "The ambassadors of France, Germany and Italy met.",
			"ambassadors of France, Germany and Italy=FRAGOV+DEUGOV+ITAGOV(agent)"},
		{"capital acts", "Beijing warned Washington.", "Beijing=CHN(country) Washington=USA(country)"},
		{"capital as place", "Talks were held in Seoul.", ""},
		{"capital aimed at", "North Korea fired shells at Seoul.", "North Korea=PRK(country) Seoul=KOR(country)"},
		{"a spokesperson for a foreign group in a story of another country", "Police in Houston and Dallas arrested two men. Ahmed Karim, a spokesman for the PMF, denied it.",
			"Police=USACOP(agent) Ahmed Karim=IRQUAF(person) spokesman=IRQUAF(person) PMF=IRQUAF(group)"},
		{"role of a described group", "Fighters of the paramilitary Rapid Support Forces attacked displaced people.",
			"Fighters of the paramilitary Rapid Support Forces=SDNREB(agent) displaced people=REF(agent)"},
		{"a counted role joined to an owned one shares its owner", "Talks began in Paris and ended in Lyon. The EU sanctioned eight Iranian officials and three companies.",
			"EU=IGOEUREEC(organization) Iranian officials=IRNGOV(agent) companies=IRNBUS(agent)"},
		{"a capital opening a name is no actor", "Chile joined the Paris Agreement and criticized Paris.", "Chile=CHL(country) Paris=FRA(country)"},
		{"a capital naming an agreement is no actor", "Chile criticized the Paris agreement and the Minsk peace accords.", "Chile=CHL(country)"},
		{"capital drones are fired at", "Russia fired missiles and drones at Kyiv.", "Russia=RUS(country) Kyiv=UKR(country)"},
		{"capital met at", "The envoys met at Seoul.", "envoys=GOV(agent)"},
		{"a surname after a name particle is another person's", "Ali bin Tamim criticized Yemen.", "Yemen=YEM(country)"},
		{"the president of a body unknown is no head of state", "The president of the Harbour Trust met the president of Chile.", "president of Chile=CHLGOV(agent)"},
		{"members of no body are no actor", "Members of the public and members of the Yazidi faith met France.", "France=FRA(country)"},
		{"forces of the market or joined are no troops", "Market forces and political forces hurt Chile. Chile joined forces with Peru. Afghan forces fought.",
			"Chile=CHL(country) Chile=CHL(country) Peru=PER(country) Afghan forces=AFGMIL(agent)"},
		{"capital visited", "The envoys visited Seoul.", "envoys=GOV(agent) Seoul=KOR(country)"},
		{"organization", "NATO condemned the attack.", "NATO=" + natoCode(k) + "(organization)"},
		{"media are not actors", "Reuters reported the clash.", ""},
		{"metonym", "The Kremlin denied it.", "Kremlin=RUSGOV(agent)"},
		{"legislature", "The U.S. Senate rejected the bill.", "U.S. Senate=USALEG(agent)"},
		{"lower house", "The US House passed the bill.", "US House=USALEG(agent)"},
		{"story country", "Thousands marched through Santiago and Valparaiso on Friday. The police arrested dozens.",
			"police=CHLCOP(agent)"},
		{"no story country", "Talks began in Paris and ended in Berlin. The police arrested dozens.", "police=COP(agent)"},
		{"one owner of a list of roles", "Danish troops and officials warned Gondor.", "Danish troops=DNKMIL(agent) officials=DNKGOV(agent)"},
		{"roles sharing an of-phrase", "Lawmakers and officials in Chile protested.",
			"Lawmakers=CHLLEG(agent) officials in Chile=CHLGOV(agent)"},
		{"world region", "European governments and African leaders met.", "European governments=EURGOV(agent) African leaders=AFRGOV(agent)"},
		{"a company named after its role", "Germany banned Iranian airline Mahan Air. Mahan appealed.",
			"Germany=DEU(country) Iranian airline Mahan Air=IRNBUS(agent) Mahan=IRNBUS(agent)"},
		{"the company named before", "Germany banned Iranian airline Mahan Air. The airline appealed.",
			"Germany=DEU(country) Iranian airline Mahan Air=IRNBUS(agent) airline=IRNBUS(agent)"},
		{"agent alone", "Police arrested protesters.", "Police=COP(agent) protesters=" + agentCode(k, "protesters") + "(agent)"},
		{"people noun", "Ukrainians fled.", "Ukrainians=UKR(country)"},
		{"lower-case us", "Let us talk.", ""},
		{"appositive role", "It was led by Milica Jovanovic, a 22-year-old law student.",
			"Milica Jovanovic=EDU(person) student=EDU(person)"},
		{"title, name and country", "President Pierre Lomani of Benin arrived.",
			"President Pierre Lomani=BENGOV(person) Benin=BEN(country)"},
		{"a ranked role keeps its owner", "India summoned Canada's top diplomat in New Delhi.",
			"India=IND(country) Canada's top diplomat=CANGOV(agent)"},
		{"a portfolio between owner and title", "Benin's Education Minister Amadou Toko and Kenyan Trade Secretary Wanjiru Otieno met.",
			"Benin's Education Minister Amadou Toko=BENGOV(person) Kenyan Trade Secretary Wanjiru Otieno=KENGOV(person)"},
		{"a court's level between owner and court", "Kenya asked the Ghana District Court to rule.",
			"Kenya=KEN(country) Ghana District Court=GHAJUD(agent)"},
		{"a role's office is the role", "The Kenyan prosecutor's office charged Uganda.",
			"Kenyan prosecutor=KENJUD(agent) office=KENJUD(agent) Uganda=UGA(country)"},
		{"the Department of State and its spokesperson", "A Department of State spokesperson criticized Iran.",
			"Department of State spokesperson=USAGOV(agent) Iran=IRN(country)"},
		{"whose troops", "Eritrea, whose troops crossed the border, denied it.", "Eritrea=ERI(country) troops=ERIMIL(agent)"},
		{"a diplomat's post after its owner", "Australia recalled its ambassador from Beijing.",
			"Australia=AUS(country) ambassador=AUSGOV(agent) Beijing=CHN(country)"},
		{"an origin before -American", "An Iranian-American businessman and African-American voters spoke.",
			"American=USA(country) American voters=USACVL(agent)"},
		{"two countries before relations", "Russian-American relations soured.", "Russian=RUS(country) American=USA(country)"},
		{"an Islamist is no country", "A French Islamist and two extremists were arrested.",
			"French Islamist=FRAMUS(agent) extremists=FRARAD(agent)"},
		{"intelligence services are spies", "Russian intelligence services and Chinese intelligence officials met.",
			"Russian intelligence services=RUSSPY(agent) Chinese intelligence officials=CHNSPY(agent)"},
		{"a language is no actor", "The party aired a Spanish-language ad.", "party=PTY(agent)"},
		{"role then name after comma", "Brazil's vice president, Roberto Almeida, arrived.",
			"Brazil's vice president=BRAGOV(person) Roberto Almeida=BRAGOV(person)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, k, tt.text)
			if got := describe(doc); got != tt.want {
				t.Errorf("%q\n got %s\nwant %s", tt.text, got, tt.want)
			}
			for _, a := range doc.Actors {
				if a.ID == "" || len(a.Mentions) == 0 {
					t.Errorf("actor %+v has no ID or mentions", a)
				}
				for _, m := range a.Mentions {
					if tt.text[m.Start:m.End] != m.Text {
						t.Errorf("mention %+v span wrong", m)
					}
				}
			}
		})
	}
}

// TestDictionaryActors codes with an invented dictionary: its actors take
// the agents' codes by the dictionaries' rule, after or before their own,
// and only the dictionary's agents give sectors.
func TestDictionaryActors(t *testing.T) {
	base, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	set := &dict.Set{}
	for _, f := range []struct {
		name, data string
		kind       dict.Kind
	}{
		{"t.actors.txt", "NORTHLAND [NRL]\nVALMORA [NRL]\nNORTHLAND_CAPITAL [NRLGOV]\n", dict.KindActors},
		{"t.agents.txt", "CLERIC [~REL]\nGOVERNMENT [~GOV]\nRELIEF_CORPS {} [NGO~]\nPRIME_MINISTER [~GOV]\n", dict.KindAgents},
	} {
		s, errs, err := dict.Parse(f.name, []byte(f.data), f.kind)
		if err != nil || len(errs) > 0 {
			t.Fatalf("%v %v", err, errs)
		}
		set.Actors, set.Agents = append(set.Actors, s.Actors...), append(set.Agents, s.Agents...)
	}
	k := base.WithDictionaries(set)
	for text, want := range map[string]string{
		"A Northland cleric spoke.":                  "Northland cleric=NRLREL(agent)",
		"Northland's government spoke.":              "Northland's government=NRLGOV(agent)",
		"The Northland relief corps spoke.":          "Northland relief corps=NGONRL(agent)",
		"Northland Prime Minister Valmora spoke.":    "Northland Prime Minister Valmora=NRLGOV(person)",
		"The Northland Capital government spoke.":    "Northland Capital government=NRLGOV(agent)",
		"The government of Northland spoke in June.": "government of Northland=NRLGOV(agent)",
		// dyad's own roles span their mentions but take their codes
		// from the dictionary's agents: a militia is no agent there,
		// a deputy prime minister holds PRIME_MINISTER.
		"Northland's militia spoke.":                     "Northland's militia=NRL(agent)",
		"A Relief Corps Northland cleric spoke.":         "Relief Corps Northland=NGONRL(person) cleric=NGONRLREL(agent)",
		"Northland Deputy Prime Minister Valmora spoke.": "Northland Deputy Prime Minister Valmora=NRLGOV(person)",
	} {
		if got := describe(analyze(t, k, text)); got != want {
			t.Errorf("%q\n got %s\nwant %s", text, got, want)
		}
	}
}

func natoCode(k *kb.KB) string {
	o, _ := k.OrgByID("NATO")
	return o.Code
}

func agentCode(k *kb.KB, phrase string) string {
	a, _ := k.AgentFor(phrase)
	return a.Sector
}

// TestSurnameAlsoGivenName checks that a bare surname that is also a given
// name names an official below the top offices only when the table says
// news names them so.
func TestSurnameAlsoGivenName(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, want string }{
		// Abdulqawi Yusuf presided over the ICJ in 2020; "Yusuf" alone is
		// as likely anyone called Yusuf.
		{"Singers such as Yusuf paid tribute to the guitarist.", ""},
		// The table names Tedros by his given name ("^Tedros").
		{"Tedros urged Israel to let aid in.", "Tedros=IGOUNOHLHWHO(person) Israel=ISR(country)"},
	} {
		doc := analyzeOn(t, k, tt.text, time.Date(2020, 10, 7, 0, 0, 0, 0, time.UTC))
		if got := describe(doc); got != tt.want {
			t.Errorf("%q\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
	// Bill Graham left Canada's cabinet in 2006: a Graham the recognizer
	// finds in 2020 is anyone.
	text := "Perhaps more than anyone, Sen. Graham has attacked the voters for their views."
	for _, a := range analyzeParsed(t, k, text, "2020-10-07").Actors {
		if a.Text == "Graham" && a.Code != "" {
			t.Errorf("%q: Graham is %s (%s)", text, a.Code, a.Role)
		}
	}
}

// TestJustices checks the judges of the people tables: a justice is the
// judiciary of the court's country while on it, under any of the court's
// titles, and a common surname alone names none of them.
func TestJustices(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, date, want string }{
		{"Supreme Court Justice Ruth Bader Ginsburg spoke.", "2016-07-13", "Supreme Court Justice Ruth Bader Ginsburg=USAJUD(person)"},
		{"Chief Justice John Roberts spoke.", "2016-07-13", "Chief Justice John Roberts=USAJUD(person)"},
		{"Ruth Bader Ginsburg spoke in 2019.", "2023-05-01", "Ruth Bader Ginsburg=USAELI(person)"},
		{"Jackson spoke.", "2023-05-01", ""},
	} {
		at, _ := time.Parse(time.DateOnly, tt.date)
		if got := describe(analyzeOn(t, k, tt.text, at)); got != tt.want {
			t.Errorf("%q on %s\n got %s\nwant %s", tt.text, tt.date, got, tt.want)
		}
	}
}

// TestStoryActorCodes checks, on parsed stories, rules that decide whether a
// name or a role is an actor: a surname the story gave a person it named in
// full is that person's, not an official's it did not name; a role noun
// after "anti-" is a stance, even after an owner.
func TestStoryActorCodes(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, date, want string }{
		{"The manager of the station, Dr Ali bin Tamim, blamed the rebels. Tamim said the rebels attacked journalists before.",
			"2020-10-07", "rebels=REB journalists=MED Ali bin Tamim="},
		{"Last month, he filed a lawsuit against a German anti-refugee group after its followers threatened him.",
			"2016-05-01", "German=DEU"},
		// A place right before a role is where it belongs, whatever
		// country the story is about.
		{"North Korea tested a bomb. North Korea praised it. The Florida senator said it was bad. Texas's governor agreed.",
			"2016-01-06", "North Korea=PRK senator=USALEG governor=USAGOV"},
		// A name before ", a ... role" is the role's holder only when
		// no clause comes between them, and when it is no place.
		{"The American convoy reached flooded Louisiana, a Baton Rouge newspaper told Democratic candidate Maria Lopez.",
			"2016-01-06", "American=USA candidate Maria Lopez=PTY"},
		// A place the recognizer takes for an organization is still
		// where the role after it is.
		{"The firm agreed to a settlement with the Texas attorney general.", "2016-01-06", "firm=BUS attorney general=USAGOV"},
		// The leaders of a community, a trade or a faith are no
		// government.
		{"American business leaders and Muslim leaders met union leaders.", "2016-01-06",
			"American=USA American business leaders=USABUS Muslim leaders=USAREL union leaders=LAB"},
		// Adjectives between a possessive owner and its role.
		{"Russia's new defense minister met China's outgoing foreign minister.", "2024-06-01",
			"Russia=RUS Russia's new defense minister=RUSGOVMIL China=CHN China's outgoing foreign minister=CHNGOV"},
		// A party adjective makes its country's lawmakers and leaders the
		// party's, not its governors.
		{"The United States votes in Ohio. American voters backed Republican lawmakers, Democratic leaders and a Republican governor.", "2016-07-01",
			"United States=USA American voters=USACVL Republican lawmakers=USALEG Democratic leaders=USAPTY governor=USAGOV"},
		// A specific title before a full name says what an official of
		// a later office was then; a former president stays former.
		{"Senator Marco Rubio criticized President Jimmy Carter.", "2016-01-06", "Senator Marco Rubio=USALEG President Jimmy Carter=USAELI"},
		// Former officials are no longer the state's but its elites.
		{"Former American officials met French former ministers.", "2016-01-06",
			"American=USA American officials=USAELI French=FRA French former ministers=FRAELI"},
		// "Georgia" in a story about American voters is the state.
		{"American voters in Georgia backed the senator. A Georgia lawmaker agreed.",
			"2016-01-06", "American=USA American voters=USACVL senator=USALEG Georgia lawmaker=USALEG"},
	} {
		if got := actorCodes(analyzeParsed(t, k, tt.text, tt.date)); got != tt.want {
			t.Errorf("%q: actors %s, want %s", tt.text, got, tt.want)
		}
	}
	// An official the story names in full keeps the surname.
	text := "Sheikh Tamim bin Hamad Al Thani met the manager, Ali bin Tamim. Tamim said the talks went well."
	found := false
	for _, a := range analyzeParsed(t, k, text, "2020-10-07").Actors {
		for _, m := range a.Mentions {
			if m.Text == "Tamim" && a.Code == "QATGOV" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("%q: the emir named in full lost his surname", text)
	}
}

// actorCodes lists a document's actors as "text=code", in order.
func actorCodes(doc *dyad.Document) string {
	var out []string
	for _, a := range doc.Actors {
		out = append(out, a.Text+"="+a.Code)
	}
	return strings.Join(out, " ")
}

// TestPartiesOfOneCodeAreTwoActors checks that organizations sharing a
// CAMEO code (the Democrats and the Republicans are both USAPTY) stay two
// actors.
func TestPartiesOfOneCodeAreTwoActors(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := analyze(t, k, "Republicans criticized Democrats, and Democrats answered Republicans.")
	var names []string
	for _, a := range doc.Actors {
		names = append(names, a.Name+"="+a.Code)
	}
	if got, want := strings.Join(names, " "), "Republican Party=USAPTY Democratic Party=USAPTY"; got != want {
		t.Errorf("actors %s, want %s", got, want)
	}
}

// TestTitleAndSurnameOfNamedCountry checks that "Mr." and a surname name an
// official only of a country the story names (or any organization's head).
func TestTitleAndSurnameOfNamedCountry(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]string{
		"The memo was sent without asking Mr. Mitchell first.":                        "",
		"Grenada's cabinet met. The memo was sent without asking Mr. Mitchell first.": "Grenada=GRD Grenada's cabinet=GRDGOV Mitchell=GRDGOV",
	} {
		if got := actorCodes(analyzeOn(t, k, text, at)); got != want {
			t.Errorf("%q: actors %q, want %q", text, got, want)
		}
	}
}

// TestPastLeaders checks that the leaders of people/historical.tsv are
// named by title and surname even in a story about another country, as the
// former officials they are on the article's date, and as officials on a
// date of their term.
func TestPastLeaders(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "Mexico and Mexico City welcomed the talks. President Reagan once visited Mexico. Margaret Thatcher praised Mexico."
	for date, want := range map[string]string{"2016-10-01": "USAELI GBRELI", "1985-06-01": "USAGOV GBRGOV"} {
		var got []string
		for _, a := range analyzeParsed(t, k, text, date).Actors {
			if a.Kind == "person" {
				got = append(got, a.Code)
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: %q: people %v, want %s", date, text, got, want)
		}
	}
}

// TestHouseMembers checks that "House members" are the story's lower house,
// and that members of no body are no actor.
func TestHouseMembers(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "The United States and Chile met in Texas. House members criticized the plan. Members of the public and members of the Yazidi faith met on Monday."
	var got []string
	for _, a := range analyzeParsed(t, k, text, "2020-10-07").Actors {
		for _, m := range a.Mentions {
			got = append(got, m.Text+"="+a.Code)
		}
	}
	if want := "United States=USA Chile=CHL House=USALEG"; strings.Join(got, " ") != want {
		t.Errorf("%q: got %v, want %s", text, got, want)
	}
}

// TestStoryCountryFromParties checks that a country's parties count toward
// the country a story happens in: a US story about Iran names Iran more
// often than any American place, but its Senate is the American one.
func TestStoryCountryFromParties(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := analyze(t, k, "Iran tested a missile on Sunday. Iran called the test peaceful, and Iran's neighbours worried. "+
		"Republicans and Democrats in the Senate voted for new sanctions on Iran, and Democrats said the Senate acted fast.")
	for _, m := range doc.Mentions {
		if m.Text == "Senate" {
			if code := doc.Actors[m.Actor].Code; code != "USALEG" {
				t.Errorf("the Senate is %s, want USALEG", code)
			}
			return
		}
	}
	t.Errorf("no mention of the Senate: %s", describe(doc))
}
