package eval

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/ontology"
	"github.com/dyadproject/dyad/internal/pipeline"
)

// EventGold is a gold file in dyad's event format: references to sentences
// of a corpus that is not in the repository, with their hand-coded events.
type EventGold struct {
	// Corpus is the corpus file, relative to the shared data folder
	// ("wikinews/wikinews_2019.csv").
	Corpus   string
	Articles []GoldArticle
}

// GoldArticle is one article of the corpus, named by its URL, with the
// date that the gold was coded on and its gold sentences.
type GoldArticle struct {
	URL       string
	Date      time.Time
	Sentences []GoldSentence
	Line      int
}

// GoldSentence is one gold sentence: its byte span in the article text as
// dyad's reader produces it, the first 8 hex digits of the SHA-256 of the
// sentence (to catch a corpus that changed), and its events; none when the
// sentence has no event.
type GoldSentence struct {
	Start, End int
	Hash       string
	Events     []TupleGold
	Line       int
}

// SentenceHash is the hash a gold sentence carries: the first 8 hex digits
// of the SHA-256 of its text.
func SentenceHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:4])
}

// ParseEventGold reads the dyad event gold format (see the package
// documentation). Every error names the file and line.
func ParseEventGold(r io.Reader, name string) (*EventGold, error) {
	ont, err := ontology.Load()
	if err != nil {
		return nil, err
	}
	g := &EventGold{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s:%d: %s", ErrGold, name, line, fmt.Sprintf(format, a...))
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case s == "" || strings.HasPrefix(s, "#"):
		case strings.HasPrefix(s, "corpus "):
			if g.Corpus != "" {
				return nil, bad("a second corpus line")
			}
			g.Corpus = strings.TrimSpace(s[len("corpus "):])
			if g.Corpus == "" || filepath.IsAbs(g.Corpus) || strings.HasPrefix(filepath.Clean(g.Corpus), "..") {
				return nil, bad("corpus %q is not a path inside the data folder", g.Corpus)
			}
		case strings.HasPrefix(s, "article "):
			if g.Corpus == "" {
				return nil, bad("an article before the corpus line")
			}
			f := strings.Fields(s[len("article "):])
			if len(f) != 2 {
				return nil, bad("want \"article URL YYYY-MM-DD\"")
			}
			d, err := time.Parse(time.DateOnly, f[1])
			if err != nil {
				return nil, bad("date %q is not YYYY-MM-DD", f[1])
			}
			if seen[f[0]] {
				return nil, bad("article %s listed twice", f[0])
			}
			seen[f[0]] = true
			g.Articles = append(g.Articles, GoldArticle{URL: f[0], Date: d, Line: line})
		case len(g.Articles) == 0:
			return nil, bad("a sentence before the first article line")
		default:
			sent, err := parseGoldSentence(s, ont)
			if err != nil {
				return nil, bad("%v", err)
			}
			sent.Line = line
			a := &g.Articles[len(g.Articles)-1]
			if n := len(a.Sentences); n > 0 && a.Sentences[n-1].End > sent.Start {
				return nil, bad("sentence %d-%d overlaps or precedes the one before", sent.Start, sent.End)
			}
			a.Sentences = append(a.Sentences, sent)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrGold, name, err)
	}
	if len(g.Articles) == 0 {
		return nil, fmt.Errorf("%w: %s: no articles", ErrGold, name)
	}
	for _, a := range g.Articles {
		if len(a.Sentences) == 0 {
			return nil, fmt.Errorf("%w: %s:%d: article without sentences", ErrGold, name, a.Line)
		}
	}
	return g, nil
}

