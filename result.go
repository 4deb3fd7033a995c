package dyad

import "time"

// Result is the JSON view of an analyzed article: the machine contract of
// `dyad code --format jsonl`, one object per article. Slices are never nil, so
// empty layers serialize as [].
type Result struct {
	SchemaVersion string `json:"schema_version"`
	ID            string `json:"id"`
	Title         string `json:"title"`
	URL           string `json:"url"`
	Source        string `json:"source"`
	// Date is the publication date (YYYY-MM-DD), "" when unknown.
	Date string `json:"date"`
	// Published is the publication time (RFC 3339) when the input gave one.
	Published string    `json:"published,omitempty"`
	Input     string    `json:"input"`
	Hash      string    `json:"hash"`
	Dateline  *Dateline `json:"dateline"`
	Stats     Stats     `json:"stats"`
	Actors    []Actor   `json:"actors"`
	Events    []Event   `json:"events"`
	Quotes    []Quote   `json:"quotes"`
	Places    []Place   `json:"places"`
	Dates     []DateRef `json:"dates"`
	// Entities are the names the statistical recognizer found, whether or
	// not they became actors or places.
	Entities []EntityRef  `json:"entities"`
	Themes   []Theme      `json:"themes"`
	Tone     *Tone        `json:"tone"`
	Errors   []StageError `json:"errors"`
}

// Stats counts what the language layer found.
type Stats struct {
	Bytes     int `json:"bytes"`
	Sentences int `json:"sentences"`
	Tokens    int `json:"tokens"`
}

// Result returns the JSON view of d.
func (d *Document) Result() Result {
	a := d.Article
	r := Result{
		SchemaVersion: SchemaVersion,
		ID:            a.ID,
		Title:         a.Title,
		URL:           a.URL,
		Source:        a.Source,
		Input:         a.Input,
		Hash:          a.Hash,
		Dateline:      a.Dateline,
		Stats:         Stats{Bytes: len(a.Text), Sentences: len(d.Sentences), Tokens: len(d.Tokens)},
		Actors:        nonNil(d.Actors),
		Events:        nonNil(d.Events),
		Quotes:        nonNil(d.Quotes),
		Places:        nonNil(d.Places),
		Dates:         nonNil(d.Dates),
		Entities:      entityRefs(d),
		Themes:        nonNil(d.Themes),
		Tone:          d.Tone,
		Errors:        nonNil(d.Errors),
	}
	if !a.Date.IsZero() {
		r.Date = a.Date.Format(DateLayout)
		if a.HasTime {
			r.Published = a.Date.Format(time.RFC3339)
		}
	}
	return r
}

// EntityRef is a recognized name as the JSON view shows it.
type EntityRef struct {
	Text     string `json:"text"`
	Type     string `json:"type"` // PER, ORG or LOC
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
}

func entityRefs(d *Document) []EntityRef {
	out := make([]EntityRef, 0, len(d.Entities))
	for _, e := range d.Entities {
		out = append(out, EntityRef{Text: d.Article.Text[e.Span.Start:e.Span.End], Type: e.Type,
			Start: e.Span.Start, End: e.Span.End, Sentence: e.Sentence})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
