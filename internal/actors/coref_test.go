package actors

import (
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/places"
)

// analyzeParsed runs the language layer, places and actors on text
// published on date (YYYY-MM-DD, or "" for none).
func analyzeParsed(t testing.TB, k *kb.KB, text, date string) *dyad.Document {
	t.Helper()
	an, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	a := &dyad.Article{Text: text}
	if date != "" {
		if a.Date, err = time.Parse(time.DateOnly, date); err != nil {
			t.Fatal(err)
		}
	}
	doc := dyad.NewDocument(a)
	for _, s := range []dyad.Stage{an, places.New(k), New(k)} {
		if err := s.Process(doc); err != nil {
			t.Fatal(err)
		}
	}
	return doc
}

// describeAll lists the top-level mentions as "text=CODE(kind)", joining
// the codes of a mention that stands for several actors with "+".
func describeAll(doc *dyad.Document) string {
	var out []string
	end := -1
	for _, m := range doc.Mentions {
		if m.Start < end {
			continue
		}
		end = m.End
		var codes []string
		for _, ai := range append([]int{m.Actor}, m.Also...) {
			codes = append(codes, doc.Actors[ai].Code)
		}
		out = append(out, m.Text+"="+strings.Join(codes, "+")+"("+doc.Actors[m.Actor].Kind+")")
	}
	return strings.Join(out, " ")
}

