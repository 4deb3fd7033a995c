package dyad

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// SchemaVersion is the version of the JSON contract written by Result. It
// follows semantic versioning: a new optional field bumps the minor version, a
// removed or changed field the major one. schema/dyad.schema.json describes it.
const SchemaVersion = "2.2.0"

// DateLayout is the layout of every calendar date in dyad's output.
const DateLayout = "2006-01-02"

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len reports the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Article is one news story as a reader produced it.
type Article struct {
	// ID is the input's own identifier, or the first 16 hex digits of Hash.
	ID     string
	URL    string
	Title  string
	Source string // publisher or agency, e.g. "Yonhap"
	// Date is the publication time; zero when neither the input nor the
	// caller gave one. HasTime says whether its time of day is known.
	Date    time.Time
	HasTime bool
	// Text is the body exactly as read: valid UTF-8, never rewritten.
	Text string
	// Dateline is the story's opening place-and-source line, when it has one.
	Dateline *Dateline
	// Skip lists regions of Text that analysis ignores: the dateline, a
	// leading date line, scrape debris such as table pipes and photo captions.
	// Sorted by Start, not overlapping.
	Skip []Span
	// Input names where the article came from: a path, "-" for standard
	// input, with the record or line for multi-article files ("a.csv:7").
	Input string
	// Hash is the hex SHA-256 of Text: the key that makes ingestion idempotent.
	Hash string
}

// Dateline is the opening line of a wire story: "SEOUL, March 17 (Yonhap) --".
type Dateline struct {
	Span   Span   `json:"span"`
	Place  string `json:"place"`
	Source string `json:"source,omitempty"`
	// Date is the dateline's own date resolved to YYYY-MM-DD against the
	// publication date; empty when the dateline gives none.
	Date string `json:"date,omitempty"`
}

// ContentHash returns the hex SHA-256 of text, the value of Article.Hash.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Skipped reports whether the byte at offset i lies in a skipped region.
func (a *Article) Skipped(i int) bool {
	for _, s := range a.Skip {
		if i < s.Start {
			return false
		}
		if i < s.End {
			return true
		}
	}
	return false
}

// Document is an article under analysis with one layer per stage.
type Document struct {
	Article *Article

	// Language layer.
	Sentences []Sentence
	Tokens    []Token

	// Entities are the names that the language layer's statistical
	// recognizer found, in text order, whether or not the knowledge base
	// knows them.
	Entities []Entity

	// Actor layer: every recognized mention, and the actors they resolve to.
	Mentions []Mention
	Actors   []Actor

	// Knowledge-graph layers.
	Places []Place
	Dates  []DateRef
	Events []Event
	Quotes []Quote
	Themes []Theme
	Tone   *Tone

	// Errors records what a stage could not do for this article; the other
	// stages still ran.
	Errors []StageError
}

// NewDocument starts the analysis of a.
func NewDocument(a *Article) *Document { return &Document{Article: a} }

// Text returns the text a span names.
func (d *Document) Text(s Span) string { return d.Article.Text[s.Start:s.End] }

// SentenceAt returns the index of the sentence containing byte offset i, or -1.
func (d *Document) SentenceAt(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m].Span; {
		case i < s.Start:
			hi = m
		case i >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.FirstToken:s.EndToken]
}

// Stage is one step of the analysis. Process reads the layers that earlier
// stages added to doc and adds its own. It must not keep doc after returning,
// must be safe for concurrent use on different documents, and must be
// deterministic. An error means the stage could not finish its layer for this
// document; the pipeline records it in doc.Errors and runs the next stages.
type Stage interface {
	Name() string
	Process(doc *Document) error
}

// StageError is a failure of one stage on one document.
type StageError struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

// Sentence is a sentence of the body; its tokens are Tokens[FirstToken:EndToken].
type Sentence struct {
	Span
	FirstToken int
	EndToken   int
	// Paragraph counts blank-line separated blocks from zero.
	Paragraph int
}

// TokenKind is the coarse class the tokenizer gives a token.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
	QuoteMark // an opening or closing quotation mark
	Symbol
	URL
)

// Token is a word, number, punctuation mark or quotation mark, with what the
// language layer says of it.
type Token struct {
	Span
	Text string // Article.Text[Start:End]
	Kind TokenKind
	// UPOS and XPOS are the Universal Dependencies and Penn Treebank tags.
	UPOS, XPOS string
	Lemma      string
	// Head is the index in Document.Tokens of the token's syntactic head,
	// -1 for the root of its sentence; Rel is the Universal Dependencies
	// relation to it ("nsubj", "obj", "nsubj:pass", "root").
	Head int
	Rel  string
}