// parseGoldSentence reads "START<TAB>END<TAB>HASH<TAB>EVENTS".
func parseGoldSentence(s string, ont *ontology.Ontology) (GoldSentence, error) {
	f := strings.Split(s, "\t")
	if len(f) != 4 {
		return GoldSentence{}, fmt.Errorf("want START, END, HASH and EVENTS separated by tabs, got %d fields", len(f))
	}
	start, err1 := strconv.Atoi(f[0])
	end, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil || start < 0 || end <= start {
		return GoldSentence{}, fmt.Errorf("span %q-%q is not two offsets with START < END", f[0], f[1])
	}
	if len(f[2]) != 8 || strings.Trim(f[2], "0123456789abcdef") != "" {
		return GoldSentence{}, fmt.Errorf("hash %q is not 8 lower-case hex digits", f[2])
	}
	sent := GoldSentence{Start: start, End: end, Hash: f[2]}
	if strings.TrimSpace(f[3]) == "-" {
		return sent, nil
	}
	for ev := range strings.SplitSeq(f[3], ";") {
		g, err := parseTupleGold(strings.Fields(ev), ont)
		if err != nil {
			return GoldSentence{}, fmt.Errorf("event %q: %v", strings.TrimSpace(ev), err)
		}
		sent.Events = append(sent.Events, g)
	}
	return sent, nil
}

// parseTupleGold reads "SOURCE CODE TARGET [~]", each part a |-separated
// list of alternatives.
func parseTupleGold(f []string, ont *ontology.Ontology) (TupleGold, error) {
	if len(f) < 3 || len(f) > 4 || len(f) == 4 && f[3] != "~" {
		return TupleGold{}, fmt.Errorf("want SOURCE CODE TARGET, and ~ for a reciprocal event")
	}
	g := TupleGold{Reciprocal: len(f) == 4}
	for a := range strings.SplitSeq(f[0], "|") {
		if !isActorCode(a) {
			return g, fmt.Errorf("source %q is not an actor code", a)
		}
		g.Sources = append(g.Sources, a)
	}
	for c := range strings.SplitSeq(f[1], "|") {
		if !knownCode(c, ont) {
			return g, fmt.Errorf("%q is not a CAMEO code, nor a code prefix followed by *", c)
		}
		g.Codes = append(g.Codes, c)
	}
	for a := range strings.SplitSeq(f[2], "|") {
		switch {
		case a == "-":
			g.Targets = append(g.Targets, "")
		case a == "*" || isActorCode(a):
			g.Targets = append(g.Targets, a)
		default:
			return g, fmt.Errorf("target %q is not an actor code, - or *", a)
		}
	}
	return g, nil
}

// isActorCode accepts CAMEO actor codes: three or more capital letters.
func isActorCode(s string) bool {
	if len(s) < 3 || len(s) > 24 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// knownCode accepts a code of the ontology, or a prefix of at least the root
// followed by * that begins one.
func knownCode(c string, ont *ontology.Ontology) bool {
	p, star := strings.CutSuffix(c, "*")
	if !star {
		_, ok := ont.Lookup(c)
		return ok
	}
	if len(p) < 2 {
		return false
	}
	for _, k := range ont.All() {
		if strings.HasPrefix(k.Code, p) {
			return true
		}
	}
	return false
}

// LoadEventCorpus reads the gold's corpus from the data folder dir and
// returns its articles by URL. A record of the corpus that cannot be read
// is returned in skipped and the others are read; err is set only when the
// corpus gives no article at all.
func LoadEventCorpus(ctx context.Context, dir string, g *EventGold) (arts map[string]*dyad.Article, skipped []error, err error) {
	path := filepath.Join(dir, filepath.FromSlash(g.Corpus))
	arts = map[string]*dyad.Article{}
	for a, err := range article.Read(ctx, []string{path}, article.Options{}) {
		if err != nil {
			skipped = append(skipped, fmt.Errorf("read corpus: %w", err))
			continue
		}
		arts[a.URL] = a
	}
	if len(arts) == 0 {
		return nil, skipped, fmt.Errorf("read corpus %s: no articles (%w)", path, errors.Join(skipped...))
	}
	return arts, skipped, nil
}

// EventReport is the score of dyad on an event gold, with the gold items
// that could not be scored (Errors) and, for people, what went wrong
// (Misses).
type EventReport struct {
	EventScore
	Errors []string `json:"errors,omitempty"`
	Misses []string `json:"misses,omitempty"`
}

// EventsDyad analyzes each gold article of the corpus with an and scores the
// events whose trigger lies in a gold sentence. name names the gold file in
// messages. An article missing from the corpus, with another date, or a
// sentence whose text no longer has its hash is recorded in Errors and
// skipped; the rest is scored.
func EventsDyad(an *pipeline.Analyzer, g *EventGold, arts map[string]*dyad.Article, name string) EventReport {
	var rep EventReport
	var c tupleCounts
	for _, ga := range g.Articles {
		a := arts[ga.URL]
		switch {
		case a == nil:
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s:%d: article %s is not in the corpus %s", name, ga.Line, ga.URL, g.Corpus))
			continue
		case !a.Date.IsZero() && a.Date.Format(time.DateOnly) != ga.Date.Format(time.DateOnly):
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s:%d: article %s is dated %s in the corpus, %s in the gold",
				name, ga.Line, ga.URL, a.Date.Format(time.DateOnly), ga.Date.Format(time.DateOnly)))
			continue
		}
		if a.Date.IsZero() {
			a.Date = ga.Date
		}
		doc := an.Analyze(a)
		for _, e := range doc.Errors {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s:%d: %s: %s", name, ga.Line, e.Stage, e.Message))
		}
		for _, s := range ga.Sentences {
			if s.End > len(a.Text) || SentenceHash(a.Text[s.Start:s.End]) != s.Hash {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s:%d: the text at %d-%d has changed (hash %s)", name, s.Line, s.Start, s.End, s.Hash))
				continue
			}
			r := TupleRecord{ID: fmt.Sprintf("%s:%d", name, s.Line), Gold: s.Events, Coded: codedIn(doc, s.Start, s.End)}
			gh, ch := c.add(r, cameoRoot)
			rep.Misses = append(rep.Misses, misses(r, gh, ch)...)
		}
	}
	rep.EventScore = c.score()
	return rep
}

