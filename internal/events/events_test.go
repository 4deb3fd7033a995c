package events

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/ontology"
	"github.com/dyadproject/dyad/internal/quotes"
	"github.com/dyadproject/dyad/internal/timex"
)

func loadCoder(t testing.TB) *Coder {
	t.Helper()
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := DefaultPatterns(ont)
	if err != nil {
		t.Fatal(err)
	}
	return NewCoder(ps, ont)
}

// code analyzes text in which each key of actors is marked as a mention of
// an actor with that code, and returns the events as "SRC CODE TGT" strings.
func code(t *testing.T, c *Coder, text string, actors map[string]string) ([]string, *dyad.Document) {
	t.Helper()
	doc := dyad.NewDocument(&dyad.Article{Text: text, Date: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	an, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := an.Process(doc); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(actors))
	for n := range actors {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	for _, name := range names {
		idx := len(doc.Actors)
		if testPronouns[name] {
			// A pronoun stands for the actor named before with its code.
			idx = slices.IndexFunc(doc.Actors, func(a dyad.Actor) bool { return a.Code == actors[name] })
		} else {
			a := dyad.Actor{ID: "a" + actors[name] + name, Text: name, Code: actors[name], Kind: "country"}
			if sector, ok := strings.CutPrefix(a.Code, "---"); ok {
				// "---GOV": an agent without a country, as PETRARCH writes it.
				a.Code, a.Sector, a.Kind = sector, sector, "agent"
			}
			doc.Actors = append(doc.Actors, a)
		}
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			s := off + i
			off = s + len(name)
			if testPronouns[name] && (s > 0 && text[s-1] != ' ' || off < len(text) && text[off] != ' ') {
				continue // a pronoun is a whole word
			}
			taken := false
			for _, m := range doc.Mentions {
				if m.Overlaps(dyad.Span{Start: s, End: off}) {
					taken = true
				}
			}
			if !taken {
				kind := ""
				if last := name[strings.LastIndexByte(name, ' ')+1:]; strings.ToLower(last) == last {
					kind = "agent" // a name ending in a lower-case word is a role: "French troops", "ambassador"
				}
				if testCapitals[name] {
					kind = "capital"
				}
				if testPersons[name] {
					kind = "person"
				}
				if testPronouns[name] {
					kind = "pronoun"
				}
				place := -1
				if testProvinces[name] {
					place = len(doc.Places)
					doc.Places = append(doc.Places, dyad.Place{Name: name, Kind: "province", Country: actors[name],
						Mentions: []dyad.MentionRef{{Text: name, Start: s, End: off}}})
				}
				doc.Mentions = append(doc.Mentions, dyad.Mention{Span: dyad.Span{Start: s, End: off}, Text: name, Actor: idx, Place: place, Kind: kind})
			}
		}
	}
	slices.SortFunc(doc.Mentions, func(a, b dyad.Mention) int { return a.Start - b.Start })
	for _, s := range []dyad.Stage{timex.Stage{}, quotes.Stage{}, c} {
		if err := s.Process(doc); err != nil {
			t.Fatal(err)
		}
	}
	var out []string
	for _, e := range doc.Events {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		s := e.Source.Code + " " + e.CAMEO + " " + tgt
		if e.Negated {
			s += " negated"
		}
		if e.Modality != "asserted" {
			s += " " + e.Modality
		}
		out = append(out, s)
	}
	return out, doc
}

// testCapitals are the names that code marks as capitals standing for their
// country, as the actor stage does.
var testCapitals = map[string]bool{"Paris": true}

// testProvinces are the names that code also gives the places layer's
// provinces, standing for their country.
var testProvinces = map[string]bool{"Georgia": true, "Ohio": true}

// testPronouns are the words that code marks as pronouns of the actor
// named before them with the same code.
var testPronouns = map[string]bool{"it": true}

// testPersons are the names that code marks as people.
var testPersons = map[string]bool{"Sanders": true, "Senator Sanders": true}

func TestCoder(t *testing.T) {
	c := loadCoder(t)
	fr, in, au, ru, ua := "FRA", "IND", "AUS", "RUS", "UKR"
	tests := []struct {
		name   string
		text   string
		actors map[string]string
		want   []string
	}{
		{"simple visit", "France visited India on Monday.", map[string]string{"France": fr, "India": in}, []string{"FRA 042 IND"}},
		{"meet with beats meet", "France met with India.", map[string]string{"France": fr, "India": in}, []string{"FRA 040 IND"}},
		{"accuse", "Russia accused Ukraine of shelling.", map[string]string{"Russia": ru, "Ukraine": ua}, []string{"RUS 112 UKR"}},
		{"accuse of aggression", "Ukraine accused Russia of aggression.", map[string]string{"Russia": ru, "Ukraine": ua}, []string{"UKR 1123 RUS"}},
		{"compound source", "France and India condemned Russia.", map[string]string{"France": fr, "India": in, "Russia": ru},
			[]string{"FRA 111 RUS", "IND 111 RUS"}},
		{"compound target", "France praised India and Australia.", map[string]string{"France": fr, "India": in, "Australia": au},
			[]string{"FRA 051 IND", "FRA 051 AUS"}},
		{"gap", "France imposed fresh economic sanctions on Russia.", map[string]string{"France": fr, "Russia": ru}, []string{"FRA 163 RUS"}},
		{"passive with agent", "Ukraine was attacked by Russia.", map[string]string{"Russia": ru, "Ukraine": ua}, []string{"RUS 180 UKR"}},
		{"passive without agent", "Ukraine was attacked overnight.", map[string]string{"Ukraine": ua}, nil},
		{"a politician who interrupts is no protester", "Senator Ruiz interrupted often. Protesters interrupted repeatedly.",
			map[string]string{"Senator Ruiz": "USALEG", "Protesters": "USAOPP"}, []string{"USAOPP 140 -"}},
		{"a past verb keeps its own mood after a future relative clause", "Westmacott, who will retire soon after also serving in Iran, Turkey and France, praised Obama’s presidency in an interview published Saturday.",
			map[string]string{"Westmacott": "GBRGOV", "Obama": "USAGOV"}, []string{"GBRGOV 051 USAGOV"}},
		{"a future in a relative clause on the subject is not the act's", "France, which will host the summit, criticized India. Westmacott, who will retire soon after also serving in Iran, Turkey and France, praised Obama’s presidency in an interview published Saturday.",
			map[string]string{"France": fr, "India": in, "Westmacott": "GBRGOV", "Obama": "USAGOV"}, []string{"FRA 111 IND", "GBRGOV 051 USAGOV"}},
		{"an actor after a preposition and a possessive is no subject", "Acting via his lawyers, Volodoymyr Zhukovskyy, 23, pleaded not guilty on Tuesday to seven counts of homicide in New Hampshire, United States.",
			map[string]string{"lawyers": "USAJUD"}, nil},
		{"an act one is paid or hired to do is not the payer's, nor done", "Russia paid bounties to militants to attack Ukraine. India hired mercenaries to attack France.",
			map[string]string{"Russia": ru, "Ukraine": ua, "India": in, "France": fr, "militants": "UAF", "mercenaries": "UAF"}, nil},
		{"the people a target mention qualifies, named in apposition, before the pattern goes on", "France held two Indian officers, Ravi Kumar and Anil Singh, in contempt.",
			map[string]string{"France": fr, "Indian": in, "Ravi Kumar": "INDMIL", "Anil Singh": "INDMIL"}, []string{"FRA 116 IND"}},
		{"an infinitive after a used or hosted object is the subject's purpose", "Russia used its army to attack Ukraine. France urged India to attack Russia.",
			map[string]string{"Russia": ru, "Ukraine": ua, "France": fr, "India": in}, []string{"RUS 180 UKR", "FRA 020 IND"}},
		{"a passive verb of seeing or saying raises its infinitive's doer", "Russia was seen to attack Ukraine. France is said to have criticized India. Japan was asked to visit Australia. India is believed to have been attacked by Russia.",
			map[string]string{"Russia": ru, "Ukraine": ua, "France": fr, "India": in, "Japan": "JPN", "Australia": au}, []string{"RUS 180 UKR", "FRA 111 IND reported", "RUS 180 IND reported"}},
		{"negation", "Russia did not attack Ukraine.", map[string]string{"Russia": ru, "Ukraine": ua}, []string{"RUS 180 UKR negated"}},
		{"a refused act is negated, not intended", "Russia refused to attack Ukraine.", map[string]string{"Russia": ru, "Ukraine": ua},
			[]string{"RUS 180 UKR negated"}},
		{"a declined act is negated", "France declined to criticize India.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 111 IND negated"}},
		{"an act done without or with no plans is negated", "France left without meeting India. Russia has no plans to either criticize or attack Ukraine.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Ukraine": ua}, []string{"FRA 040 IND negated", "RUS 180 UKR negated"}},
		{"the infinitive of an intent noun is intended", "Japan confirmed its intention to visit India. France repeated its pledge to attack the rebels.",
			map[string]string{"Japan": "JPN", "India": in, "France": fr, "rebels": "MLIREB"}, []string{"JPN 036 IND intended", "FRA 138 MLIREB intended"}},
		{"an appeal to voters may be an attraction", "France's appeal to Indian voters grew. Japan's appeal to India for calm was heard.",
			map[string]string{"France": fr, "Indian voters": "INDCVL", "Japan": "JPN", "India": in}, []string{"JPN 020 IND"}},
		{"a politician captures states, no one seizes them", "Senator Sanders captured Georgia and Ohio. Russia captured Ukraine's Donbas region.",
			map[string]string{"Senator Sanders": "USALEG", "Georgia": "USA", "Ohio": "USA", "Russia": ru, "Ukraine": ua}, []string{"RUS 192 UKR"}},
		{"believing someone did a hostile act accuses them", "Japan believes Russia has attacked Ukraine. France suspects that India had met Japan.",
			map[string]string{"Japan": "JPN", "Russia": ru, "Ukraine": ua, "France": fr, "India": in}, []string{"JPN 112 RUS", "IND 040 JPN"}},
		{"a place after the target is passed when the pattern goes on", "Britain wrote to the French embassy in Madrid asking for help. Japan wrote to India urging a quick reply.",
			map[string]string{"Britain": "GBR", "French embassy": "FRAGOV", "Japan": "JPN", "India": in}, []string{"GBR 020 FRAGOV", "JPN 020 IND"}},
		{"wrecking a country's economy punishes it", "Japan wrecked the economy of India. Russia ruined Ukraine's economy.",
			map[string]string{"Japan": "JPN", "India": in, "Russia": ru, "Ukraine": ua}, []string{"JPN 163 IND", "RUS 163 UKR"}},
		{"a hostile act promised on a condition is a threat, the speaker's", `France said, "If India does anything, we will impose sanctions on India." Russia will impose sanctions on Ukraine if Ukraine joins the alliance.`,
			map[string]string{"France": fr, "India": in, "Russia": ru, "Ukraine": ua}, []string{"FRA 1312 IND", "RUS 1312 UKR"}},
		{"a span of time between a noun and its preposition", "France has increased cooperation in the last few years with India.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 060 IND"}},
		{"a thing received is no visit", "Questions remain how much direct Indian assistance is received by the rebels. France was received by India.",
			map[string]string{"France": fr, "Indian": in, "India": in, "rebels": "MLIREB"}, []string{"IND 043 FRA"}},
		{"what one likes doing is no act", "Russia loves to attack Ukraine. France enjoys criticizing India.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Ukraine": ua}, []string{"RUS 180 UKR hypothetical", "FRA 111 IND hypothetical"}},
		{"a meeting someone arranges is still to come", "The envoy arranged a meeting between France and India.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 036 IND intended", "IND 036 FRA intended"}},
		{"rallying a coalition against one is no protest", "France rallied a broad coalition against India. Japan rallied a broad coalition against the tariffs.",
			map[string]string{"France": fr, "India": in, "Japan": "JPN"}, []string{"FRA 113 IND"}},
		{"the act not chosen is negated", "France stayed home instead of visiting India. Russia met Japan rather than visiting Ukraine.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN", "Ukraine": ua}, []string{"FRA 042 IND negated", "RUS 040 JPN", "RUS 042 UKR negated"}},
		{"an act one was unable to do is negated", "France was unable to meet India.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 040 IND negated"}},
		{"a relative clause after a comma is the actor's that ends the antecedent's phrase", "Ministers raised concern that groups like Hamas, which claimed responsibility for the raids, are sending fighters across the border.",
			map[string]string{"Hamas": "PSEREB"}, []string{"PSEREB 015 -"}},
		{"reluctance is a refusal, wherever the parser hangs its infinitive", "France was reluctant to meet India. The talks did not lead Russia to abandon its deep reluctance to attack Ukraine.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Ukraine": ua}, []string{"FRA 040 IND negated", "RUS 180 UKR negated"}},
		{"the act of a refusal noun is negated", "India said that France's refusal to support Russia was a mistake.",
			map[string]string{"France": fr, "India": in, "Russia": ru}, []string{"FRA 052 RUS negated"}},
		{"releasing what an actor owns frees no one", "France released India's letter to the press.", map[string]string{"France": fr, "India": in}, nil},
		{"a participle before its noun is no act", "France helps recently released prisoners from Iran find homes.",
			map[string]string{"France": fr, "Iran": "IRN"}, nil},
		{"a main verb the parser hangs on its object still acts", "French supporters audibly chanted slogans nearby.",
			map[string]string{"French supporters": "FRAOPP"}, []string{"FRAOPP 140 -"}},
		{"a subject the tagger took for an adjective still acts", "China's military staged large-scale drills around Taiwan on Friday.",
			map[string]string{"China's military": "CHNMIL", "Taiwan": "TWN"}, []string{"CHNMIL 150 TWN"}},
		{"asking a question is no appeal", "France tried to ask India a question about trade.", map[string]string{"France": fr, "India": in}, nil},
		{"a passive conjunct makes the shared subject its patient", "Mugabe founded the party in 1963 but was arrested by Rhodesia in 1964.",
			map[string]string{"Mugabe": "ZWEELI", "Rhodesia": "ZWE"}, []string{"ZWE 173 ZWEELI"}},
		{"a city before an attack is where it happened", "After the Paris terror attacks, France condemned India.",
			map[string]string{"Paris": fr, "France": fr, "India": in}, []string{"FRA 111 IND"}},
		{"calling out is criticism, not a phone call", "France called out India over its trade policy.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 111 IND"}},
		{"helping someone do something is no aid", "France helped India win the vote in the assembly.", map[string]string{"France": fr, "India": in}, nil},
		{"help with no complement is aid", "France helped India after the floods.", map[string]string{"France": fr, "India": in}, []string{"FRA 070 IND"}},
		{"beating a politician in an election is no force, whoever says it", "Voters in Ohio will beat President Lomani at the ballot box.",
			map[string]string{"Voters in Ohio": "USACVL", "President Lomani": "USAGOV"}, nil},
		{"withdrawing from a treaty with a country", "France withdrew from the defence treaty with India.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 160 IND"}},
		{"a reduced relative without a by-phrase names only its patient", "France swapped ten Indian agents arrested in Russia for two of its citizens.",
			map[string]string{"France": fr, "Indian agents": "IND", "Russia": ru}, nil},
		{"meeting with resistance is no meeting", "France's plan met with resistance in the assembly.", map[string]string{"France": fr}, nil},
		{"a political battle is no fight", "France's political battles with India dominated the year.", map[string]string{"France": fr, "India": in}, nil},
		{"a verbal attack is criticism", "France launched a verbal attack on India.", map[string]string{"France": fr, "India": in}, []string{"FRA 111 IND"}},
		{"a visit in one's own country visits no one", "The French president paid a visit to the France-Spain border.",
			map[string]string{"French president": "FRAGOV", "France": fr}, nil},
		{"what an actor should do is hypothetical", "Russia should attack Ukraine, the paper wrote.", map[string]string{"Russia": ru, "Ukraine": ua},
			[]string{"RUS 180 UKR hypothetical"}},
		{"an unresolved you is the subject all the same", "France is angry, and you criticized India.", map[string]string{"France": fr, "India": in}, nil},
		{"only a state grants recognition", "Voters in Ohio recognized India at once.", map[string]string{"Voters in Ohio": "USACVL", "India": in}, nil},
		{"a state recognizes a state", "France recognized India in 1947.", map[string]string{"France": fr, "India": in}, []string{"FRA 054 IND"}},
		{"a condition without if", "Had Russia attacked Ukraine, France would have acted.", map[string]string{"Russia": ru, "Ukraine": ua, "France": fr},
			[]string{"RUS 180 UKR hypothetical"}},
		{"a reduced relative on a subject names its patient", "France said that the men detained could be spies.", map[string]string{"France": fr}, nil},
		{"insisting on a fact is no demand", "France insisted that India was still its closest partner.", map[string]string{"France": fr, "India": in}, nil},
		{"insisting on an act is a demand", "France insisted that India must withdraw its troops.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 100 IND"}},
		{"future visit is intent", "France will visit India next week.", map[string]string{"France": fr, "India": in}, []string{"FRA 036 IND future"}},
		{"due for talks", "France is due in India for talks on Thursday.", map[string]string{"France": fr, "India": in}, []string{"FRA 036 IND"}},
		{"hypothetical", "If Russia attacks Ukraine, sanctions follow.", map[string]string{"Russia": ru, "Ukraine": ua}, []string{"RUS 180 UKR hypothetical"}},
		{"threaten to attack", "Russia threatened to attack Ukraine.", map[string]string{"Russia": ru, "Ukraine": ua}, []string{"RUS 138 UKR"}},
		{"prepositional object is not subject", "In talks with India, France praised Australia.", map[string]string{"France": fr, "India": in, "Australia": au},
			[]string{"FRA 046 IND", "FRA 051 AUS"}}, // the talks are France's, the verb's subject
		{"no target actor", "France visited the factory.", map[string]string{"France": fr}, nil},
		{"no source", "Troops attacked Ukraine.", map[string]string{"Ukraine": ua}, nil},
		{"target-less pattern", "Protesters in India took to the streets.", map[string]string{"India": in}, nil},
		{"relative clause between subject and verb", "France, which has long courted India, praised Australia.",
			map[string]string{"France": fr, "India": in, "Australia": au}, []string{"FRA 051 AUS"}},
		{"after opens a clause with its subject", "The talks began two weeks after the United States threatened to impose tariffs on Mexico.",
			map[string]string{"United States": "USA", "Mexico": "MEX"}, []string{"USA 1312 MEX"}},
		{"calling an act a name is no phone call", "France called India's decision a mistake.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 111 IND"}},
		{"a phone call", "France called India on Monday.", map[string]string{"France": fr, "India": in}, []string{"FRA 041 IND"}},
		{"calling someone a name is no phone call", `France called India "a bully" on Monday.`,
			map[string]string{"France": fr, "India": in}, nil},
		{"long names joined by and are one subject", "On October 6, US President Donald Trump and Turkish President Recep Tayyip Erdogan spoke on the phone.",
			map[string]string{"US President Donald Trump": "USAGOV", "Turkish President Recep Tayyip Erdogan": "TURGOV"},
			[]string{"USAGOV 041 TURGOV", "TURGOV 041 USAGOV"}},
		{"sport is discarded", "India beat Pakistan by six wickets in the final.", map[string]string{"India": in, "Pakistan": "PAK"}, nil},
		{"an act pressed on another is not done", "France pressured India to sanction Russia.", map[string]string{"France": fr, "India": in, "Russia": ru},
			[]string{"FRA 100 IND"}},
		{"an act asked of another is not done", "France urged India to sanction Russia.", map[string]string{"France": fr, "India": in, "Russia": ru},
			[]string{"FRA 020 IND"}},
		{"control verb lends its subject", "France agreed on Monday to visit India.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 036 IND intended"}},
		{"possessor of a nominal trigger", "Ukraine condemned Russia's invasion of Ukraine.", map[string]string{"Russia": ru, "Ukraine": ua},
			[]string{"UKR 111 RUS", "RUS 190 UKR"}},
		{"a nominal pattern opening on an adjective has no subject for doer", "France spoke out after a lone-wolf attack on India.",
			map[string]string{"France": fr, "India": in}, nil},
		{"nested match is part of the longer one", "France held talks with India.", map[string]string{"France": fr, "India": in}, []string{"FRA 046 IND"}},
		{"reduced relative is no event", "A statement released by India praised France.", map[string]string{"France": fr, "India": in}, nil},
		{"reduced relative with a determiner", "France cited a statement released by the Indian government.", map[string]string{"France": fr, "Indian government": in}, nil},
		{"the same country twice with one code", "France met India in Delhi and met the Indian government.",
			map[string]string{"France": fr, "India": in, "Indian government": "INDGOV"}, []string{"FRA 040 INDGOV"}},
		{"compound subject of a statement is not reciprocal", "France and India declined to comment.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 011 -", "IND 011 -"}},
		{"a possessive pronoun is no target", "France welcomed their decision.",
			map[string]string{"France": fr, "their": "XXX"}, nil},
		{"passive subject needs a passive auxiliary", "France had spoken by phone with India.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 041 IND"}},
		{"quote speaker is source", `"We will attack Ukraine," Russia said.`, map[string]string{"Russia": ru, "Ukraine": ua}, []string{"RUS 138 UKR future"}},
		{"a verb pattern does not fire on a noun", "Police found a live round on India.", map[string]string{"Police": "INDCOP", "India": in}, nil},
		{"the owner of the act is the target", "Russia attacked the proclamation by Ukraine.", map[string]string{"Russia": ru, "Ukraine": ua},
			[]string{"RUS 111 UKR"}},
		{"the target owns what the pattern goes on with", "France questioned India's authority.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 111 IND"}},
		{"adjectives of the target's own noun are its phrase", "France praised the outgoing Indian prime minister.",
			map[string]string{"France": fr, "prime minister": "INDGOV"}, []string{"FRA 051 INDGOV"}},
		{"working together is with the others of a compound subject, or no one", "France and India agreed to work together. Russia said it would work together.",
			map[string]string{"France": fr, "India": in, "Russia": ru}, []string{"FRA 032 IND intended", "IND 032 FRA intended"}},
		{"a day or an adverb between the verb and its preposition", "France met separately with India. Russia called on Monday for Ukraine to surrender. Japan fired back at Australia.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Ukraine": ua, "Japan": "JPN", "Australia": au}, []string{"FRA 040 IND", "RUS 020 UKR"}},
		{"questioning one's honesty criticizes, one's sincerity disapproves", "France questioned India's veracity. Russia questioned the integrity of Ukraine. Australia questioned Russia's sincerity.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Ukraine": ua, "Australia": au}, []string{"FRA 111 IND", "RUS 111 UKR", "AUS 110 RUS"}},
		{"a denial answers the latest accusation", "India accused France of spying. France rejected the accusations on Monday.",
			map[string]string{"France": fr, "India": in}, []string{"IND 1125 FRA", "FRA 016 IND"}},
		{"a denial of no accusation has no target", "France rejected the accusations.", map[string]string{"France": fr}, []string{"FRA 016 -"}},
		{"would after a verb of saying is the future", "France announced that it would visit India.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 036 IND future"}},
		{"a coordinated subject with the", "Both India and the United States accused Russia of aggression.",
			map[string]string{"India": in, "United States": "USA", "Russia": ru}, []string{"IND 1123 RUS", "USA 1123 RUS"}},
		{"a gerund clause shares its head's subject", "France responded by expelling India's ambassador.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 161 IND"}}, // expelling diplomats is 161 in CAMEO
		{"a relative clause on a thing has no actor subject", "India praised Russia. France cited a measure that bans Russia.",
			map[string]string{"France": fr, "India": in, "Russia": ru}, []string{"IND 051 RUS"}},
		{"talks under a future verb are intended", "France will fly to Delhi for talks with India.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 036 IND future"}},
		{"a claim beside the attack", "Russia said it had carried out the attack.", map[string]string{"Russia": ru, "it": ru},
			[]string{"RUS 015 -", "RUS 180 -"}},
		{"a reaction to the act the story reported", "Russia fired a missile into the sea. India condemned the launch on Monday.",
			map[string]string{"Russia": ru, "India": in}, []string{"RUS 150 -", "IND 111 RUS"}},
		{"a reaction to an act of no one named is no event", "India condemned the launch on Monday.",
			map[string]string{"India": in}, nil},
		{"a reaction to an owned act", "India condemned Russia's strikes on Ukraine.",
			map[string]string{"India": in, "Russia": ru, "Ukraine": ua}, []string{"IND 111 RUS", "RUS 195 UKR"}},
		{"a hyphenated word is one word of a gap", "Russia launched a two-week joint military exercise.",
			map[string]string{"Russia": ru}, []string{"RUS 150 -"}},
		{"a denial of an owned accusation", "Pakistan on Sunday denied India's accusation.",
			map[string]string{"Pakistan": "PAK", "India": in}, []string{"PAK 016 IND"}},
		{"a sum is no word of a gap", "France pledged $300 million in emergency aid to India.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 0333 IND"}},
		{"a conjunct under an intent verb is intended", "France and India agreed on Monday to expand trade and to hold joint military drills.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 0312 IND intended", "IND 0312 FRA intended"}},
		{"a visited capital is its country", "France visited Delhi.", map[string]string{"France": fr, "Delhi": in}, []string{"FRA 042 IND"}},
		{"modifiers between and and a name", "France held talks between India and newly elected Australia.",
			map[string]string{"France": fr, "India": in, "Australia": au}, []string{"IND 040 AUS", "AUS 040 IND"}},
		{"a list of targets with its preposition repeated", "France held talks in Paris with India and with Australia.",
			map[string]string{"France": fr, "India": in, "Australia": au}, []string{"FRA 046 IND", "FRA 046 AUS"}},
		{"an alias in parentheses keeps the list going", "Turkey named both the Northern Party (NP) and the Southern Front (SF) as terrorists.",
			map[string]string{"Turkey": "TUR", "Northern Party": "TURREB", "NP": "TURREB", "Southern Front": "SYRREB", "SF": "SYRREB"},
			[]string{"TUR 112 TURREB", "TUR 112 SYRREB"}},
		{"a reaction finds the act of the same family further back", "NATO launched a two-week military exercise. Germany sent ships. " +
			"Poland sent jets. Sweden sent planes. Russia condemned the drills.",
			map[string]string{"NATO": "IGOWSTNAT", "Germany": "DEU", "Poland": "POL", "Sweden": "SWE", "Russia": ru},
			[]string{"IGOWSTNAT 150 -", "RUS 111 IGOWSTNAT"}},
		{"a reaction to a move the story gave an owner", "Critics said it was a move by India. Talks went on. Markets fell. " +
			"Prices rose. Rain fell. France called the move a \"disgrace\".",
			map[string]string{"India": in, "France": fr}, []string{"FRA 111 IND"}},
		{"a generic act noun names an act another noun reported", "India announced this change on Monday. Talks went on. France criticized the move.",
			map[string]string{"India": in, "France": fr}, []string{"FRA 111 IND"}},
		{"a passive reaction to the act the story reported", "Russia launched an offensive in Ukraine. The operation was condemned by India.",
			map[string]string{"Russia": ru, "Ukraine": ua, "India": in}, []string{"RUS 190 UKR", "IND 111 RUS"}},
		{"an attack in words on an act of the same family further back", "France opened an inquiry into India's trade. Talks went on. " +
			"Markets fell. Prices rose. Rain fell. Snow fell. Wind blew. India attacked the investigation as a farce.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 090 IND", "IND 111 FRA"}},
		{"seconding a call supports the caller", "France called for talks with India. The call was seconded by Russia.",
			map[string]string{"France": fr, "India": in, "Russia": ru}, []string{"FRA 026 IND", "RUS 051 FRA"}},
		{"an aside between commas before the target", "France accused, in a statement on Monday, Russia of spying.",
			map[string]string{"France": fr, "Russia": ru}, []string{"FRA 1125 RUS"}},
		{"a participle of support describes a stance", "Russia flies arms to Syria, supporting the Syrian government.",
			map[string]string{"Russia": ru, "Syria": "SYR", "Syrian government": "SYRGOV"}, nil},
		{"police report arrests they made", "Chilean police said two suspects were arrested.",
			map[string]string{"Chilean police": "CHLCOP"}, []string{"CHLCOP 173 -"}},
		{"whoever else reports an arrest did not make it", "France said two suspects were arrested.",
			map[string]string{"France": fr}, nil},
		{"what an actor can do is hypothetical", "France can arrest Indian nationals for spying.",
			map[string]string{"France": fr}, []string{"FRA 173 - hypothetical"}},
		{"a hyphenated verb is a verb", "Russia test-fired two missiles into the sea.",
			map[string]string{"Russia": ru}, []string{"RUS 150 -"}},
		{"a compound subject exchanges fire pair by pair", "India and Pakistan exchanged fire on Monday.",
			map[string]string{"India": in, "Pakistan": "PAK"}, []string{"IND 190 PAK", "PAK 190 IND"}},
		{"what one is accused of doing is no act of the accuser", "Armenia accused Azerbaijan of violating the ceasefire.",
			map[string]string{"Armenia": "ARM", "Azerbaijan": "AZE"}, []string{"ARM 1123 AZE"}},
		{"a pattern spells the head of a role", "France sent French troops to Mali.",
			map[string]string{"France": fr, "French troops": "FRAMIL", "Mali": "MLI"}, []string{"FRA 154 MLI"}},
		{"a summoned role is the target", "India summoned the Russian ambassador over the strike.",
			map[string]string{"India": in, "Russian ambassador": "RUSGOV"}, []string{"IND 114 RUSGOV"}},
		{"one's own recalled role is no target", "India recalled its ambassador.",
			map[string]string{"India": in, "ambassador": "INDGOV"}, []string{"IND 161 -"}},
		{"a rally outside a building is a protest", "Georgians rallied outside parliament on Sunday.",
			map[string]string{"Georgians": "GEO"}, []string{"GEO 141 -"}},
		{"what a call would bring about has not happened", "India called on France to be allowed to visit Russia.",
			map[string]string{"India": in, "France": fr, "Russia": ru}, []string{"IND 020 FRA"}},
		{"a compound subject shares intelligence with itself", "India and France agreed to share intelligence on Russian missile launches.",
			map[string]string{"India": in, "France": fr, "Russian": ru}, []string{"IND 0314 FRA intended", "FRA 0314 IND intended"}},
		{"a crowd's count stands for its members", "Thousands of Russians protested against the war.",
			map[string]string{"Russians": ru}, []string{"RUS 1412 -"}},
		{"rejecting election results", "India's opposition rejected the election results.",
			map[string]string{"India's opposition": "INDOPP"}, []string{"INDOPP 120 -"}},
		{"a politician attacks another in words", "Senator Hana Obi attacked Governor Ivo Ruiz during the debate.",
			map[string]string{"Senator Hana Obi": "USALEG", "Governor Ivo Ruiz": "USAGOV"}, []string{"USALEG 111 USAGOV"}},
		{"a country attacks with arms", "Russia attacked Ukraine.", map[string]string{"Russia": ru, "Ukraine": ua}, []string{"RUS 180 UKR"}},
		{"a verb between a pattern verb and a name leads elsewhere", "France sent envoys to help shape India's policy.",
			map[string]string{"France": fr, "India's": in}, nil},
		{"a list's first member cut off by the parser", "Mordor, the Shire, Fornost and Bree condemned Osgiliath.",
			map[string]string{"Mordor": "MOR", "Shire": "SHI", "Fornost": "FOR", "Bree": "BRE", "Osgiliath": "OSG"},
			[]string{"MOR 111 OSG", "SHI 111 OSG", "FOR 111 OSG", "BRE 111 OSG"}},
		{"a compound subject establishes relations pair by pair", "India and Australia established diplomatic relations.",
			map[string]string{"India": in, "Australia": au}, []string{"IND 054 AUS", "AUS 054 IND"}},
		{"what one receives, the giver gives", "India received tanks from Russia.",
			map[string]string{"India": in, "Russia": ru}, []string{"RUS 072 IND"}},
		{"a ballistic missile fired at no one is a show of force", "Russia fired an intercontinental ballistic missile on Thursday. India condemned the launch.",
			map[string]string{"Russia": ru, "India": in}, []string{"RUS 150 -", "IND 111 RUS"}},
		{"an act as subject has its owner for doer", "An attack by Russia on the base killed nine soldiers.",
			map[string]string{"Russia": ru, "soldiers": "UKRMIL"}, []string{"RUS 1823 UKRMIL"}},
		{"an act as subject without an owner has no doer", "An attack on a French base killed nine soldiers.",
			map[string]string{"French": fr, "soldiers": "FRAMIL"}, nil},
		{"a threat without a target adds nothing to the same threat with one", "Russia threatened to launch a new military operation in Ukraine.",
			map[string]string{"Russia": ru, "Ukraine": ua}, []string{"RUS 138 UKR intended"}},
		{"dismissing remarks answers their speaker", "India called on Russia to withdraw. France dismissed the remarks as propaganda.",
			map[string]string{"India": in, "Russia": ru, "France": fr}, []string{"IND 020 RUS", "FRA 111 IND"}},
		{"a passive agent hung on an adverb", "India was criticized earlier by Russia, its old partner.",
			map[string]string{"India": in, "Russia": ru}, []string{"RUS 111 IND"}},
		{"support for the move is support for the deed, not for the words about it",
			"India imposed sanctions on Russia. Russia called the sanctions illegal. France and Australia expressed support for the move.",
			map[string]string{"India": in, "Russia": ru, "France": fr, "Australia": au},
			[]string{"IND 163 RUS", "RUS 111 IND", "FRA 019 IND", "AUS 019 IND"}},
		{"a compound subject holds talks with itself", "France and India held talks in Paris.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 046 IND", "IND 046 FRA"}},
		{"'her' as an object is the target", "Mayor Anna Volk spoke. France accused her of incompetence.",
			map[string]string{"Mayor Anna Volk": "INDGOV", "her": "INDGOV", "France": fr}, []string{"FRA 112 INDGOV"}},
		{"demonstrating something is no protest", "The Indian statement demonstrates a complete lack of understanding.",
			map[string]string{"Indian": in}, nil},
		{"a participle after an order is no order", "France ordered the closure of a consulate, accusing Russia of spying.",
			map[string]string{"France": fr, "Russia": ru}, []string{"FRA 161 -", "FRA 1125 RUS"}},
		{"what a thing is used for has no doer", "Russia inspected a railway line used to deliver aid to India.",
			map[string]string{"Russia": ru, "India": in}, nil},
		{"a participle on a thing has no actor for subject", "Protesters carried placards asking India to resign.",
			map[string]string{"Protesters": "INDOPP", "India": in}, []string{"INDOPP 140 -"}},
		{"a message's participle speaks for its author", "France posted a message blaming India for the attacks.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 1123 IND"}},
		{"a demand's gerund has not happened", "Their demands have included dissolving India's parliament.",
			map[string]string{"India": in}, nil},
		{"a commitment is an intent", "France committed to send more troops to India.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 0334 IND"}},
		{"also repeats the act reported before, its target and its kind", "France pledged emergency aid to India. Talks went on. Russia and Japan also pledged aid.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"FRA 0333 IND", "RUS 0333 IND", "JPN 0333 IND"}},
		{"an act of several doers is welcomed for each", "France and India agreed to reopen the border. Russia welcomed the agreement.",
			map[string]string{"France": fr, "India": in, "Russia": ru}, []string{"FRA 0351 - intended", "IND 0351 - intended", "RUS 051 IND", "RUS 051 FRA"}},
		{"meeting for talks is negotiation", "France and India met for a third round of talks. Russia met Japan for talks.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"FRA 046 IND", "IND 046 FRA", "RUS 046 JPN"}},
		{"a promised retaliation answers the latest hostile act against the speaker", "France expelled Russian diplomats. India praised France. Russia said it would retaliate.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Russian diplomats": "RUSGOV"}, []string{"FRA 174 RUSGOV", "IND 051 FRA", "RUS 130 FRA"}},
		{"an act of retaliation is no threat", "Russia retaliated on Monday.", map[string]string{"Russia": ru}, nil},
		{"a threat is against whom its condition names", "France threatened to impose tariffs if India did not cut its duties. Russia warned that it would take measures if Japan moved troops.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"FRA 1312 IND", "RUS 130 JPN"}},
		{"a condition that names no actor leaves the threat without a target", "Russia warned that it would take measures if prices rose.",
			map[string]string{"Russia": ru}, []string{"RUS 130 -"}},
		{"a conjunct ending on another of a pattern word's alternatives stands for it", "Russia fired dozens of missiles and more than 300 drones at Ukraine.",
			map[string]string{"Russia": ru, "Ukraine": ua}, []string{"RUS 195 UKR"}},
		{"a story's lead act is named by its family far into the story", "Russia fired missiles at Ukraine." + strings.Repeat(" Talks went on.", 11) + " France condemned the strikes.",
			map[string]string{"Russia": ru, "Ukraine": ua, "France": fr}, []string{"RUS 195 UKR", "FRA 111 RUS"}},
		{"a call for restraint that names no one addresses the belligerents", "Russia fired missiles at Ukraine. Ukraine fired rockets at Russia. France urged restraint.",
			map[string]string{"Russia": ru, "Ukraine": ua, "France": fr}, []string{"RUS 195 UKR", "UKR 194 RUS", "FRA 0256 UKR", "FRA 0256 RUS"}},
		{"an intended act of a kind with its own intent code takes it", "France agreed to allow inspectors from India.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 0355 IND intended"}},
		{"words about a threat answer its threatener", "Russia threatened to impose tariffs on India. India called the threat \"unjustified.\" Russia rejected the criticism.",
			map[string]string{"Russia": ru, "India": in}, []string{"RUS 1312 IND", "IND 111 RUS", "RUS 120 IND"}},
		{"talks one is due for, however far the words, are to come", "Kim and Morimoto are due in Washington on Dec. 3 for three-way talks with Daniel Hart, the ministry said.",
			map[string]string{"Kim": "KORGOV", "Morimoto": "JPNGOV", "Daniel Hart": "USAGOV"}, []string{"KORGOV 036 USAGOV future", "JPNGOV 036 USAGOV future"}},
		{"articles are no words of a gap", "France and India signed a trade and investment agreement.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 057 IND", "IND 057 FRA"}},
		{"a camp for a group attacked is an attack on the group; denying the deed answers the condemnation",
			"Sudan's rebels attacked a camp for displaced people. The UN condemned the attack. The rebels denied targeting civilians.",
			map[string]string{"Sudan's rebels": "SDNREB", "displaced people": "SDNREF", "UN": "IGOUNO", "rebels": "SDNREB"},
			[]string{"SDNREB 180 SDNREF", "IGOUNO 111 SDNREB", "SDNREB 016 IGOUNO"}},
		{"a proper noun spelled like a verb is no verb", "France announced a curfew last March. India voted in May.",
			map[string]string{"France": fr, "India": in}, nil},
		{"an unresolved they is still the subject", "France noted that they had claimed responsibility.",
			map[string]string{"France": fr}, nil},
		{"one hosts an actor, not what it owns", "France received India's nomination. Russia received Japan on Monday.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"RUS 043 JPN"}},
		{"also with its own target keeps its kind", "France pledged emergency aid to India. Russia also pledged aid to Japan.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"FRA 0333 IND", "RUS 033 JPN"}},
		{"also with its own partner keeps it", "France held talks with India. Russia also held talks with Japan.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"FRA 046 IND", "RUS 046 JPN"}},
		{"a coordinated verb the tagger took for a noun", "France drew a pistol, pointed it, and shot at India.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 193 IND"}},
		{"examples after such as are the target", "France encouraged allies such as India to act.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 020 IND"}},
		{"a bare call for gives way to the specific appeal beside it", "France urged restraint and called for a return to the truce.",
			map[string]string{"France": fr}, []string{"FRA 0256 -"}},
		{"a live round fired on an actor", "Police fired a live round on India.", map[string]string{"Police": "INDCOP", "India": in},
			[]string{"INDCOP 193 IND"}},
		{"a bare call for is an appeal", "France called for a new vote.", map[string]string{"France": fr}, []string{"FRA 020 -"}},
		{"naming the perpetrators is an accusation", "France said Russia was the likely culprit.",
			map[string]string{"France": fr, "Russia": ru}, []string{"FRA 112 RUS"}},
		{"a relative clause on a thing in a quote is not the speaker's act", `"We strongly reject the new measure that bans flights to India," France said.`,
			map[string]string{"France": fr, "India": in}, nil},
		{"scare quotes pass in a gap", "France gave its \"deepest sympathies\" to India.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 018 -"}},
		{"a comma before a participle that names the doer passes in a gap", "Nine died in the attack, reportedly carried out by Hamas.",
			map[string]string{"Hamas": "PSEREBHMS"}, []string{"PSEREBHMS 180 -"}},
		{"a comma before a clause with its own subject does not", "Nine died in the attack, it was carried out by Hamas.",
			map[string]string{"Hamas": "PSEREBHMS"}, nil},
		{"what an allegation alleges is not coded as done", "India alleged that Russia had attacked Ukraine.",
			map[string]string{"India": in, "Russia": ru, "Ukraine": ua}, []string{"IND 112 RUS"}},
		{"what a demand names has not happened", "India's demands include an end to the attacks on Russia.",
			map[string]string{"India": in, "Russia": ru}, nil},
		{"a state of emergency someone declared", "France sued over the state of emergency India declared.",
			map[string]string{"France": fr, "India": in}, []string{"IND 1724 -"}},
		{"a compound subject signs with each other", "France and India signed a trade agreement.", map[string]string{"France": fr, "India": in},
			[]string{"FRA 057 IND", "IND 057 FRA"}},
		{"a judgment in a quote is its speaker's criticism of its subject", `"India is behaving like a bully," France said.`,
			map[string]string{"France": fr, "India": in}, []string{"FRA 111 IND"}},
		{"a judgment a verb of saying reports is its sayer's", "France said India was reckless and dishonest.",
			map[string]string{"France": fr, "India": in}, []string{"FRA 111 IND"}},
		{"the nearest sayer judges", `"Russia says India is lying," France wrote.`,
			map[string]string{"France": fr, "India": in, "Russia": ru}, []string{"RUS 111 IND"}},
		{"a judgment of an actor's conduct judges the actor", `"India's conduct is oppressive," France said.`,
			map[string]string{"France": fr, "India": in}, []string{"FRA 111 IND"}},
		{"the writer's judgment is no event", "India is behaving like a bully.", map[string]string{"India": in}, nil},
		{"a judging word that is no predicate judges no one", `"India made a reckless move," France said.`,
			map[string]string{"France": fr, "India": in}, nil},
		{"the first part of a compound adjective is no verb", "The elders are meant to give battle-hardened Democrats a steadying hand. Russia test-fired a missile.",
			map[string]string{"elders": "USAPTY", "Democrats": "USAPTY", "Russia": ru}, []string{"RUS 150 -"}},
		{"calling an actor a name is no phone call", `France calls India a 'mess' and Russia called Japan on Monday.`,
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"RUS 041 JPN"}},
		{"meeting a requirement or a date is no meeting", "France met the requirement. India and Russia will meet Monday.",
			map[string]string{"France": fr, "India": in, "Russia": ru}, []string{"IND 036 RUS future", "RUS 036 IND future"}},
		{"the object passed is what the verb acts on, unless the actor names it", "France will meet the pledge India offered. Japan blasted her Russian rival Ivan Petrov on Monday.",
			map[string]string{"France": fr, "India": in, "Japan": "JPN", "Ivan Petrov": "RUSGOV"}, []string{"JPN 111 RUSGOV"}},
		{"a judged act without an owner is the story's", `France imposed sanctions on India. "These sanctions are illegal," India said. "The weather is unacceptable," Russia said.`,
			map[string]string{"France": fr, "India": in, "Russia": ru}, []string{"FRA 163 IND", "IND 111 FRA"}},
		{"politicians fight with words and votes", "Senator Cruz beat Senator Brown in the primary. Senator Cruz launched an assault on Senator Brown. Police beat protesters. Senator Brown beat the protesters.",
			map[string]string{"Senator Cruz": "USALEG", "Senator Brown": "USALEG", "Police": "USACOP", "protesters": "USAOPP"},
			[]string{"USALEG 111 USALEG", "USACOP 182 USAOPP", "USALEG 182 USAOPP"}},
		{"asking a question is no appeal", "France asked India whether the talks would go on. Russia asked Japan to stop.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"RUS 020 JPN"}},
		{"a verb's particle is no verb", "The Democrats hope to win back the Senate. France backed India.",
			map[string]string{"Democrats": "USAPTY", "Senate": "USALEG", "France": fr, "India": in}, []string{"FRA 052 IND"}},
		{"an interruption is a protest without an object or of a public event", "The senator interrupted himself. India was interrupted by protesters. Protesters disrupted the convention.",
			map[string]string{"senator": "USALEG", "India": in, "protesters": "INDOPP", "Protesters": "INDOPP"}, []string{"INDOPP 140 IND", "INDOPP 144 -"}},
		{"an arrest or dispersal that names no one is against the protest's crowd", "Protesters blocked the main bridges. Police arrested dozens of people. Protesters threw stones at riot police, who responded with tear gas.",
			map[string]string{"Protesters": "SRBOPP", "Police": "SRBCOP", "riot police": "SRBCOP"},
			[]string{"SRBOPP 144 -", "SRBCOP 173 SRBOPP", "SRBOPP 145 SRBCOP", "SRBCOP 175 SRBOPP"}},
		{"a coercion whose longer pattern names a target keeps it", "Protesters marched. Police fired tear gas at the parliament.",
			map[string]string{"Protesters": "SRBOPP", "Police": "SRBCOP", "the parliament": "SRBLEG"},
			[]string{"SRBOPP 141 -", "SRBCOP 175 SRBLEG"}},
		{"the doer of the violent act a passive happened in is its agent", "A Hamas commander was killed in an Israeli airstrike. Ten Ukrainian soldiers were killed in an attack on their base. Ten Ukrainian civilians killed in a Russian strike were buried on Sunday.",
			map[string]string{"Hamas commander": "PSEREB", "Israeli": "ISR", "Ukrainian soldiers": "UKRMIL", "Ukrainian civilians": "UKRCVL", "Russian": ru},
			[]string{"ISR 1823 PSEREB", "RUS 1823 UKRCVL"}},
		{"a violent act's of-phrase and its own noun are its patient", "The shelling of Kharkiv by Russia killed ten Ukrainian civilians. The shelling of Poland killed ten Ukrainian civilians. The bombing of the Iraqi embassy killed ten people.",
			map[string]string{"Russia": ru, "Poland": "POL", "Ukrainian civilians": "UKRCVL", "Iraqi embassy": "IRQGOV"},
			[]string{"RUS 1823 UKRCVL"}},
		{"a quote's act without a doer is not the speaker's, its own words are", `"The attacks on the French embassy must stop," India said. "Condolences to the families," Russia said.`,
			map[string]string{"India": in, "French embassy": "FRAGOV", "Russia": ru}, []string{"RUS 018 -"}},
		{"not only asserts", "Not only is France supporting India, but France also criticized Russia.",
			map[string]string{"France": fr, "India": in, "Russia": ru}, []string{"FRA 052 IND", "FRA 111 RUS"}},
		{"a person's supporters and critics are not the person", "Senator Sanders praised France. A Sanders supporter, who criticized France, left. Sanders critics criticized France.",
			map[string]string{"Senator Sanders": "USALEG", "Sanders": "USALEG", "France": fr}, []string{"USALEG 051 FRA"}},
		{"an appeal's to is an infinitive's", "France pushed India to victory. Russia pushed Japan to act. Russia called for Japan to act. France called for India to be punished.",
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"RUS 020 JPN", "FRA 020 -"}},
		{"a participle after a relative clause about a thing is the main clause's", "Japan issued a report on the Indian treaty which took effect on Monday, criticizing Russia.",
			map[string]string{"Japan": "JPN", "Indian": in, "Russia": ru}, []string{"JPN 111 RUS"}},
		{"holding in contempt finds guilty", "The Senate voted to hold the French ambassador in contempt.",
			map[string]string{"Senate": "USALEG", "French ambassador": "FRAGOV"}, []string{"USALEG 116 FRAGOV"}},
		{"an apposition naming the target's members is passed", "France urged two Indian officials, Ravi Kumar and Anil Singh, to resign.",
			map[string]string{"France": fr, "Indian officials": "INDGOV", "Ravi Kumar": "INDGOV", "Anil Singh": "INDGOV"}, []string{"FRA 0241 INDGOV"}},
		{"a relative clause on the target is passed, and is no question", "France asked the Indian minister, who is backed by Russia, to resign.",
			map[string]string{"France": fr, "Indian minister": "INDGOV", "Russia": ru}, []string{"FRA 0241 INDGOV", "RUS 052 INDGOV"}},
		{"helping broker a deal mediates", "Japan, on behalf of its allies, helped broker a deal establishing diplomatic relations between India and Russia.",
			map[string]string{"Japan": "JPN", "India": in, "Russia": ru}, []string{"JPN 045 IND", "JPN 045 RUS"}},
		{"a claim of a hostile act accuses its doer", "Japan claimed that Russian troops had attacked Ukraine. India claimed that Russian troops had praised Ukraine.",
			map[string]string{"Japan": "JPN", "India": in, "Russian troops": "RUSMIL", "Ukraine": ua}, []string{"JPN 112 RUSMIL"}},
		{"who is disappointed by someone is the source", "France was disappointed by the Indian parliament.",
			map[string]string{"France": fr, "Indian parliament": "INDLEG"}, []string{"FRA 012 INDLEG"}},
		{"what a thing is designed to do has no doer", `France called the drills "designed to intimidate India." Russia has designed the drills to intimidate Japan.`,
			map[string]string{"France": fr, "India": in, "Russia": ru, "Japan": "JPN"}, []string{"RUS 130 JPN"}},
		{"a clause under a relative clause has the relative's noun for subject", "Senator Kim once again did not like provisions in the new bill that he thought would displace Indian workers.",
			map[string]string{"Senator Kim": "INDLEG", "Indian workers": "INDLAB"}, nil},
		{"a threatened hostile act is a threat", "Russia threatened to shut down the Japanese embassy. France threatened to crush Indian protesters.",
			map[string]string{"France": fr, "Indian protesters": "INDOPP", "Russia": ru, "Japanese embassy": "JPNGOV"}, []string{"RUS 132 JPNGOV", "FRA 137 INDOPP"}},
		{"an adverb after a verb is its particle, not a verb", "Russia hopes to roll back Chinese influence. Japan took back the Senate. India would back France.",
			map[string]string{"Russia": ru, "Chinese": "CHN", "Japan": "JPN", "Senate": "USALEG", "India": in, "France": fr}, []string{"IND 052 FRA hypothetical"}},
		{"what a whether clause holds is in question", "India asked whether it supported France. Japan asked whether the country that had praised Russia would act.",
			map[string]string{"India": in, "France": fr, "Japan": "JPN", "Russia": ru, "country": "CHN"}, []string{"IND 052 FRA hypothetical", "CHN 051 RUS"}},
		{"an unresolved it is still the subject", "Back in 2018, France approved a bill legalising abortion, but it was dismissed by the Indian senate.",
			map[string]string{"France": fr, "Indian senate": "INDLEG"}, nil},
		{"who is mobilized is no target, the adversary is", "France mobilized Indian voters. Russia mobilized its reservists against Ukraine.",
			map[string]string{"France": fr, "Indian voters": "INDCVL", "Russia": ru, "Ukraine": ua}, []string{"RUS 154 UKR"}},
		{"demonstrating how or that is showing", "A spokesman for Sen. Marco Lopez (R-Fla.) demonstrated just how easily a 44-year-old Cuban American could outflank a 68-year-old baby boomer. Indian students demonstrated in Delhi.",
			map[string]string{"Sen. Marco Lopez": "USALEG", "Indian students": "INDEDU"}, []string{"INDEDU 140 -"}},
		{"making the case against someone argues", "France joined India in making the case against the Russian government.",
			map[string]string{"France": fr, "India": in, "Russian government": "RUSGOV"}, []string{"FRA 111 RUSGOV"}},
		{"it is too vague a subject to judge", `India acted. "It is reckless," France said.`,
			map[string]string{"France": fr, "India": in, "It": in}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := code(t, c, tt.text, tt.actors)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestEvidence(t *testing.T) {
	c := loadCoder(t)
	_, doc := code(t, c, "Protests grew. France imposed sanctions on Russia on Monday.", map[string]string{"France": "FRA", "Russia": "RUS"})
	if len(doc.Events) != 1 {
		t.Fatalf("got %d events", len(doc.Events))
	}
	e := doc.Events[0]
	if e.Sentence != 1 || e.Evidence.Text != "France imposed sanctions on Russia on Monday." {
		t.Errorf("sentence %d %q", e.Sentence, e.Evidence.Text)
	}
	if e.Evidence.Trigger.Text != "imposed sanctions on Russia" {
		t.Errorf("trigger %q", e.Evidence.Trigger.Text)
	}
	if !strings.HasPrefix(e.Evidence.Pattern, "verbs.txt:") || !strings.Contains(e.Evidence.Pattern, "163 impose") {
		t.Errorf("pattern %q", e.Evidence.Pattern)
	}
	if e.Date != "2026-11-23" || e.DateSource != "text" {
		t.Errorf("date %s from %s, want Monday 2026-11-23 from text", e.Date, e.DateSource)
	}
	if e.QuadClass != 4 || e.Root != "16" || e.PLOVER.Type == "" || e.Goldstein >= 0 {
		t.Errorf("ontology fields %+v", e)
	}
	if e.ID != "e1" || e.Source.Start != strings.Index(doc.Article.Text, "France") {
		t.Errorf("id %s source %+v", e.ID, e.Source)
	}
}

func TestParsePatterns(t *testing.T) {
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, err string
	}{
		{"ok", "042 visit +\n# comment\n\n040 meet with + # trailing\n", ""},
		{"unknown code", "999 visit +\n", "x.txt:1: events: bad pattern: unknown CAMEO code"},
		{"missing pattern", "042\n", "x.txt:1: events: bad pattern: want CODE PATTERN"},
		{"two targets", "040 meet + and +\n", "x.txt:1: events: bad pattern: more than one target"},
		{"starts with gap", "040 ... meet\n", "x.txt:1: events: bad pattern: a pattern cannot start"},
		{"starts with target", "040 + meet\n", "x.txt:1: events: bad pattern: a pattern must start with a word"},
		{"empty alternative", "040 meet a||b +\n", "x.txt:1: events: bad pattern: bad word"},
		{"second line", "040 meet +\n040\n", "x.txt:2:"},
		{"act slot", "111 condemn @\n", ""},
		{"two act slots", "111 condemn @ and @\n", "x.txt:1: events: bad pattern: an act slot @ stands once"},
		{"act slot with target", "111 condemn + @\n", "x.txt:1: events: bad pattern: an act slot @ stands once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePatterns("x.txt", strings.NewReader(tt.text), ont)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("error %v, want %q", err, tt.err)
			}
		})
	}
}

