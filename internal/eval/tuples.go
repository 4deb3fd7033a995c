package eval

import "strings"

// TupleGold is one gold event in the terms all three event gold formats
// share: the source codes, target codes and event codes it accepts.
type TupleGold struct {
	// Sources are the accepted source actor codes ("USAGOV").
	Sources []string
	// Targets are the accepted target codes; "" accepts an event without
	// a target and "*" any target or none.
	Targets []string
	// Codes are the accepted event codes; one that ends in "*" accepts
	// every code that begins with the rest ("04*").
	Codes []string
	// Reciprocal accepts the event in either direction (talks, meetings).
	Reciprocal bool
}

// Tuple is one coded event: source, target ("" for none) and event code.
type Tuple struct{ Source, Target, Code string }

// TupleRecord is one scored unit of text (a sentence, a record) with its
// gold events and the events dyad coded in it.
type TupleRecord struct {
	ID    string
	Gold  []TupleGold
	Coded []Tuple
}

// EventLevel counts the tuples at one level of the event code: Correct
// coded events match a gold event (source, target and code), Uncoded gold
// events match none, Extra coded events match none.
type EventLevel struct {
	Correct   int     `json:"correct"`
	Uncoded   int     `json:"uncoded"`
	Extra     int     `json:"extra"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Accuracies says how often dyad gets one part of an event right when it
// gets the rest: the event type over the (gold, coded) pairs with the
// right source and target, the source and the target over the pairs with
// the right root code.
type Accuracies struct {
	TypePairs        int     `json:"type_pairs"`
	TypeAccuracy     float64 `json:"type_accuracy"`
	TypeRootAccuracy float64 `json:"type_root_accuracy"`
	ActorPairs       int     `json:"actor_pairs"`
	SourceAccuracy   float64 `json:"source_accuracy"`
	TargetAccuracy   float64 `json:"target_accuracy"`
}

// EventScore is the score of coded events against an event gold: tuples at
// the full-code level (embedded) and at the root level, the accuracies, and
// how many records without a gold event dyad left without one.
type EventScore struct {
	Records    int `json:"records"`
	GoldEvents int `json:"gold_events"`
	Coded      int `json:"coded"`
	EventLevel
	Root EventLevel `json:"root"`
	Accuracies
	NoEventRecords     int `json:"no_event_records"`
	NoEventRecordsKept int `json:"no_event_records_kept"`
	// ByRoot scores each root (CAMEO root, PLOVER type) at the root level:
	// recall over the gold events of the root (by their first code),
	// precision over the events dyad coded with it.
	ByRoot map[string]PRF `json:"by_root"`
}

// codeScheme says what the root of an event code is: its first two digits
// in CAMEO ("1724" → "17"), its type in PLOVER ("ACCUSE/investigate" →
// "ACCUSE").
type codeScheme func(code string) string

func cameoRoot(code string) string {
	if len(code) > 2 {
		return code[:2]
	}
	return code
}

func ploverRoot(code string) string {
	t, _, _ := strings.Cut(code, "/")
	return t
}

func actorOK(alts []string, code string) bool {
	for _, a := range alts {
		if a == "*" || a == code {
			return true
		}
	}
	return false
}

func (g TupleGold) actorsOK(t Tuple) bool {
	return actorOK(g.Sources, t.Source) && actorOK(g.Targets, t.Target) ||
		g.Reciprocal && actorOK(g.Sources, t.Target) && actorOK(g.Targets, t.Source)
}

func (g TupleGold) codeOK(code string) bool {
	for _, a := range g.Codes {
		if p, ok := strings.CutSuffix(a, "*"); ok && strings.HasPrefix(code, p) || a == code {
			return true
		}
	}
	return false
}

func (g TupleGold) rootOK(code string, root codeScheme) bool {
	r := root(code)
	for _, a := range g.Codes {
		if root(strings.TrimSuffix(a, "*")) == r {
			return true
		}
	}
	return false
}

// reciprocalHalves returns the indices of the coded events to score,
// leaving out the second half of a reciprocal pair: a coded
// event whose reverse (target and source swapped, same code) was also coded,
// when a reciprocal gold event ("talks", "signed an agreement", marked "~")
// accepts both. dyad codes "A and B met" both ways, as PETRARCH does; the
// gold counts the meeting once, in either direction.
func reciprocalHalves(gold []TupleGold, coded []Tuple, root codeScheme) []int {
	var out []int
	for i, t := range coded {
		half := false
		for _, o := range coded[:i] {
			if o.Source != t.Target || o.Target != t.Source || o.Code != t.Code {
				continue
			}
			for _, g := range gold {
				if g.Reciprocal && g.actorsOK(t) && g.rootOK(t.Code, root) {
					half = true
				}
			}
		}
		if !half {
			out = append(out, i)
		}
	}
	return out
}

// pairUp pairs gold and coded events one to one: each condition in turn,
// greedily in gold order, over the events not yet paired.
func pairUp(gold []TupleGold, coded []Tuple, conds ...func(TupleGold, Tuple) bool) [][2]int {
	gUsed, cUsed := make([]bool, len(gold)), make([]bool, len(coded))
	var pairs [][2]int
	for _, ok := range conds {
		for i, g := range gold {
			if gUsed[i] {
				continue
			}
			for j, c := range coded {
				if !cUsed[j] && ok(g, c) {
					gUsed[i], cUsed[j] = true, true
					pairs = append(pairs, [2]int{i, j})
					break
				}
			}
		}
	}
	return pairs
}

// tupleCounts accumulates an EventScore.
type tupleCounts struct {
	records, gold, coded, full, root int
	typePairs, typeFull, typeRoot    int
	actorPairs, source, target       int
	noEvent, noEventKept             int
	// per root: gold events, those found, coded events, those right
	rootGold, rootFound, rootCoded, rootRight map[string]int
}

// add scores one record and returns, for the details, which gold and coded
// events found a full-code match.
func (c *tupleCounts) add(r TupleRecord, root codeScheme) (goldHit, codedHit []bool) {
	kept := reciprocalHalves(r.Gold, r.Coded, root)
	if len(kept) < len(r.Coded) {
		// Score without the second halves; report them as matched.
		all := r.Coded
		r.Coded = nil
		for _, i := range kept {
			r.Coded = append(r.Coded, all[i])
		}
		goldHit, hit := c.add(r, root)
		codedHit = make([]bool, len(all))
		for i := range codedHit {
			codedHit[i] = true
		}
		for j, i := range kept {
			codedHit[i] = hit[j]
		}
		return goldHit, codedHit
	}
	c.records++
	c.gold += len(r.Gold)
	c.coded += len(r.Coded)
	if len(r.Gold) == 0 {
		c.noEvent++
		if len(r.Coded) == 0 {
			c.noEventKept++
		}
	}
	full := func(g TupleGold, t Tuple) bool { return g.actorsOK(t) && g.codeOK(t.Code) }
	rooted := func(g TupleGold, t Tuple) bool { return g.actorsOK(t) && g.rootOK(t.Code, root) }
	goldHit, codedHit = make([]bool, len(r.Gold)), make([]bool, len(r.Coded))
	for _, p := range pairUp(r.Gold, r.Coded, full) {
		goldHit[p[0]], codedHit[p[1]] = true, true
		c.full++
	}
	if c.rootGold == nil {
		c.rootGold, c.rootFound, c.rootCoded, c.rootRight = map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	}
	for _, g := range r.Gold {
		c.rootGold[root(strings.TrimSuffix(g.Codes[0], "*"))]++
	}
	for _, t := range r.Coded {
		c.rootCoded[root(t.Code)]++
	}
	for _, p := range pairUp(r.Gold, r.Coded, rooted) {
		c.root++
		c.rootFound[root(strings.TrimSuffix(r.Gold[p[0]].Codes[0], "*"))]++
		c.rootRight[root(r.Coded[p[1]].Code)]++
	}
	actors := func(g TupleGold, t Tuple) bool { return g.actorsOK(t) }
	for _, p := range pairUp(r.Gold, r.Coded, full, rooted, actors) {
		g, t := r.Gold[p[0]], r.Coded[p[1]]
		c.typePairs++
		if g.codeOK(t.Code) {
			c.typeFull++
		}
		if g.rootOK(t.Code, root) {
			c.typeRoot++
		}
	}
	sameRoot := func(g TupleGold, t Tuple) bool { return g.rootOK(t.Code, root) }
	srcOK := func(g TupleGold, t Tuple) bool {
		return actorOK(g.Sources, t.Source) || g.Reciprocal && actorOK(g.Sources, t.Target)
	}
	tgtOK := func(g TupleGold, t Tuple) bool {
		return actorOK(g.Targets, t.Target) || g.Reciprocal && actorOK(g.Targets, t.Source)
	}
	for _, p := range pairUp(r.Gold, r.Coded, rooted,
		func(g TupleGold, t Tuple) bool { return sameRoot(g, t) && srcOK(g, t) },
		func(g TupleGold, t Tuple) bool { return sameRoot(g, t) && tgtOK(g, t) },
		sameRoot) {
		g, t := r.Gold[p[0]], r.Coded[p[1]]
		c.actorPairs++
		if srcOK(g, t) {
			c.source++
		}
		if tgtOK(g, t) {
			c.target++
		}
	}
	return goldHit, codedHit
}

func level(correct, coded, gold int) EventLevel {
	p := prf(correct, coded, correct, gold)
	return EventLevel{Correct: correct, Uncoded: gold - correct, Extra: coded - correct,
		Precision: p.Precision, Recall: p.Recall, F1: p.F1}
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func (c *tupleCounts) score() EventScore {
	byRoot := map[string]PRF{}
	for _, m := range []map[string]int{c.rootGold, c.rootCoded} {
		for r := range m {
			byRoot[r] = prf(c.rootRight[r], c.rootCoded[r], c.rootFound[r], c.rootGold[r])
		}
	}
	return EventScore{
		ByRoot:  byRoot,
		Records: c.records, GoldEvents: c.gold, Coded: c.coded,
		EventLevel: level(c.full, c.coded, c.gold),
		Root:       level(c.root, c.coded, c.gold),
		Accuracies: Accuracies{
			TypePairs: c.typePairs, TypeAccuracy: ratio(c.typeFull, c.typePairs), TypeRootAccuracy: ratio(c.typeRoot, c.typePairs),
			ActorPairs: c.actorPairs, SourceAccuracy: ratio(c.source, c.actorPairs), TargetAccuracy: ratio(c.target, c.actorPairs),
		},
		NoEventRecords: c.noEvent, NoEventRecordsKept: c.noEventKept,
	}
}

// ScoreTuples scores records whose event codes are CAMEO codes.
func ScoreTuples(records []TupleRecord) EventScore {
	var c tupleCounts
	for _, r := range records {
		c.add(r, cameoRoot)
	}
	return c.score()
}

// String writes a gold event as the dyad format does: "SRC CODE TGT".
func (g TupleGold) String() string {
	tgt := make([]string, len(g.Targets))
	for i, t := range g.Targets {
		tgt[i] = t
		if t == "" {
			tgt[i] = "-"
		}
	}
	s := strings.Join(g.Sources, "|") + " " + strings.Join(g.Codes, "|") + " " + strings.Join(tgt, "|")
	if g.Reciprocal {
		s += " ~"
	}
	return s
}

func (t Tuple) String() string {
	tgt := t.Target
	if tgt == "" {
		tgt = "-"
	}
	src := t.Source
	if src == "" {
		src = "?"
	}
	return src + " " + t.Code + " " + tgt
}
