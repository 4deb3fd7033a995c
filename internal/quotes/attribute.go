package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// auxiliaries may stand between a speaker and the cue: "Kim has said".
var auxiliaries = wordSet("has have had was were is are would will also later again then once reportedly")

// finiteVerbs are verb forms that never belong to a speaker's name or title.
var finiteVerbs = wordSet("is are was were has have had will would can could did does do says said")

// looksFinite reports whether a lower-case word looks like a finite verb: a
// past tense in -ed or a common auxiliary.
func looksFinite(w string) bool {
	ch, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(ch) && (strings.HasSuffix(w, "ed") && len(w) > 4 || finiteVerbs[w])
}

func inMention(doc *dyad.Document, s dyad.Span) bool {
	for _, m := range doc.Mentions {
		if m.Contains(s) {
			return true
		}
	}
	return false
}

// speakerStops end a speaker phrase after a cue ("said Kim on Monday").
var speakerStops = wordSet("on in at during after before while when as to from with , . ; : — – -- ( )")

// attribute finds the cue and speaker of quote q in its sentence.
func attribute(doc *dyad.Document, q quoteSpan) (*dyad.Snippet, *dyad.Speaker) {
	if cue, sp, ok := governor(doc, q); ok && namingVerbs[doc.Tokens[tokenStarting(doc, cue.Start)].Lemma] {
		// "in what Beijing called a warning to "separatist forces,"
		// Taiwan's defense ministry said": the words are the namer's.
		return cue, resolve(doc, sp, q.Start)
	}
	after := afterQuote(doc, q)
	before := beforeQuote(doc, q)
	if cue, sp, ok := cueAfter(doc, after); ok {
		return cue, resolve(doc, bySubject(doc, cue, sp, after), q.Start)
	}
	if cue, sp, ok := cueBefore(doc, before); ok {
		return cue, resolve(doc, bySubject(doc, cue, sp, before), q.Start)
	}
	if cue, sp, ok := dashCredit(doc, after); ok {
		return cue, resolve(doc, sp, q.Start)
	}
	if after[0] == after[1] && before[0] == before[1] {
		if cue, sp, r, ok := neighbourCue(doc, q); ok {
			return cue, resolve(doc, bySubject(doc, cue, sp, r), q.Start)
		}
	}
	for _, region := range [][2]int{after, before} {
		if cue, sp, ok := accordingTo(doc, region); ok {
			return cue, resolve(doc, sp, q.Start)
		}
	}
	if cue, sp, ok := governor(doc, q); ok {
		return cue, resolve(doc, sp, q.Start)
	}
	return nil, nil
}

// neighbourCue finds the cue of a quote that is a sentence of its own in
// the sentence after it (`"…?" Graham asked.`) or in an introducing one
// (`Caddell continued:`); it returns the cue, the speaker and the region
// they were found in.
func neighbourCue(doc *dyad.Document, q quoteSpan) (*dyad.Snippet, [2]int, [2]int, bool) {
	if r, ok := nextSentence(doc, q); ok {
		if cue, sp, ok := cueAfter(doc, r); ok && endsClause(doc, max(sp[1], tokenStarting(doc, cue.Start)+1), r[1]) {
			return cue, sp, r, true
		}
	}
	if r, ok := introSentence(doc, q); ok {
		if cue, sp, ok := cueBefore(doc, r); ok {
			return cue, sp, r, true
		}
	}
	return nil, [2]int{}, [2]int{}, false
}

// dashCredit matches the credit line of a quote: `"…" ― Pamela Ruiz`.
func dashCredit(doc *dyad.Document, r [2]int) (*dyad.Snippet, [2]int, bool) {
	toks := doc.Tokens
	if r[1]-r[0] < 2 || !strings.Contains("―—–-", toks[r[0]].Text) {
		return nil, [2]int{}, false
	}
	e := r[0] + 1
	for e < r[1] && e < r[0]+8 && !speakerStops[strings.ToLower(toks[e].Text)] {
		e++
	}
	sp := trimSpeaker(doc, [2]int{r[0] + 1, e})
	if sp[1] == sp[0] {
		return nil, [2]int{}, false
	}
	return snippet(doc, r[0], r[0]+1), sp, true
}

// nextSentence returns the tokens of the sentence after quote q, up to its
// first quotation mark, when it is in the same paragraph.
func nextSentence(doc *dyad.Document, q quoteSpan) ([2]int, bool) {
	si := doc.SentenceAt(q.End - 1)
	if si < 0 || si+1 >= len(doc.Sentences) || doc.Sentences[si+1].Paragraph != doc.Sentences[si].Paragraph {
		return [2]int{}, false
	}
	s := doc.Sentences[si+1]
	e := s.FirstToken
	for e < s.EndToken && doc.Tokens[e].Kind != dyad.QuoteMark {
		e++
	}
	return [2]int{s.FirstToken, e}, e > s.FirstToken
}