func TestOfficialsAndCoreference(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, date, text, want string
	}{
		// A nationality as a bare singular subject is a surname.
		{"a bare nationality subject is a name", "2016-06-01", "Cuban also said he supports the plan of France.",
			"France=FRA(country)"},
		// An object pronoun is not its own clause's subject.
		{"him is not the subject of his clause", "2016-06-01", "Benjamin Netanyahu rejects Joe Biden's remarks but will meet with him.",
			"Benjamin Netanyahu=ISRGOV(person) Joe Biden=USAGOV(person) him=USAGOV(person)"},
		// Organizations whose standing changed, coded for the article's date.
		{"insurgents before they took power", "2019-07-01", "The Taliban attacked a checkpoint in Kandahar.",
			"Taliban=AFGREB(group)"},
		{"the same group in power", "2023-07-01", "The Taliban closed the schools.", "Taliban=AFGGOV(group)"},
		{"undated: today's standing", "", "The Taliban closed the schools.", "Taliban=AFGGOV(group)"},
		// "its" before a role in what a country says is the sayer's.
		{"its in what a country says is the sayer's", "", "Chile denied Peru's accusation and said its troops did not cross the border.",
			"Chile=CHL(country) Peru=PER(country) troops=CHLMIL(agent)"},
		{"its elsewhere is the country named last", "", "Chile criticized Peru for its troops.",
			"Chile=CHL(country) Peru=PER(country) troops=PERMIL(agent)"},
		{"a subject it is the last sentence's subject", "", "Chile's defense ministry said its troops had struck sites used by the Peruvian army. It denied hitting homes.",
			"Chile's defense ministry=CHLGOVMIL(agent) troops=CHLMIL(agent) Peruvian army=PERMIL(agent) It=CHLGOVMIL(agent)"},
		{"the bloc is the organization named last", "", "The EU imposed sanctions on Iran. Ukraine urged the bloc to act.",
			"EU=IGOEUREEC(organization) Iran=IRN(country) Ukraine=UKR(country) the bloc=IGOEUREEC(organization)"},
		{"the group is the armed group named last", "", "Hamas fired rockets at Israel. The group said it would fight on.",
			"Hamas=PSEREBHMS(group) Israel=ISR(country) The group=PSEREBHMS(group) it=PSEREBHMS(group)"},
		{"the group of an of-phrase is no reference", "", "NATO met Japan. The group of seven met later.",
			"NATO=IGOWSTNAT(organization) Japan=JPN(country)"},
		// The speaker after a quote is not whom the quote names.
		{"he after a quote is not in the quote", "2016-06-01", `Benjamin Netanyahu spoke in Jerusalem. "If Joe Biden wins, I will meet him," he said.`,
			"Benjamin Netanyahu=ISRGOV(person) Joe Biden=USAGOV(person) him=USAGOV(person) he=ISRGOV(person)"},
		// A list ends on "and": a comma between clauses joins no group.
		{"a comma between clauses is no list", "", "Protesters clashed with police outside the Serbian parliament. As they tried to storm parliament, police in response fired tear gas at them.",
			"Protesters=OPP(agent) police=COP(agent) Serbian parliament=SRBLEG(agent) they=OPP(agent) parliament=SRBLEG(agent) police=COP(agent) them=OPP(agent)"},
		// An acronym in parentheses names the actor before it.
		{"an acronym after a name is that actor's", "", "Chile's Joint Chiefs of Staff (JCS) said Peru fired a missile. The JCS said it fell at sea.",
			"Chile's Joint Chiefs of Staff=CHLMIL(agent) JCS=CHLMIL(agent) Peru=PER(country) JCS=CHLMIL(agent) it=CHLMIL(agent)"},
		{"an acronym is not a place's inside a longer name", "", "The Catholic Bishops Conference of the Philippines (CBCP) spoke. The CBCP said it would help.",
			"Philippines=PHL(country) CBCP=(organization) CBCP=(organization) it=(organization)"},
		// A role noun the tagger reads as no noun is no role.
		{"an adjective alone is no role", "", "Chile said the vote was official and that it would not be so firm.",
			"Chile=CHL(country) it=CHL(country)"},
		{"a noun the tagger slips on stays a role", "", "Chile said it would modernize its military, and protesters' demands grew.",
			"Chile=CHL(country) it=CHL(country) military=CHLMIL(agent) protesters=OPP(agent)"},
		{"them after a plural thing is the thing", "", "Peru hosted protesters and praised them. The protesters denied the allegations and labeled them as lies.",
			"Peru=PER(country) protesters=OPP(agent) them=OPP(agent) protesters=OPP(agent)"},
		// A body named without an owner is the one the story just named.
		{"the ministry named before, not the story country's", "", "Poland expelled Russian diplomats in Warsaw and Gdansk. Russia's foreign ministry denied it. The ministry said it would answer.",
			"Poland=POL(country) Russian diplomats=RUSGOV(agent) Russia's foreign ministry=RUSGOV(agent) ministry=RUSGOV(agent) it=RUSGOV(agent)"},
		{"no body named before", "", "Poland expelled Russian diplomats in Warsaw and Gdansk. The ministry said it would answer.",
			"Poland=POL(country) Russian diplomats=RUSGOV(agent) ministry=POLGOV(agent) it=POLGOV(agent)"},
		// Officials of the knowledge base, coded for the article's date.
		{"a story of no places is the country of the officials it names", "2020-03-01",
			"Narendra Modi thanked the finance minister. Later Narendra Modi praised the police.",
			"Narendra Modi=INDGOV(person) finance minister=INDGOV(agent) Narendra Modi=INDGOV(person) police=INDCOP(agent)"},
		{"one official is not enough", "2020-03-01", "Narendra Modi praised the police.",
			"Narendra Modi=INDGOV(person) police=COP(agent)"},
		{"full name in office", "2023-05-02", "Antony Blinken met Japan's foreign minister.",
			"Antony Blinken=USAGOV(person) Japan's foreign minister=JPNGOV(agent)"},
		{"legislative leader", "2020-03-01", "Nancy Pelosi criticized Japan.",
			"Nancy Pelosi=USALEG(person) Japan=JPN(country)"},
		{"territory's head of government", "2019-08-01", "Chief Executive Carrie Lam met Japan's foreign minister.",
			"Chief Executive Carrie Lam=HKGGOV(person) Japan's foreign minister=JPNGOV(agent)"},
		{"former IGO head", "2023-05-02", "Ban Ki-moon criticized Japan.",
			"Ban Ki-moon=KORELI(person) Japan=JPN(country)"},
		{"title and surname", "2022-03-01", "Secretary Blinken called Japan.",
			"Secretary Blinken=USAGOV(person) Japan=JPN(country)"},
		{"title, country and surname", "2022-03-01", "U.S. Secretary of State Blinken called Japan.",
			"U.S. Secretary of State Blinken=USAGOV(person) Japan=JPN(country)"},
		{"same person, other office", "2012-06-01", "Biden visited Japan.",
			"Biden=USAGOV(person) Japan=JPN(country)"},
		{"bare surname out of office, a person for the recognizer", "2026-06-01", "Blinken visited Japan.",
			"Blinken=USAELI(person) Japan=JPN(country)"},
		{"title names a former holder", "2023-06-01", "President Trump criticized Japan.",
			"President Trump=USAELI(person) Japan=JPN(country)"},
		{"month is not a surname", "2017-05-03", "In May, Japan protested.", "Japan=JPN(country)"},
		{"month-like surname after title", "2017-05-03", "Prime Minister May protested.",
			"Prime Minister May=GBRGOV(person)"},
		{"surname after full name", "2017-05-03", "Theresa May arrived. May then left.",
			"Theresa May=GBRGOV(person) May=GBRGOV(person)"},
		{"surname inside another name", "2023-05-02", "Sarah Blinken Jones met Japan.", "Sarah Blinken Jones=(person) Japan=JPN(country)"},
		{"where clause", "", "The president will visit Japan, where he will meet Prime Minister Haruto Sakamoto.",
			"president=GOV(agent) Japan=JPN(country) he=GOV(agent) Prime Minister Haruto Sakamoto=JPNGOV(person)"},
		{"pro and anti", "", "Pro-Russian separatists and anti-government protesters clashed.",
			"separatists=REB(agent) protesters=OPP(agent)"},
		{"backed is a modifier", "", "Russia-backed fighters met U.S.-led forces.",
			"fighters=UAF(agent) U.S.-led forces=USAMIL(agent)"},
		{"a name only the recognizer knows", "", "Maria Lopez criticized France. Lopez said she was tired.",
			"Maria Lopez=(person) France=FRA(country) Lopez=(person) she=(person)"},
		{"a recognized name after an owner and a title", "", "WFP regional director Amira Haddad warned Israel.",
			"WFP=IGOUNOWFP(organization) Amira Haddad=IGOUNOWFP(person) Israel=ISR(country)"},
		// Countries that are also given names.
		{"country as given name", "", "Jordan Peterson spoke on Monday.", ""},
		{"country as surname", "", "Fans cheered Michael Jordan loudly.", "Michael Jordan=(person)"},
		{"country acts", "", "Jordan criticized Israel.", "Jordan=JOR(country) Israel=ISR(country)"},
		{"an abbreviation or a portfolio is no name", "", "Kenya will hold US Commerce Secretary Jane Mbeki accountable. Jordan Trade Minister Omar Haddad left.",
			"Kenya=KEN(country) US Commerce Secretary Jane Mbeki=USAGOV(person) Jordan Trade Minister Omar Haddad=JORGOV(person)"},
		{"headline title case", "", "Jordan Warns Israel Over Gaza Strikes", "Jordan=JOR(country) Israel=ISR(country)"},
		{"Georgia the country", "", "Georgia accused Russia.", "Georgia=GEO(country) Russia=RUS(country)"},
		{"Georgia the state", "", "Georgia's Republican governor criticized China.", "governor=GOV(agent) China=CHN(country)"},
		{"Georgia after a city", "", "Protesters gathered in Savannah, Georgia, on Monday.", "Protesters=OPP(agent)"},
		{"Niger is not Nigeria", "", "Niger and Nigeria met.", "Niger=NER(country) Nigeria=NGA(country)"},
		{"turkey the bird", "", "Officials ate turkey.", "Officials=GOV(agent)"},
		// Pronouns.
		{"he is the subject", "2023-05-02", "Antony Blinken met Japanese officials. He criticized China.",
			"Antony Blinken=USAGOV(person) Japanese officials=JPNGOV(agent) He=USAGOV(person) China=CHN(country)"},
		{"she is the woman", "2018-03-01", "Emmanuel Macron met Theresa May. She criticized Russia.",
			"Emmanuel Macron=FRAGOV(person) Theresa May=GBRGOV(person) She=GBRGOV(person) Russia=RUS(country)"},
		{"he by given name", "", "Polish Prime Minister Anna Kowalska met Czech Foreign Minister Piotr Nowak. He criticized Russia.",
			"Polish Prime Minister Anna Kowalska=POLGOV(person) Czech Foreign Minister Piotr Nowak=CZEGOV(person) He=CZEGOV(person) Russia=RUS(country)"},
		{"he is one member of a group, not a plural role", "", "Police shot a protester in Paris. A police officer faced protesters; he drew his pistol.",
			"Police=COP(agent) protester in Paris=FRAOPP(agent) police officer=COP(agent) protesters=OPP(agent) he=COP(agent) his=COP(agent)"},
		{"it is an organization", "", "NATO met in Brussels. It condemned Russia.",
			"NATO=IGOWSTNAT(organization) It=IGOWSTNAT(organization) Russia=RUS(country)"},
		{"empty it", "", "NATO met in Brussels. It is unclear what Russia wants.",
			"NATO=IGOWSTNAT(organization) Russia=RUS(country)"},
		{"they is the compound", "", "The Secretary of State and the Defense Secretary arrived. They met Japan's prime minister.",
			"Secretary of State=GOV(agent) Defense Secretary=GOVMIL(agent) They=GOV+GOVMIL(agent) Japan's prime minister=JPNGOV(agent)"},
		{"they is a plural agent", "", "Protesters marched in Paris. They blocked roads.",
			"Protesters=OPP(agent) They=OPP(agent)"},
		// Definite descriptions.
		{"the secretary", "2023-05-02", "Antony Blinken arrived in Seoul. The secretary praised South Korea.",
			"Antony Blinken=USAGOV(person) secretary=USAGOV(person) South Korea=KOR(country)"},
		{"the ministers", "2023-11-02", "Antony Blinken met Yoko Kamikawa. The ministers praised NATO.",
			"Antony Blinken=USAGOV(person) Yoko Kamikawa=JPNGOV(person) ministers=USAGOV+JPNGOV(person) NATO=IGOWSTNAT(organization)"},
		{"counterpart", "2023-05-02", "Antony Blinken met his South Korean counterpart in Seoul.",
			"Antony Blinken=USAGOV(person) South Korean counterpart=KORGOV(agent)"},
		{"the two allies", "", "Japan and South Korea held talks. The two Asian allies condemned North Korea.",
			"Japan=JPN(country) South Korea=KOR(country) The two Asian allies=JPN+KOR(country) North Korea=PRK(country)"},
		{"allies of a person's country", "2023-05-02", "Secretary Blinken met his South Korean counterpart. The two allies condemned North Korea.",
			"Secretary Blinken=USAGOV(person) South Korean counterpart=KORGOV(agent) The two allies=USA+KOR(country) North Korea=PRK(country)"},
		{"the two who act are the two people named last", "2024-03-01", "Japan and Chile agreed. Antony Blinken met Yoko Kamikawa before the two signed a pact.",
			"Japan=JPN(country) Chile=CHL(country) Antony Blinken=USAGOV(person) Yoko Kamikawa=JPNGOV(person) the two=USAGOV+JPNGOV(person)"},
		{"a third person inside a quotation is one it names, not its speaker", "2023-05-02", `Secretary Blinken said, "Prime Minister Kishida holds the power in his hands."`,
			"Secretary Blinken=USAGOV(person) Prime Minister Kishida=JPNGOV(person) his=JPNGOV(person)"},
		{"a subject it names the thing an actor qualifies", "", "Kenya backed the Uganda plan when it came up for a vote. Kenya said it would vote.",
			"Kenya=KEN(country) Uganda=UGA(country) Kenya=KEN(country) it=KEN(country)"},
		{"both countries", "", "Japan criticized China. Both countries later met.",
			"Japan=JPN(country) China=CHN(country) Both countries=JPN+CHN(country)"},
		{"the pair the story named before the countries named last", "", "Chile and Peru agreed to reopen the border. Bolivia welcomed it. Brazil praised both countries.",
			"Chile=CHL(country) Peru=PER(country) Bolivia=BOL(country) Brazil=BRA(country) both countries=CHL+PER(country)"},
		{"both governments are no role of the story's country", "", "Chile and Peru agreed in Lima to reopen the border near Tacna. Brazil praised both governments.",
			"Chile=CHL(country) Peru=PER(country) Brazil=BRA(country) both governments=CHL+PER(country)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyzeParsed(t, k, tt.text, tt.date)
			if got := describeAll(doc); got != tt.want {
				t.Errorf("%q (%s)\n got %s\nwant %s", tt.text, tt.date, got, tt.want)
			}
			for _, a := range doc.Actors {
				if a.Name == "" || len(a.Mentions) == 0 || a.Text != a.Mentions[0].Text {
					t.Errorf("actor %+v: no name, no mentions or text is not its first mention", a)
				}
			}
		})
	}
}

