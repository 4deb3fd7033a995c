package places

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/gazetteer"
	"github.com/dyadproject/dyad/internal/gazetteer/fold"
	"github.com/dyadproject/dyad/internal/kb"
)

// evidence is how strongly the words around a run say it is a place.
type evidence uint8

const (
	noEvidence evidence = iota
	weak                // "from X", "to X"
	strong              // "in X", "mayor of X", "X, Texas", "X province"
)

var (
	locatives = set("in", "near", "outside", "around", "across", "inside", "into", "towards", "toward",
		"through", "throughout", "via", "within", "beyond", "nearby", "outskirts")
	// weakLocatives also take people: "a letter from Smith", "angry at Lam".
	weakLocatives = set("from", "to", "at")
	// genericRegions are first-level region names that are ordinary words
	// in English text ("the Centre for ...") and never count as major
	// places without a preposition.
	genericRegions = set("centre", "center", "central", "north", "south", "east", "west", "northern", "southern",
		"eastern", "western", "capital", "coast", "littoral", "highlands", "islands", "lakes", "plateau",
		"mountain", "river", "valley", "national", "federal", "interior", "frontier", "border", "east end")
	// placeNouns before "of" make it locative: "the city of", "the mayor of".
	placeNouns = set("city", "town", "village", "province", "region", "state", "outskirts", "suburbs", "suburb",
		"streets", "mayor", "governor", "port", "centre", "center", "district", "capital", "residents", "people",
		"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "heart", "areas")
	// regionNouns after a run call it a region: "Punjab province".
	regionNouns = set("region", "province", "state", "oblast", "governorate", "district", "prefecture", "county")
	speechVerbs = set("said", "says", "say", "told", "tells", "added", "asked", "wrote", "argued", "insisted",
		"stated", "noted", "explained", "replied", "claimed", "warned", "announced", "tweeted", "posted")
	titles = set("mr", "mrs", "ms", "dr", "president", "minister", "senator", "sen", "rep", "gov", "general", "gen",
		"judge", "chancellor", "king", "queen", "prince", "princess", "pope", "sir", "lord", "lady", "colonel",
		"col", "lt", "sgt", "captain", "capt", "professor", "prof", "spokesman", "spokeswoman", "secretary", "coach")
	connectors = set("de", "del", "da", "do", "dos", "das", "la", "le", "el", "al", "upon", "am", "di", "ul", "es")
	calendar   = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
		"sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
	listWords = set("and", "or", ",")
)

func set(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func key(s string) string                 { return fold.Key(s) }
func sameKey(a, b string) bool            { return fold.Key(a) == fold.Key(b) }
func lower(t dyad.Token) string           { return strings.ToLower(strings.TrimSuffix(t.Text, ".")) }
func isPunct(t dyad.Token, p string) bool { return t.Kind == dyad.Punct && t.Text == p }

// capWord reports whether token k of a sentence may be part of a place name:
// a capitalised word the tagger calls a proper noun or a noun (it calls
// "Reading" and "Lagos" nouns), or an adjective followed by a qualifier
// ("near Mobile, Alabama").
func capWord(toks []dyad.Token, k int) bool {
	if !capitalised(toks[k]) {
		return false
	}
	switch toks[k].UPOS {
	case "", "PROPN", "X", "NOUN":
		return true
	case "ADJ":
		return k+2 < len(toks) && isPunct(toks[k+1], ",") && capitalised(toks[k+2])
	}
	return false
}

func capitalised(t dyad.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return t.Kind == dyad.Word && unicode.IsUpper(r)
}

// sentence finds the gazetteer places among the proper-noun runs of
// sentence si.
func (st *state) sentence(si int) {
	doc := st.doc
	toks := doc.SentenceTokens(si)
	last := -1       // token index after the last accepted run
	lastEv := strong // its evidence
	for i := 0; i < len(toks); {
		if !capWord(toks, i) {
			i++
			continue
		}
		if end, ok := st.kbPlaces[toks[i].Start]; ok {
			// A knowledge-base place heads a list as well as a gazetteer
			// one: "in Kharkiv, Sumy and Poltava".
			j := i + 1
			for j < len(toks) && toks[j].Start < end {
				j++
			}
			last, lastEv, i = j, strong, j
			continue
		}
		j := runEnd(doc.Article.Text, toks, i)
		if ev, ok := st.run(si, toks, i, j, last, lastEv); ok {
			last, lastEv = j, ev
		}
		i = j
	}
}

// runEnd returns the end of the proper-noun run starting at i: further
// capitalised words, joined by connectors ("Rio de Janeiro") or by hyphens
// written without spaces ("Al-Hasakah").
func runEnd(text string, toks []dyad.Token, i int) int {
	j := i + 1
	for j < len(toks) {
		switch {
		case capWord(toks, j):
			j++
		case j+1 < len(toks) && capWord(toks, j+1) && (connectors[toks[j].Text] ||
			isPunct(toks[j], "-") && toks[j].Start == toks[j-1].End && toks[j+1].Start == toks[j].End):
			j += 2
		default:
			return j
		}
	}
	return j
}

// run decides whether toks[i:j] is a gazetteer place and adds it. last is
// the end of the previous accepted run in the sentence, lastEv its evidence.
func (st *state) run(si int, toks []dyad.Token, i, j, last int, lastEv evidence) (evidence, bool) {
	text := st.doc.Article.Text
	// A capitalised word the tagger left out of the run may still begin the
	// name: "in The Hague", "New Hampshire" (New is an adjective to it).
	for i > 0 && capitalised(toks[i-1]) && !st.claimed(toks[i-1].Start, toks[i-1].End) &&
		st.g.Has(text[toks[i-1].Start:toks[j-1].End]) {
		i--
	}
	start, end := toks[i].Start, toks[j-1].End
	name := text[start:end]
	if st.claimed(start, end) || j-i == 1 && (calendar[lower(toks[i])] || acronym(name)) {
		return 0, false
	}
	cands := st.g.Lookup(name)
	if len(cands) == 0 {
		return 0, false
	}
	ev, why := noEvidence, ""
	prev, prev2 := "", ""
	if i > 0 {
		prev = lower(toks[i-1])
	}
	if i > 1 {
		prev2 = lower(toks[i-2])
	}
	switch {
	case locatives[prev]:
		ev, why = strong, fmt.Sprintf("%q", toks[i-1].Text+" "+name)
	case prev == "of" && placeNouns[prev2]:
		ev, why = strong, fmt.Sprintf("%q", prev2+" of "+name)
	case weakLocatives[prev]:
		ev, why = weak, fmt.Sprintf("%q", toks[i-1].Text+" "+name)
	case listWords[prev] && last == i-1 && (prev != "," || j < len(toks) && listWords[lower(toks[j])]):
		// After a comma the list must go on ("Kharkiv, Odesa and Lviv"):
		// "in Concord, Zhukovskyy told ..." names a person.
		ev, why = lastEv, "in a list of places"
	}
	if ev == noEvidence {
		if v, ok := placeObject(st.doc, toks, st.doc.Sentences[si].FirstToken, i, j); ok {
			ev, why = weak, fmt.Sprintf("object of %q", v)
		}
	}
	if titles[prev] {
		return 0, false // a person: "Mr. Hope", "Senator Bristol"
	}
	if j < len(toks) && speechVerbs[lower(toks[j])] && speaker(toks, st.doc.Sentences[si].FirstToken, i, j) {
		ev = noEvidence // a person: "Hope said"
	}
	ctx := st.context(name)
	if j+1 < len(toks) && isPunct(toks[j], ",") && capWord(toks, j+1) {
		q := text[toks[j+1].Start:toks[runEnd(text, toks, j+1)-1].End]
		st.qualify(&ctx, q, cands)
		if ctx.Country != "" || ctx.Region != "" {
			ev, why = strong, fmt.Sprintf("%q", name+", "+q)
		}
	}
	if j < len(toks) && regionNouns[lower(toks[j])] {
		ctx.WantAdmin1 = true
		ev, why = strong, fmt.Sprintf("%q", name+" "+toks[j].Text)
	}
	p, reason, ok := gazetteer.Resolve(cands, ctx)
	if !ok || !enough(st.g, name, p, ev, ctx) {
		return 0, false
	}
	if ev == noEvidence {
		why = "major city"
		if p.Kind == gazetteer.Admin1 {
			why = "populous region"
		}
	}
	st.add(fromGazetteer(p, why+"; "+reason), dyad.MentionRef{Text: name, Start: start, End: end, Sentence: si})
	return max(ev, strong), true
}

// placeVerbs take places as objects: "left Benghazi", "shelled Kherson".
var placeVerbs = set("visit", "reach", "leave", "enter", "shell", "bomb", "strike", "hit", "capture", "seize",
	"recapture", "retake", "liberate", "besiege", "encircle", "evacuate", "flee", "tour", "occupy", "storm",
	"raid", "flood", "land", "depart", "head", "return", "overrun", "surround")

// placeObject reports whether a word of the run toks[i:j] is the object of
// a verb that takes places ("left Benghazi"), returning the verb. first is
// the index of toks[0] in the document. Such objects are also people
// ("visited Hope"), so they are weak evidence.
func placeObject(doc *dyad.Document, toks []dyad.Token, first, i, j int) (string, bool) {
	for k := i; k < j; k++ {
		t := toks[k]
		if t.Rel != "obj" || t.Head < 0 || t.Head >= len(doc.Tokens) {
			continue
		}
		v := doc.Tokens[t.Head]
		if lemma := strings.ToLower(v.Lemma); v.UPOS == "VERB" && placeVerbs[lemma] {
			return v.Text, true
		}
	}
	return "", false
}

// speaker reports whether the run toks[i:j] is the subject of the speech
// verb toks[j]: in the parse, a run word hangs on the verb ("Hope said"
// but not "the mayor of Mykolayiv asked"); without a parse, always. first
// is the index of toks[0] in the document.
func speaker(toks []dyad.Token, first, i, j int) bool {
	if toks[j].Rel == "" {
		return true
	}
	for k := i; k < j; k++ {
		if toks[k].Head == first+j {
			return true
		}
	}
	return false
}

// enough applies the evidence rules of the package comment to the chosen place.
func enough(g *gazetteer.Gazetteer, name string, p gazetteer.Place, ev evidence, ctx gazetteer.Context) bool {
	qualified := ctx.Country != "" || ctx.Region != "" || ctx.WantAdmin1
	if g.CommonWord(name) && !qualified {
		return ev >= weak && p.Population >= CommonWordPopulation
	}
	switch ev {
	case strong:
		return true
	case weak:
		return p.Population > 0 || ctx.Story[p.Country]
	}
	return p.Population >= MajorPopulation && !genericRegions[key(name)]
}

// claimed reports whether a knowledge-base match overlaps [start, end).
func (st *state) claimed(start, end int) bool {
	i, _ := slices.BinarySearchFunc(st.matches, start, func(m kb.Match, s int) int { return cmp.Compare(m.End, s+1) })
	return i < len(st.matches) && st.matches[i].Start < end
}

// acronym reports whether a one-word name is in capitals ("UN", "NATO"),
// which the knowledge base handles when it knows it.
func acronym(name string) bool {
	return len(name) <= 5 && strings.ToUpper(name) == name
}

// sortMentions puts each place's mentions, then the places, in text order
// and numbers the places again.
func sortMentions(ps []dyad.Place) {
	for i := range ps {
		slices.SortStableFunc(ps[i].Mentions, func(a, b dyad.MentionRef) int { return cmp.Compare(a.Start, b.Start) })
	}
	slices.SortStableFunc(ps, func(a, b dyad.Place) int { return cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start) })
	for i := range ps {
		ps[i].ID = fmt.Sprintf("p%d", i+1)
	}
}

// inLongerRun reports whether a knowledge-base capital match is part of a
// longer proper-noun run that the knowledge base does not claim: "Paris
// Hilton", "Queen Victoria". Other entries (countries, regions) keep their
// matches: "Ukraine Defence Contact Group" still names Ukraine.
func (st *state) inLongerRun(m kb.Match) bool {
	if len(m.Entries) == 0 || m.Entries[0].Kind != kb.Capital {
		return false
	}
	doc := st.doc
	si := doc.SentenceAt(m.Start)
	if si < 0 {
		return false
	}
	s := doc.Sentences[si]
	toks := doc.Tokens[s.FirstToken:s.EndToken]
	for k, t := range toks {
		if t.Start == m.Start && k > 0 && capWord(toks, k-1) && !st.claimed(toks[k-1].Start, toks[k-1].End) {
			return true
		}
		if t.End == m.End && k+1 < len(toks) && capWord(toks, k+1) && !st.claimed(toks[k+1].Start, toks[k+1].End) &&
			!calendar[lower(toks[k+1])] {
			return true
		}
	}
	return false
}