// endsClause reports whether only a comma-led phrase or final punctuation
// follows token k before end: "Graham asked." or "Kim said, smiling." but not
// "Kim said the talks failed."
func endsClause(doc *dyad.Document, k, end int) bool {
	return k >= end || doc.Tokens[k].Kind == dyad.Punct
}

// introSentence returns the sentence before quote q when it ends with a
// colon: `Caddell continued:` introducing a quote in the next paragraph.
func introSentence(doc *dyad.Document, q quoteSpan) ([2]int, bool) {
	si := doc.SentenceAt(q.Start)
	if si <= 0 {
		return [2]int{}, false
	}
	s := doc.Sentences[si-1]
	last := s.EndToken - 1
	if last < s.FirstToken || doc.Tokens[last].Text != ":" {
		return [2]int{}, false
	}
	return [2]int{s.FirstToken, last}, true
}

// relativePronouns stand for the noun a relative clause hangs on.
var relativePronouns = wordSet("who which that")

// namingVerbs give a name to something: a partial quote they govern is
// their subject's words, whoever reports them.
var namingVerbs = wordSet("call describe term dub label brand")

// governor finds the speaker of a quote that is part of a clause whose verb
// is no speech cue, a partial quote such as `Kerry called the test "a brazen
// breach"`: the subject of the nearest verb above the quote in the parse, or
// for a relative clause ("Ban, who called it …") the noun it qualifies. A
// subject that names no actor ("the exercises tested its ability to strike
// "key targets," the command said") gives way to the next one up that
// does, unless its verb is a cue ("the man posted that refugees should
// "burn alive""). A quote that holds its sentence's root stands alone and
// has no governor.
func governor(doc *dyad.Document, q quoteSpan) (*dyad.Snippet, [2]int, bool) {
	si := doc.SentenceAt(q.Start)
	if !doc.Parsed() || si < 0 || doc.SentenceAt(q.End-1) != si {
		return nil, [2]int{}, false
	}
	inside := func(k int) bool { return k >= q.first-1 && k <= q.last+1 }
	h := -1
	for k := q.first; k <= q.last; k++ {
		hd := doc.Tokens[k].Head
		if hd < 0 {
			return nil, [2]int{}, false
		}
		if !inside(hd) && h < 0 {
			h = hd
		}
	}
	var firstCue *dyad.Snippet
	var firstSpeaker [2]int
	for step := 0; h >= 0 && step < 6; step++ {
		if doc.Tokens[h].UPOS == "VERB" && !inside(h) {
			for _, k := range doc.Dependents(h) {
				if doc.Tokens[k].Rel != "nsubj" || inside(k) || timeSubject(doc.Tokens[k]) {
					continue
				}
				if relativePronouns[strings.ToLower(doc.Tokens[k].Text)] && doc.Tokens[h].Rel == "acl:relcl" {
					k = doc.Tokens[h].Head
				}
				r := phrase(doc, k)
				if r[0] > q.last || r[1] <= q.first {
					if namesActor(doc, r) || isCue(doc.Tokens[h]) {
						return snippet(doc, h, h+1), r, true
					}
					if firstCue == nil {
						firstCue, firstSpeaker = snippet(doc, h, h+1), r
					}
				}
			}
		}
		h = doc.Tokens[h].Head
	}
	return firstCue, firstSpeaker, firstCue != nil
}

// namesActor reports whether a mention of an actor lies in token range r.
func namesActor(doc *dyad.Document, r [2]int) bool {
	if r[0] >= r[1] {
		return false
	}
	span := dyad.Span{Start: doc.Tokens[r[0]].Start, End: doc.Tokens[r[1]-1].End}
	for _, m := range doc.Mentions {
		if m.Overlaps(span) {
			return true
		}
	}
	return false
}

// afterQuote returns the token range after the quote's closing mark up to the
// end of its sentence or the next quotation mark.
func afterQuote(doc *dyad.Document, q quoteSpan) [2]int {
	si := doc.SentenceAt(q.End - 1)
	end := doc.Sentences[si].EndToken
	k := q.last + 1
	for k < end && (doc.Tokens[k].Kind == dyad.QuoteMark || doc.Tokens[k].Text == ",") {
		k++
	}
	j := k
	for j < end && doc.Tokens[j].Kind != dyad.QuoteMark {
		j++
	}
	return [2]int{k, j}
}

