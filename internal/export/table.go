package export

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// TableWidth is the widest line the table format writes, in runes.
const TableWidth = 100

const (
	indent  = "  "
	padding = 2
)

// tableWriter writes each Result for people: a header, then aligned sections
// for events, quotes, actors, places and errors. Columns share TableWidth
// runes and cells are clipped to fit, so nothing wraps.
type tableWriter struct {
	buffered
	n int
}

func newTable(w io.Writer) *tableWriter { return &tableWriter{buffered: newBuffered(w)} }

func (t *tableWriter) Write(r *dyad.Result) error {
	if err := t.check(r); err != nil {
		return err
	}
	var b bytes.Buffer
	if t.n > 0 {
		b.WriteString("\n")
	}
	t.n++
	writeHeader(&b, r)
	writeEvents(&b, r)
	writeQuotes(&b, r)
	writeActors(&b, r)
	writePlaces(&b, r)
	if len(r.Errors) > 0 {
		rows := make([][]string, len(r.Errors))
		for i, e := range r.Errors {
			rows[i] = []string{e.Stage, e.Message}
		}
		section(&b, "ERRORS", []column{{"STAGE", 5, 16}, {"MESSAGE", 7, TableWidth}}, rows)
	}
	if _, err := t.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write table for %s: %w", r.ID, err)
	}
	return nil
}

// line writes s clipped to TableWidth; s must already be on one line.
func line(b *bytes.Buffer, s string) {
	b.WriteString(clip(s, TableWidth))
	b.WriteByte('\n')
}

func join(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = oneLine(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " · ")
}

func writeHeader(b *bytes.Buffer, r *dyad.Result) {
	date := r.Date
	if date == "" {
		date = "no date"
	}
	line(b, "ARTICLE "+join(r.ID, date, r.Source))
	if t := oneLine(r.Title); t != "" {
		line(b, indent+t)
	}
	var dl string
	if d := r.Dateline; d != nil {
		dl = "dateline " + d.Place
		if d.Source != "" {
			dl += " (" + d.Source + ")"
		}
		if d.Date != "" {
			dl += " " + d.Date
		}
	}
	if s := join(dl, r.URL); s != "" {
		line(b, indent+s)
	}
	facts := []string{fmt.Sprintf("%d sentences, %d bytes", r.Stats.Sentences, r.Stats.Bytes)}
	if r.Tone != nil {
		facts = append(facts, "tone "+strconv.FormatFloat(r.Tone.Tone, 'f', 2, 64))
	}
	if len(r.Themes) > 0 {
		names := make([]string, len(r.Themes))
		for i, th := range r.Themes {
			names[i] = th.Name
		}
		facts = append(facts, "themes "+strings.Join(names, ", "))
	}
	line(b, indent+join(facts...))
}

// actorCell is the actor's CAMEO code, which the ACTORS section explains,
// or its words when it has none.
func actorCell(ref *dyad.ActorRef) string {
	switch {
	case ref == nil:
		return "-"
	case ref.Code != "":
		return ref.Code
	}
	return ref.Text
}

