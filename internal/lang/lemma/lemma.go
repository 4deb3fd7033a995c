package lemma

// caseClass says how the case of a lemma follows from the case of its form.
type caseClass uint8

const (
	caseLower caseClass = iota // "The" → "the"
	caseKeep                   // "Americans" → "American", "NATO" → "NATO"
	caseTitle                  // "GOD" → "God", "canada" → "Canada"
	numCases
)

// shape is the case pattern of a form, the key of the case decision.
type shape uint8

const (
	shapeNone    shape = iota // no letters: numbers, punctuation, symbols
	shapeLower                // "cats"
	shapeTitle                // "Cats", "A"
	shapeAcronym              // "NATO": capitals only, at most four letters
	shapeUpper                // "SCALIA": capitals only, more letters
	shapeMixed                // "iPhone", "McCain"
	shapeCode                 // "EB3326": capitals and digits
	numShapes
)

// edit turns a lowercased form into a lowercased lemma: drop the last cut
// bytes, append add.
type edit struct {
	cut int
	add string
}

// tagModel is what the model knows about one (UPOS, XPOS) pair.
type tagModel struct {
	upos, xpos string
	// exact maps forms, as written, whose lemma the rules get wrong.
	exact map[string]string
	// lower maps normalized lowercased forms whose lowercased lemma the
	// suffix rules get wrong; the case decision still applies.
	lower map[string]string
	// cases is the case decision for each shape of an unlisted form.
	cases [numShapes]caseClass
	// rules maps a suffix of the normalized lowercased form to its edit;
	// the longest matching suffix wins. The empty suffix is the default.
	rules     map[string]edit
	maxSuffix int
}

// tagPair is a (UPOS, XPOS) key.
type tagPair struct{ upos, xpos string }

// Model maps a word with its part-of-speech tags to its lemma. It is
// read-only once trained or read, so one Model serves any number of
// goroutines.
type Model struct {
	// tags are ordered by decreasing training frequency, so the first tag
	// with a given XPOS or UPOS is the most frequent one.
	tags   []tagModel
	byPair map[tagPair]int
	byXPOS map[string]int
	byUPOS map[string]int
	// intern holds the lemmas the rules build for training words, so that
	// Lemma returns them without allocating.
	intern map[string]string
}

// index builds the lookup maps from m.tags.
func (m *Model) index() {
	m.byPair = make(map[tagPair]int, len(m.tags))
	m.byXPOS = make(map[string]int)
	m.byUPOS = make(map[string]int)
	for i, t := range m.tags {
		m.byPair[tagPair{t.upos, t.xpos}] = i
		if _, ok := m.byXPOS[t.xpos]; !ok {
			m.byXPOS[t.xpos] = i
		}
		if _, ok := m.byUPOS[t.upos]; !ok {
			m.byUPOS[t.upos] = i
		}
	}
}

// setRules sets the suffix rules of t.
func (t *tagModel) setRules(rules map[string]edit) {
	t.rules, t.maxSuffix = rules, 0
	for s := range rules {
		t.maxSuffix = max(t.maxSuffix, len(s))
	}
}

// tag returns the model of the tag pair, backing off to the most frequent
// pair with the same XPOS, then the same UPOS; nil when neither is known.
func (m *Model) tag(upos, xpos string) *tagModel {
	if i, ok := m.byPair[tagPair{upos, xpos}]; ok {
		return &m.tags[i]
	}
	if i, ok := m.byXPOS[xpos]; ok {
		return &m.tags[i]
	}
	if i, ok := m.byUPOS[upos]; ok {
		return &m.tags[i]
	}
	return nil
}

// maxStack is the form length up to which Lemma works in stack buffers.
const maxStack = 128

// Lemma returns the lemma of form tagged upos (UD) and xpos (Penn). Forms
// listed as exceptions get their training lemma; other forms get the lemma
// the suffix rules and the case decision of their tag build. Numbers,
// punctuation and symbols are mostly their own lemma; grouped numbers lose
// their commas ("1,200" → "1200") and typographic quotes and dashes become
// ASCII, as in the treebank. An unknown tag gives the form itself. Lemma
// never returns "" for a non-empty form, is safe for concurrent use, and
// does not allocate for words of up to maxStack bytes seen in training.
func (m *Model) Lemma(form, upos, xpos string) string {
	l, _ := m.lemma(form, upos, xpos)
	return l
}

// lemma is Lemma; built reports a lemma built by the rules rather than
// found in a table, the lemmas training interns.
func (m *Model) lemma(form, upos, xpos string) (l string, built bool) {
	if form == "" {
		return "", false
	}
	t := m.tag(upos, xpos)
	if t == nil {
		return form, false
	}
	if l, ok := t.exact[form]; ok {
		return l, false
	}
	var nbuf, lbuf, obuf, rbuf [maxStack]byte
	norm := normalize(nbuf[:0], form)
	lf := lowerCase(lbuf[:0], norm)
	sh := shapeOf(norm)
	cls := t.cases[sh]
	core, stored := t.lower[string(lf)]
	var out []byte
	switch {
	case stored && (cls == caseLower || cls == caseKeep && sh <= shapeLower):
		if core == "" {
			return form, false
		}
		return core, false
	case stored:
		out = append(obuf[:0], core...)
	default:
		out = t.apply(obuf[:0], lf)
	}
	return m.finish(form, recase(rbuf[:0], cls, sh, norm, lf, out))
}

// rule returns the edit of the longest suffix of lf that has one.
func (t *tagModel) rule(lf []byte) edit {
	for n := min(len(lf), t.maxSuffix); n > 0; n-- {
		if e, ok := t.rules[string(lf[len(lf)-n:])]; ok {
			return e
		}
	}
	return t.rules[""]
}

// finish turns a built lemma into a string without allocating when it is
// a prefix of the form or an interned lemma.
func (m *Model) finish(form string, b []byte) (string, bool) {
	switch {
	case len(b) == 0:
		return form, false
	case len(b) <= len(form) && form[:len(b)] == string(b):
		return form[:len(b)], false
	}
	if s, ok := m.intern[string(b)]; ok {
		return s, false
	}
	return string(b), true
}