func TestDefaultPatternsCoverEveryRoot(t *testing.T) {
	c := loadCoder(t)
	roots := map[string]int{}
	for _, p := range c.patterns.all {
		roots[p.Code[:2]]++
	}
	for r := 1; r <= 20; r++ {
		root := strings.TrimPrefix(strings.Repeat("0", 2-len(itoa(r)))+itoa(r), "")
		if roots[root] == 0 {
			t.Errorf("no pattern for CAMEO root %s", root)
		}
	}
	if c.patterns.Len() < 300 {
		t.Errorf("only %d patterns", c.patterns.Len())
	}
}

func itoa(i int) string { return string(rune('0'+i/10)) + string(rune('0'+i%10)) }

func TestInflect(t *testing.T) {
	tests := map[string][]string{
		"visit":    {"visits", "visited", "visiting"},
		"accuse":   {"accuses", "accused", "accusing"},
		"meet":     {"meets", "met", "meeting"},
		"ban":      {"bans", "banned", "banning"},
		"deny":     {"denies", "denied", "denying"},
		"admit":    {"admits", "admitted", "admitting"},
		"approach": {"approaches", "approached", "approaching"},
		"withdraw": {"withdraws", "withdrew", "withdrawn", "withdrawing"},
	}
	for lemma, want := range tests {
		forms := Inflect(lemma)
		for _, w := range want {
			if !slices.Contains(forms, w) {
				t.Errorf("Inflect(%q) = %v, missing %q", lemma, forms, w)
			}
		}
	}
}