// codedIn returns the events of doc, other than negated and hypothetical
// ones, whose trigger starts in [start, end), once for each report there
// (the first and the merged mentions).
func codedIn(doc *dyad.Document, start, end int) []Tuple {
	var out []Tuple
	in := func(ev dyad.Evidence) bool { return ev.Trigger.Start >= start && ev.Trigger.Start < end }
	for _, e := range doc.Events {
		if e.Negated || e.Modality == "hypothetical" {
			continue
		}
		// An event reported again in a later sentence is merged into its
		// first report; each report counts in its own sentence.
		n := 0
		if in(e.Evidence) {
			n++
		}
		for _, m := range e.Mentions {
			if in(m.Evidence) {
				n++
			}
		}
		t := Tuple{Source: e.Source.Code, Code: e.CAMEO}
		if e.Target != nil {
			t.Target = e.Target.Code
		}
		for range n {
			out = append(out, t)
		}
	}
	return out
}

// misses lists the gold events of r without a full-code match and the
// extra coded events.
func misses(r TupleRecord, goldHit, codedHit []bool) []string {
	var out []string
	for i, g := range r.Gold {
		if !goldHit[i] {
			out = append(out, fmt.Sprintf("%s: missed %s (coded %v)", r.ID, g, r.Coded))
		}
	}
	for i, t := range r.Coded {
		if !codedHit[i] {
			out = append(out, fmt.Sprintf("%s: extra %s", r.ID, t))
		}
	}
	return out
}

// WriteTo writes g in the dyad event gold format; ParseEventGold reads it
// back to an equal value (but for the line numbers).
func (g *EventGold) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "corpus %s\n", g.Corpus)
	for _, a := range g.Articles {
		fmt.Fprintf(&b, "\narticle %s %s\n", a.URL, a.Date.Format(time.DateOnly))
		for _, s := range a.Sentences {
			ev := make([]string, len(s.Events))
			for i, e := range s.Events {
				ev[i] = e.String()
			}
			if len(ev) == 0 {
				ev = []string{"-"}
			}
			fmt.Fprintf(&b, "%d\t%d\t%s\t%s\n", s.Start, s.End, s.Hash, strings.Join(ev, " ; "))
		}
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}