// Entity is a name that the statistical recognizer found: a person, an
// organization or a location, whether or not the knowledge base knows it.
type Entity struct {
	Span            // byte offsets into Article.Text
	Type     string // PER, ORG or LOC
	Sentence int    // index into Document.Sentences
	// First and End are token indices into Document.Tokens: [First, End).
	First, End int
}

// Mention is one place in the text that names or stands for an actor.
type Mention struct {
	Span
	Text     string
	Actor    int    // index into Document.Actors
	Kind     string // how it names the actor: name, demonym, capital, agent, pronoun
	Sentence int
	// Place is the index into Document.Places when the mention is also a
	// place name ("Seoul said"), else -1.
	Place int
	// Also holds further actors the words stand for: a plural pronoun or
	// description ("they", "the two allies") names a group, Actor and Also.
	Also []int
}

// MentionRef is a mention as the JSON view shows it. Sentence is -1 for a
// mention in the dateline, which is not part of any sentence.
type MentionRef struct {
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
}

// Actor is a political actor the article mentions: a country, an organization,
// a group, a person, or an agent of one ("France's foreign minister").
type Actor struct {
	ID string `json:"id"`
	// Text is the words of the actor's first mention ("Paris", "Secretary
	// Blinken"); Name is its canonical name ("France", "Antony Blinken",
	// "French foreign minister").
	Text    string `json:"text"`
	Name    string `json:"name"`
	Code    string `json:"code"`    // CAMEO actor code: "FRA", "FRAGOV"
	Country string `json:"country"` // ISO 3166-1 alpha-3 of the actor's country, "" for IGOs
	Sector  string `json:"sector,omitempty"`
	// Kind is one of country, organization, group, person, agent.
	Kind string `json:"kind"`
	// Role is the office or function: "foreign minister", "former head of
	// state", "troops".
	Role string `json:"role,omitempty"`
	// Source says where a person's code comes from: the knowledge-base row
	// or dictionary line of the office held on the article's date
	// ("g7.tsv:12"); empty for actors composed from the text.
	Source   string       `json:"source,omitempty"`
	Mentions []MentionRef `json:"mentions"`
}

// ActorRef points from an event or quote to an actor and the words naming it.
type ActorRef struct {
	Actor string `json:"actor"` // Actor.ID
	Text  string `json:"text"`
	Code  string `json:"code"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// PLOVER is an event's type and mode in the PLOVER ontology.
type PLOVER struct {
	Type    string `json:"type"`
	Mode    string `json:"mode,omitempty"`
	Context string `json:"context,omitempty"`
}

// Event is one coded interaction: source did something to target.
type Event struct {
	ID        string    `json:"id"`
	Source    ActorRef  `json:"source"`
	Target    *ActorRef `json:"target"`
	CAMEO     string    `json:"cameo"`
	CAMEOName string    `json:"cameo_name"`
	Root      string    `json:"root"`
	QuadClass int       `json:"quad_class"`
	Goldstein float64   `json:"goldstein"`
	PLOVER    PLOVER    `json:"plover"`
	Date      string    `json:"date"`
	// DateSource says where Date came from: "text" (an expression in the
	// event's sentence), "dateline" or "article"; "" when the event has no
	// date because the article has none.
	DateSource string    `json:"date_source"`
	Location   *PlaceRef `json:"location"`
	Negated    bool      `json:"negated"`
	// Modality is asserted, intended, future, hypothetical or reported.
	Modality string   `json:"modality"`
	Sentence int      `json:"sentence"`
	Evidence Evidence `json:"evidence"`
	// Mentions are the other places in the article that report the same
	// event (same source, target, code, negation and modality, on the same
	// day or undated in one of the sentences): the
	// article's duplicates, merged into the first report. The event counts
	// 1 + len(Mentions) mentions, as GDELT's NumMentions.
	Mentions []EventMention `json:"mentions,omitempty"`
}

// EventMention is one further report of an event in its article.
type EventMention struct {
	Sentence int      `json:"sentence"`
	Evidence Evidence `json:"evidence"`
}

// Evidence explains why an event was coded.
type Evidence struct {
	Text    string  `json:"text"` // the sentence
	Trigger Snippet `json:"trigger"`
	// Pattern names the dictionary entry that fired, as "file:line pattern".
	Pattern string `json:"pattern"`
}

// Snippet is a piece of the text with its span.
type Snippet struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Quote is a quotation and who said it.
type Quote struct {
	ID string `json:"id"`
	// Kind is "direct" (inside quotation marks) or "indirect" ("X said that").
	Kind     string   `json:"kind"`
	Text     string   `json:"text"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Sentence int      `json:"sentence"`
	Cue      *Snippet `json:"cue"`
	Speaker  *Speaker `json:"speaker"`
}