// beforeQuote returns the token range from the start of the quote's sentence
// (or the previous quotation mark) to its opening mark.
func beforeQuote(doc *dyad.Document, q quoteSpan) [2]int {
	si := doc.SentenceAt(q.Start)
	start := doc.Sentences[si].FirstToken
	j := q.first
	for j > start && doc.Tokens[j-1].Kind == dyad.QuoteMark {
		j--
	}
	k := j
	for k > start && doc.Tokens[k-1].Kind != dyad.QuoteMark {
		k--
	}
	return [2]int{k, j}
}

// isCue reports whether t is a verb of saying; a word the tagger took for a
// noun is none ("one of the states suing the EPA", "his remarks"), unless
// it is a past tense the tagger slipped on ("recalled").
func isCue(t dyad.Token) bool {
	w := strings.ToLower(t.Text)
	return cues[w] && (t.UPOS != "NOUN" && t.UPOS != "PROPN" || strings.HasSuffix(w, "ed"))
}

// treeSpeaker returns the token range of the subject of cue token c, when
// the language layer parsed the sentence: its subtree without appositions,
// relative clauses and punctuation ("Ivanov, a Kremlin aide," → "Ivanov").
func treeSpeaker(doc *dyad.Document, c int) ([2]int, bool) {
	if !doc.Parsed() {
		return [2]int{}, false
	}
	for _, k := range doc.Dependents(c) {
		if r := doc.Tokens[k].Rel; r != "nsubj" && r != "nsubj:pass" || timeSubject(doc.Tokens[k]) {
			continue
		}
		return phrase(doc, k), true
	}
	return [2]int{}, false
}

// timeSubject reports whether t is a day the parser took for a subject
// ("This Wednesday Minister X emphasized ..."): no speaker.
func timeSubject(t dyad.Token) bool { return timeWords[strings.ToLower(t.Text)] }

var timeWords = wordSet("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight")

// phrase returns the token range of the subtree of token k without its
// appositions, clauses and punctuation.
func phrase(doc *dyad.Document, k int) [2]int {
	lo, hi := k, k
	stack := []int{k}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, n), max(hi, n)
		for _, d := range doc.Dependents(n) {
			switch doc.Tokens[d].Rel {
			case "appos", "acl:relcl", "acl", "punct", "parataxis", "advcl":
				continue
			}
			stack = append(stack, d)
		}
	}
	return [2]int{lo, hi + 1}
}

// cueAfter matches `…," X said` and `…," said X`.
func cueAfter(doc *dyad.Document, r [2]int) (*dyad.Snippet, [2]int, bool) {
	toks := doc.Tokens
	limit, depth, aside := r[0]+10, 0, 0
	for c := r[0]; c < r[1] && c < limit; c++ {
		// A parenthesis, "Rep. Jason Chaffetz (R-Utah) said", does not
		// count towards the distance to the cue, nor do up to two
		// asides between commas after the speaker's name ("Scott Pruitt,
		// the Republican attorney general of Oklahoma, one of the states
		// suing the EPA, said").
		switch toks[c].Text {
		case "(":
			depth++
		case ")":
			depth = max(depth-1, 0)
			limit++
		case ",":
			if c > r[0] && depth == 0 && aside < 2 {
				aside++
				limit += 12
			}
		}
		if depth > 0 {
			limit++
			continue
		}
		if !isCue(toks[c]) {
			continue
		}
		if c == r[0] {
			e := c + 1
			for e < r[1] && e < c+13 && !speakerStops[strings.ToLower(toks[e].Text)] {
				e++
			}
			if e > c+1 {
				return snippet(doc, c, c+1), [2]int{c + 1, e}, true
			}
			return nil, [2]int{}, false
		}
		sp := trimSpeaker(doc, [2]int{r[0], c})
		if sp[1] > sp[0] {
			return snippet(doc, c, c+1), sp, true
		}
		return nil, [2]int{}, false
	}
	return nil, [2]int{}, false
}

