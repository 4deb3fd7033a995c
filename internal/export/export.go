package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Writer writes analyzed articles in one output format. Write writes one
// Result (one or more lines, depending on the format); Close writes what the
// format needs at the end (a CSV header when no article came) and flushes,
// but does not close the underlying io.Writer. A Writer is not safe for
// concurrent use; after Close, Write returns ErrClosed.
type Writer interface {
	Write(r *dyad.Result) error
	Close() error
}

// EventWriter is a Writer of a format with one record per event (gdelt,
// plover, csv) that can also write some of an article's events.
// WriteEvents(r, events) writes the events of r at the positions events
// lists, in that order, exactly as Write would have written them: a
// GDELT GLOBALEVENTID still derives from the event's position in r. A
// position outside r.Events is an error and nothing of r is written.
type EventWriter interface {
	Writer
	WriteEvents(r *dyad.Result, events []int) error
}

var (
	_ EventWriter = (*gdeltWriter)(nil)
	_ EventWriter = (*csvWriter)(nil)
	_ EventWriter = (*ploverWriter)(nil)
)

// ErrUnknownFormat reports a format name New does not know.
var ErrUnknownFormat = errors.New("export: unknown format")

// ErrClosed reports a Write after Close.
var ErrClosed = errors.New("export: writer closed")

// Formats returns the names New accepts, in the order `dyad code --help`
// lists them.
func Formats() []string { return []string{"jsonl", "table", "gdelt", "plover", "csv"} }

// New returns a Writer for format, writing to w.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case "jsonl":
		return newJSONL(w), nil
	case "table":
		return newTable(w), nil
	case "gdelt":
		return NewGDELT(w, false), nil
	case "plover":
		return newPLOVER(w), nil
	case "csv":
		return newCSV(w), nil
	}
	return nil, fmt.Errorf("%w %q (want one of %s)", ErrUnknownFormat, format, strings.Join(Formats(), ", "))
}

// buffered is the part every writer shares: a buffer, and the closed state.
type buffered struct {
	w      *bufio.Writer
	closed bool
}

func newBuffered(w io.Writer) buffered { return buffered{w: bufio.NewWriter(w)} }

// check returns the error Write must return before doing anything.
func (b *buffered) check(r *dyad.Result) error {
	if b.closed {
		return ErrClosed
	}
	if r == nil {
		return errors.New("export: nil Result")
	}
	return nil
}

// checkEvents is check for WriteEvents.
func (b *buffered) checkEvents(r *dyad.Result, events []int) error {
	if err := b.check(r); err != nil {
		return err
	}
	for _, i := range events {
		if i < 0 || i >= len(r.Events) {
			return fmt.Errorf("export: article %s has no event at position %d", r.ID, i)
		}
	}
	return nil
}

// allEvents returns the positions of every event of r.
func allEvents(r *dyad.Result) []int {
	if r == nil {
		return nil
	}
	out := make([]int, len(r.Events))
	for i := range out {
		out[i] = i
	}
	return out
}

func (b *buffered) Close() error {
	if b.closed {
		return nil
	}
	b.closed = true
	if err := b.w.Flush(); err != nil {
		return fmt.Errorf("flush output: %w", err)
	}
	return nil
}

// index finds a Result's actors and places by identifier.
type index struct {
	actors map[string]*dyad.Actor
	places map[string]*dyad.Place
}

func newIndex(r *dyad.Result) index {
	x := index{actors: make(map[string]*dyad.Actor, len(r.Actors)), places: make(map[string]*dyad.Place, len(r.Places))}
	for i := range r.Actors {
		x.actors[r.Actors[i].ID] = &r.Actors[i]
	}
	for i := range r.Places {
		x.places[r.Places[i].ID] = &r.Places[i]
	}
	return x
}

// actor returns the actor ref points to, or a stand-in made from the ref
// when the Result does not list it.
func (x index) actor(ref *dyad.ActorRef) dyad.Actor {
	if a, ok := x.actors[ref.Actor]; ok {
		return *a
	}
	return dyad.Actor{ID: ref.Actor, Text: ref.Text, Code: ref.Code}
}

// oneLine collapses every run of white space, line breaks and tabs
// included, into one space and replaces invalid UTF-8, so that a value fits
// in a cell or a field of a tab-separated line.
func oneLine(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !strings.ContainsAny(s, "\t\n\r\v\f\u0085\u2028\u2029") && !strings.Contains(s, "  ") &&
		strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// clip shortens s to at most n runes, ending it with "…" when it cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	i, k := 0, 0
	for k < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		k++
	}
	return strings.TrimRight(s[:i], " ") + "…"
}