// Speaker is the words that name a quote's speaker and the actor they resolve to.
type Speaker struct {
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Actor   string `json:"actor,omitempty"` // Actor.ID when resolved
	Code    string `json:"code,omitempty"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Role    string `json:"role,omitempty"`
	// Also holds the further actors a plural speaker stands for: "they"
	// after two ministers were named, "Kim and Lee said".
	Also []SpeakerActor `json:"also,omitempty"`
}

// SpeakerActor is one more actor a plural speaker resolves to.
type SpeakerActor struct {
	Actor   string `json:"actor"` // Actor.ID
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Role    string `json:"role,omitempty"`
}

// Place is a location the article names, resolved to the gazetteer.
type Place struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind is country, city, region, province, sea, strait, gulf, ocean,
	// peninsula, disputed or zone.
	Kind     string       `json:"kind"`
	Country  string       `json:"country"` // ISO 3166-1 alpha-3
	Admin1   string       `json:"admin1,omitempty"`
	Lat      float64      `json:"lat"`
	Lon      float64      `json:"lon"`
	Mentions []MentionRef `json:"mentions"`

	// Population is the gazetteer's population of a city or region, 0 when
	// unknown.
	Population int `json:"population,omitempty"`
	// Reason says why the text's words were taken for this place and why
	// this entry was chosen among same-name places, e.g. `"in Tripoli"; in a
	// country the story names (LBN)`.
	Reason string `json:"reason,omitempty"`
}

// PlaceRef points from an event to a place.
type PlaceRef struct {
	Place   string  `json:"place"` // Place.ID
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	// Reason says why the event is placed there, e.g. `"in Seoul" in the
	// event's sentence` or "dateline".
	Reason string `json:"reason"`
}

// DateRef is a date expression in the text and the date it stands for.
type DateRef struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Value is YYYY-MM-DD for days, YYYY-MM for months, YYYY for years.
	Value string `json:"value"`
	// Granularity is day, week (Value is its Monday), month or year.
	Granularity string `json:"granularity"`
	Sentence    int    `json:"sentence"`
}

// Theme is a topic of international affairs the article touches.
type Theme struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Mentions []MentionRef `json:"mentions"`
	// Events lists the IDs of the events whose sentence mentions the theme.
	Events []string `json:"events,omitempty"`
}

// Tone is the article's emotional tone, GDELT's seven tone fields: the
// percentages of positive and negative words, their difference as Tone and
// their sum as Polarity, the activity and self/group reference densities and
// the word count; and the tone of the sentences that mention each pair of
// actors.
type Tone struct {
	Tone     float64 `json:"tone"`
	Positive float64 `json:"positive"`
	Negative float64 `json:"negative"`
	Polarity float64 `json:"polarity"`
	// ActivityDensity is the percentage of words that are verbs, GDELT's
	// activity reference density.
	ActivityDensity float64 `json:"activity_density"`
	// SelfGroupDensity is the percentage of words that are first-person
	// pronouns (I, me, we, us, our ...), GDELT's self/group reference
	// density.
	SelfGroupDensity float64 `json:"self_group_density"`
	Words            int     `json:"words"`
	// Pairs is the tone of the sentences that mention both actors of a pair,
	// for every pair mentioned together, in order of their actor IDs.
	Pairs []PairTone `json:"pairs,omitempty"`
}

// PairTone is the tone of the sentences that mention two actors together.
type PairTone struct {
	// Actor1 and Actor2 are Actor.IDs, Actor1 the one the document lists
	// first.
	Actor1    string  `json:"actor1"`
	Actor2    string  `json:"actor2"`
	Code1     string  `json:"code1"`
	Code2     string  `json:"code2"`
	Sentences int     `json:"sentences"`
	Tone      float64 `json:"tone"`
	Positive  float64 `json:"positive"`
	Negative  float64 `json:"negative"`
	Words     int     `json:"words"`
}

// Dependents returns the indices of the tokens whose head is token i, in
// text order. It scans i's sentence: trees are small.
func (d *Document) Dependents(i int) []int {
	si := d.SentenceAt(d.Tokens[i].Start)
	if si < 0 {
		return nil
	}
	s := d.Sentences[si]
	var out []int
	for k := s.FirstToken; k < s.EndToken; k++ {
		if d.Tokens[k].Head == i && k != i {
			out = append(out, k)
		}
	}
	return out
}

// Parsed reports whether the language layer gave the document's tokens
// heads and relations.
func (d *Document) Parsed() bool { return len(d.Tokens) > 0 && d.Tokens[0].Rel != "" }