// cueBefore matches `X said: "…"`, `X told reporters "…"`, `X said that "…"`.
func cueBefore(doc *dyad.Document, r [2]int) (*dyad.Snippet, [2]int, bool) {
	toks := doc.Tokens
	for c := r[1] - 1; c >= r[0] && c >= r[1]-5; c-- {
		if !isCue(toks[c]) {
			continue
		}
		// "X thanked Tokyo and said": the speaker is the clause's subject.
		if c > r[0] && strings.EqualFold(toks[c-1].Text, "and") {
			if sp, ok := subjectOf(doc, r[0], c); ok {
				return snippet(doc, c, c+1), sp, true
			}
		}
		start := c
		for start > r[0] && toks[start-1].Text != "," && toks[start-1].Text != ";" && c-start < 12 {
			start--
		}
		sp := trimSpeaker(doc, [2]int{start, c})
		if sp[1] > sp[0] {
			return snippet(doc, c, c+1), sp, true
		}
		// "Douglas Brinkley, a historian who attended the session,
		// recalled, "…"": an aside between the speaker and the cue.
		if tr, ok := treeSpeaker(doc, c); ok && tr[0] >= r[0] && tr[1] < c && toks[tr[1]].Text == "," {
			return snippet(doc, c, c+1), tr, true
		}
	}
	return nil, [2]int{}, false
}

// accordingTo matches "according to X".
func accordingTo(doc *dyad.Document, r [2]int) (*dyad.Snippet, [2]int, bool) {
	toks := doc.Tokens
	for c := r[0]; c+2 < r[1]; c++ {
		if strings.EqualFold(toks[c].Text, "according") && strings.EqualFold(toks[c+1].Text, "to") {
			e := c + 2
			for e < r[1] && e < c+14 && !speakerStops[strings.ToLower(toks[e].Text)] {
				e++
			}
			if e > c+2 {
				return snippet(doc, c, c+2), [2]int{c + 2, e}, true
			}
		}
	}
	return nil, [2]int{}, false
}

// trimSpeaker cuts a speaker phrase to its first comma or parenthesis (an
// appositive or an affiliation follows) and drops auxiliaries before the cue; it rejects phrases that do
// not look like a name, a noun phrase or a pronoun.
func trimSpeaker(doc *dyad.Document, r [2]int) [2]int {
	toks := doc.Tokens
	for k := r[0]; k < r[1]; k++ {
		if toks[k].Text == "," || toks[k].Text == "(" {
			r[1] = k
			break
		}
	}
	for r[1] > r[0] && auxiliaries[strings.ToLower(toks[r[1]-1].Text)] {
		r[1]--
	}
	if r[1]-r[0] > 12 || r[1] == r[0] {
		return [2]int{}
	}
	for k := r[0]; k < r[1]; k++ {
		if t := toks[k]; t.Kind == dyad.Punct && t.Text != "." && t.Text != "-" || t.Kind == dyad.QuoteMark {
			return [2]int{}
		}
	}
	first := toks[r[0]].Text
	if r[1]-r[0] == 1 && pronouns[strings.ToLower(first)] {
		return r
	}
	// A speaker phrase holds no verb outside actor mentions: "Villanueva
	// thanked Tokyo" is a clause, not a speaker, while "WFP regional
	// director Amira Haddad" is a speaker.
	for k := r[0]; k < r[1]; k++ {
		if t := toks[k]; looksFinite(t.Text) && !inMention(doc, t.Span) {
			return [2]int{}
		}
	}
	// A speaker phrase has a capitalized word or a determiner: "Kim", "the
	// minister", "officials" is allowed too when it is a plural noun.
	for k := r[0]; k < r[1]; k++ {
		ch, _ := utf8.DecodeRuneInString(toks[k].Text)
		if unicode.IsUpper(ch) {
			return r
		}
	}
	switch strings.ToLower(first) {
	case "the", "a", "an", "his", "her", "their", "its", "one", "two", "several", "many", "some":
		return r
	}
	if strings.HasSuffix(toks[r[1]-1].Text, "s") {
		return r
	}
	return [2]int{}
}

func snippet(doc *dyad.Document, from, to int) *dyad.Snippet {
	s, e := doc.Tokens[from].Start, doc.Tokens[to-1].End
	return &dyad.Snippet{Text: doc.Article.Text[s:e], Start: s, End: e}
}

// resolve turns a speaker's tokens into a Speaker with its actors, if any: a
// pronoun through the actor layer's coreference ("they" after two
// ministers gives both), else its own antecedent search; words through the
// most specific mentions inside them ("Kim and Lee" gives both).
func resolve(doc *dyad.Document, r [2]int, before int) *dyad.Speaker {
	s, e := doc.Tokens[r[0]].Start, doc.Tokens[r[1]-1].End
	sp := &dyad.Speaker{Text: doc.Article.Text[s:e], Start: s, End: e}
	var actors []int
	if r[1]-r[0] == 1 && pronouns[strings.ToLower(sp.Text)] {
		actors = pronounActors(doc, dyad.Span{Start: s, End: e})
		if len(actors) == 0 {
			if a := antecedent(doc, strings.ToLower(sp.Text), min(s, before)); a >= 0 {
				actors = []int{a}
			}
		}
	} else {
		actors = bestMentions(doc, dyad.Span{Start: s, End: e})
	}
	setActors(doc, sp, actors)
	return sp
}