// TestOfficialFields checks every field an official's actor carries.
func TestOfficialFields(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := analyzeParsed(t, k, "Secretary of State Antony Blinken met reporters. Blinken said little.", "2022-03-01")
	if len(doc.Actors) == 0 {
		t.Fatal("no actors")
	}
	a := doc.Actors[0]
	if a.Name != "Antony Blinken" || a.Text != "Secretary of State Antony Blinken" || a.Code != "USAGOV" ||
		a.Country != "USA" || a.Sector != "GOV" || a.Kind != "person" || a.Role != "foreign minister" ||
		!strings.HasPrefix(a.Source, "g7.tsv:") || len(a.Mentions) != 2 || a.Mentions[1].Text != "Blinken" {
		t.Errorf("actor %+v", a)
	}
}

// TestParsedRoles covers the rules that need the tagger and the entity
// recognizer: modifiers between an owner and its role, and a name whose
// role follows it in apposition.
func TestParsedRoles(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, want string }{
		{"The talks were led by a US peace envoy.", "US peace envoy=USAGOV(agent)"},
		{"Russia says troops left.", "Russia=RUS(country) troops=MIL(agent)"},
		{"Talks began with Tomas Varga, the foreign minister of Chile, on Monday.",
			"Tomas Varga=CHLGOV(agent) foreign minister of Chile=CHLGOV(agent)"},
		{"Members of the parliament of Chile protested.", "Members of the parliament of Chile=CHLLEG(agent)"},
		{"Members of the House of Commons walked out.", "Members of the House of Commons=LEG(agent)"},
		{"Rallies were held in Boston and in Chicago. The House passed the bill.", "House=USALEG(agent)"},
		{"Hamas leader Yahya Haniyeh spoke. Yahya urged calm.", "Hamas leader Yahya Haniyeh=PSEREBHMS(person) Yahya=PSEREBHMS(person)"},
		{"Agnes Martel, a UN rapporteur, spoke. Martel urged calm.",
			"Agnes Martel=IGOUNO(person) UN rapporteur=IGOUNO(person) Martel=IGOUNO(person)"},
		{"Rallies were held in London and in Leeds. Labour MP (Member of Parliament) Tom Watson spoke.",
			"Labour MP (Member of Parliament) Tom Watson=GBRLEG(person)"},
		{"Rallies were held in Boston. The House of Lords passed the bill.", "House of Lords=LEG(agent)"},
		{"Protests spread in Santiago and Valparaiso. Police detained foreign diplomats.",
			"Police=CHLCOP(agent) diplomats=GOV(agent)"},
		{"Tomas Varga, the foreign affairs minister of Chile, spoke.",
			"Tomas Varga=CHLGOV(agent) minister of Chile=CHLGOV(agent)"},
		{"South Korea's National Police Agency named him.", "South Korea's National Police Agency=KORCOP(agent)"},
		{"Ana Ruiz, a spokesperson for the Chilean National Police, spoke.",
			"Ana Ruiz=CHLCOP(person) spokesperson=CHLCOP(person) Chilean National Police=CHLCOP(agent)"},
		{"Rallies were held in Lima and Cusco. Ana Quispe, of the army, spoke.",
			"Ana Quispe=PERMIL(person) army=PERMIL(agent)"},
		{"The Western Mindanao Command said so. Western governments objected.",
			"Western governments=WSTGOV(agent)"},
		{"Rallies were held in Kabul and Herat. Rahim Dost, of the Herat provincial council, spoke. Dost later left.",
			"Rahim Dost=AFGGOV(person) provincial council=AFGGOV(agent) Dost=AFGGOV(person)"},
		{"Chile approved a bill legalising abortion, but it was dismissed by the senate.", "Chile=CHL(country) senate=LEG(agent)"},
		{"Presidents Pierre Lomani of Benin and Jean Okafor of Chad met.",
			"Presidents Pierre Lomani=BENGOV(person) Benin=BEN(country) Jean Okafor=(person) Chad=TCD(country)"},
	} {
		if got := describeAll(analyzeParsed(t, k, tt.text, "")); got != tt.want {
			t.Errorf("%q\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
}