// modeCell abbreviates an event's modality and negation so that the column
// stays narrow: "asserted", "not future", "hypoth.".
func modeCell(e *dyad.Event) string {
	m := e.Modality
	if m == "hypothetical" {
		m = "hypoth."
	}
	if e.Negated {
		m = "not " + m
	}
	return m
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeEvents(b *bytes.Buffer, r *dyad.Result) {
	rows := make([][]string, len(r.Events))
	for i := range r.Events {
		e := &r.Events[i]
		place := "-"
		if e.Location != nil {
			place = e.Location.Name
		}
		rows[i] = []string{
			orDash(e.Date), actorCell(&e.Source), e.CAMEO + " " + e.CAMEOName, actorCell(e.Target),
			place, modeCell(e), orDash(e.Evidence.Trigger.Text),
		}
	}
	section(b, "EVENTS", []column{
		{"DATE", 10, 10}, {"SOURCE", 6, 16}, {"CAMEO", 12, 40}, {"TARGET", 6, 16},
		{"PLACE", 5, 16}, {"MODE", 8, 12}, {"TRIGGER", 7, 30},
	}, rows)
}

func writeQuotes(b *bytes.Buffer, r *dyad.Result) {
	rows := make([][]string, len(r.Quotes))
	for i, q := range r.Quotes {
		who, code := "(unknown)", "-"
		if s := q.Speaker; s != nil {
			who, code = s.Text, orDash(s.Code)
		}
		text := oneLine(q.Text)
		if q.Kind == "direct" {
			text = "“" + text + "”"
		}
		rows[i] = []string{who, code, "→ " + text}
	}
	section(b, "QUOTES", []column{{"SPEAKER", 7, 30}, {"CODE", 4, 12}, {"QUOTE", 5, TableWidth}}, rows)
}

func writeActors(b *bytes.Buffer, r *dyad.Result) {
	rows := make([][]string, len(r.Actors))
	for i, a := range r.Actors {
		rows[i] = []string{orDash(a.Code), a.Name, a.Kind, orDash(a.Role), strconv.Itoa(len(a.Mentions))}
	}
	section(b, "ACTORS", []column{
		{"CODE", 4, 15}, {"NAME", 4, 40}, {"KIND", 4, 12}, {"ROLE", 4, 30}, {"MENTIONS", 8, 8},
	}, rows)
}

func writePlaces(b *bytes.Buffer, r *dyad.Result) {
	rows := make([][]string, len(r.Places))
	for i, p := range r.Places {
		rows[i] = []string{
			p.Name, p.Kind, orDash(p.Country), orDash(p.Admin1),
			strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64),
			strconv.Itoa(len(p.Mentions)),
		}
	}
	section(b, "PLACES", []column{
		{"NAME", 4, 30}, {"KIND", 4, 10}, {"COUNTRY", 7, 7}, {"ADMIN1", 6, 10},
		{"LAT", 8, 9}, {"LON", 9, 10}, {"MENTIONS", 8, 8},
	}, rows)
}

// column is a table column: its heading and the narrowest and widest it may
// be, in runes.
type column struct {
	head     string
	min, max int
}

// section writes a titled, aligned table. Each column is as wide as its
// widest cell, up to its max; when the line would be wider than TableWidth,
// the column with the most to spare above its min gives up a rune, until the
// line fits. Cells wider than their column are clipped with "…".
func section(b *bytes.Buffer, title string, cols []column, rows [][]string) {
	fmt.Fprintf(b, "\n%s (%d)\n", title, len(rows))
	if len(rows) == 0 {
		return
	}
	head := make([]string, len(cols))
	width := make([]int, len(cols))
	total := len(indent) + padding*(len(cols)-1)
	for i, c := range cols {
		head[i] = c.head
		width[i] = utf8.RuneCountInString(c.head)
	}
	all := append([][]string{head}, rows...)
	for _, row := range all {
		for i := range row {
			row[i] = oneLine(row[i])
			width[i] = max(width[i], min(utf8.RuneCountInString(row[i]), cols[i].max))
		}
	}
	for _, w := range width {
		total += w
	}
	for total > TableWidth {
		widest := -1
		for i, c := range cols {
			if width[i] > c.min && (widest < 0 || width[i]-c.min > width[widest]-cols[widest].min) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		width[widest]--
		total--
	}
	var out bytes.Buffer
	tw := tabwriter.NewWriter(&out, 0, 0, padding, ' ', 0)
	for _, row := range all {
		for i := range row {
			row[i] = clip(row[i], width[i])
		}
		fmt.Fprintln(tw, indent+strings.Join(row, "\t"))
	}
	tw.Flush()
	// A short last cell leaves the padding of the cell before it at the end
	// of the line.
	for _, l := range strings.SplitAfter(out.String(), "\n") {
		if l != "" {
			b.WriteString(strings.TrimRight(l, " \n") + "\n")
		}
	}
}