// setActors fills the speaker's actor fields from actors, the first as the
// speaker's own and the others in Also.
func setActors(doc *dyad.Document, sp *dyad.Speaker, actors []int) {
	if len(actors) == 0 {
		return
	}
	a := doc.Actors[actors[0]]
	sp.Actor, sp.Code, sp.Country, sp.Sector, sp.Role = a.ID, a.Code, a.Country, a.Sector, a.Role
	sp.Also = nil
	for _, i := range actors[1:] {
		a := doc.Actors[i]
		sp.Also = append(sp.Also, dyad.SpeakerActor{Actor: a.ID, Code: a.Code, Country: a.Country, Sector: a.Sector, Role: a.Role})
	}
}

// pronounActors returns the actors the actor layer resolved the pronoun at
// span to, the group of a plural one included.
func pronounActors(doc *dyad.Document, span dyad.Span) []int {
	for _, m := range doc.Mentions {
		if m.Span == span && m.Actor >= 0 && m.Actor < len(doc.Actors) {
			return append([]int{m.Actor}, m.Also...)
		}
	}
	return nil
}

// kindRank orders actor kinds from most to least specific speaker.
var kindRank = map[string]int{"person": 4, "agent": 3, "organization": 2, "group": 2, "country": 1}

// bestMentions returns the actors of the most specific mentions inside
// span, in text order and each once: "X and Y said" gives both, "Russian
// President Ivanov" the person alone.
func bestMentions(doc *dyad.Document, span dyad.Span) []int {
	var best []int
	rank := 0
	for _, m := range doc.Mentions {
		if !span.Overlaps(m.Span) {
			continue
		}
		switch r := kindRank[doc.Actors[m.Actor].Kind]; {
		case r > rank:
			best, rank = append(best[:0], m.Actor), r
		case r == rank && r > 0 && !slices.Contains(best, m.Actor):
			best = append(best, m.Actor)
		}
	}
	return best
}

// antecedent returns the actor a pronoun most likely refers to: the latest
// person or agent before offset for he and she, the latest actor of any kind
// for they, we and it.
func antecedent(doc *dyad.Document, pronoun string, offset int) int {
	for i := len(doc.Mentions) - 1; i >= 0; i-- {
		m := doc.Mentions[i]
		if m.End > offset {
			continue
		}
		kind := doc.Actors[m.Actor].Kind
		switch pronoun {
		case "he", "she", "i":
			if kind == "person" || kind == "agent" {
				return m.Actor
			}
		default:
			return m.Actor
		}
	}
	return -1
}

// subjectOf returns the token range of the first actor mention in tokens
// [from, to) that starts a clause: at from, or after a comma.
func subjectOf(doc *dyad.Document, from, to int) ([2]int, bool) {
	toks := doc.Tokens
	for k := from; k < to; k++ {
		if k > from && toks[k-1].Text != "," {
			continue
		}
		for _, m := range doc.Mentions {
			if m.Start != toks[k].Start && !(strings.EqualFold(toks[k].Text, "the") && k+1 < to && m.Start == toks[k+1].Start) {
				continue
			}
			e := k
			for e < to && toks[e].End <= m.End {
				e++
			}
			if e > k {
				return [2]int{k, e}, true
			}
		}
	}
	return [2]int{}, false
}

// bySubject prefers the cue verb's subject in the parse to the speaker the
// word-order rules found, when the subject lies in the same stretch of text
// outside the quote (region): a subject inside the quote means the tree is
// confused by the quotation marks.
func bySubject(doc *dyad.Document, cue *dyad.Snippet, sp, region [2]int) [2]int {
	c := tokenStarting(doc, cue.Start)
	if c < 0 {
		return sp
	}
	r, ok := treeSpeaker(doc, c)
	if !ok || r[0] < region[0] || r[1] > region[1] {
		return sp
	}
	for k := r[0]; k < r[1]; k++ {
		if doc.Tokens[k].Kind == dyad.QuoteMark {
			return sp
		}
	}
	return r
}

func tokenStarting(doc *dyad.Document, offset int) int {
	k, found := slices.BinarySearchFunc(doc.Tokens, offset, func(t dyad.Token, off int) int { return t.Start - off })
	if !found {
		return -1
	}
	return k
}