// TestMentionsMerged checks that an article's reports of the same event are
// one event with its other reports as mentions.
func TestMentionsMerged(t *testing.T) {
	c := loadCoder(t)
	out, doc := code(t, c, "France imposed sanctions on Russia on Monday. Officials said France imposed sanctions on Russia. France also praised India.",
		map[string]string{"France": "FRA", "Russia": "RUS", "India": "IND"})
	if strings.Join(out, "; ") != "FRA 163 RUS; FRA 051 IND" {
		t.Fatalf("coded %q", out)
	}
	e := doc.Events[0]
	if len(e.Mentions) != 1 || e.Mentions[0].Sentence != 1 || e.Sentence != 0 || !strings.Contains(e.Mentions[0].Evidence.Trigger.Text, "imposed") {
		t.Errorf("mentions %+v of %+v", e.Mentions, e.Evidence)
	}
	if len(doc.Events[1].Mentions) != 0 {
		t.Errorf("praise has mentions %+v", doc.Events[1].Mentions)
	}
}

// TestSlots codes with invented patterns: a source slot $, and a target
// slot after "between" whose parties act on each other.
func TestSlots(t *testing.T) {
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := ParsePatterns("slots.txt", strings.NewReader(`
111  =condemnation from $ of|over +
046  =talks between +
057  =agreement between +
026  call for ... dialogue between +
040  =dialogue between +
`), ont)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCoder(ps, ont)
	actors := map[string]string{"France": "FRA", "India": "IND", "Pakistan": "PAK", "Russia": "RUS"}
	for text, want := range map[string]string{
		"The strikes drew condemnation from France over Russia.":   "FRA 111 RUS",
		"Talks between India and Pakistan ended on Monday.":        "IND 046 PAK; PAK 046 IND",
		"France praised the agreement between India and Pakistan.": "IND 057 PAK; PAK 057 IND",
		// A nominal event inside a verb's match is the verb's object, asked
		// for, not done; the verb's subject stays its source.
		"France called for dialogue between India and Pakistan.": "FRA 026 IND; FRA 026 PAK",
	} {
		out, _ := code(t, c, text, actors)
		if got := strings.Join(out, "; "); got != want {
			t.Errorf("%q: coded %q, want %q", text, got, want)
		}
	}
	for _, bad := range []string{"111 =condemnation from $ by $", "111 condemn $+"} {
		if _, err := ParsePatterns("bad.txt", strings.NewReader(bad), ont); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// TestMostSpecific checks that of two patterns ending on the same words the
// one with more words wins, whichever was loaded first.
func TestMostSpecific(t *testing.T) {
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range []string{"100  demand ... of +\n1053 demand ... release of +\n", "1053 demand ... release of +\n100  demand ... of +\n"} {
		ps, err := ParsePatterns("p.txt", strings.NewReader(order), ont)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := code(t, NewCoder(ps, ont), "France demanded the release of India.", map[string]string{"France": "FRA", "India": "IND"})
		if got := strings.Join(out, "; "); got != "FRA 1053 IND" {
			t.Errorf("patterns %q: coded %q, want FRA 1053 IND", order, got)
		}
	}
}
