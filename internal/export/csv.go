package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/dyadproject/dyad"
)

// CSVColumns returns the header of the csv format.
func CSVColumns() []string {
	return []string{
		"article_id", "article_date", "url", "event_id", "date",
		"source_code", "source_name", "source_country",
		"cameo", "cameo_name", "root", "quad_class", "goldstein", "plover_type", "plover_mode",
		"target_code", "target_name", "target_country",
		"place", "place_country", "lat", "lon",
		"modality", "negated", "sentence", "trigger", "pattern",
	}
}

// csvWriter writes one row per event under a header row, for spreadsheets.
// Every value is written on one line (runs of white space, line breaks
// included, become one space) so that each event is one line of the file;
// RFC 4180 quoting keeps commas and quotes. lat and lon are empty for events
// without a place.
type csvWriter struct {
	buffered
	cw          *csv.Writer
	wroteHeader bool
}

func newCSV(w io.Writer) *csvWriter {
	c := &csvWriter{buffered: newBuffered(w)}
	c.cw = csv.NewWriter(c.w)
	return c
}

func (c *csvWriter) header() error {
	if c.wroteHeader {
		return nil
	}
	c.wroteHeader = true
	return c.cw.Write(CSVColumns())
}

func (c *csvWriter) Write(r *dyad.Result) error { return c.WriteEvents(r, allEvents(r)) }

func (c *csvWriter) WriteEvents(r *dyad.Result, events []int) error {
	if err := c.checkEvents(r, events); err != nil {
		return err
	}
	if err := c.header(); err != nil {
		return fmt.Errorf("write csv header: %w", err)
	}
	x := newIndex(r)
	for _, i := range events {
		row := csvRow(r, x, &r.Events[i])
		for j := range row {
			row[j] = oneLine(row[j])
		}
		if err := c.cw.Write(row); err != nil {
			return fmt.Errorf("write csv for %s: %w", r.ID, err)
		}
	}
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return fmt.Errorf("write csv for %s: %w", r.ID, err)
	}
	return nil
}

func (c *csvWriter) Close() error {
	if !c.closed {
		if err := c.header(); err != nil {
			return fmt.Errorf("write csv header: %w", err)
		}
		c.cw.Flush()
		if err := c.cw.Error(); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	return c.buffered.Close()
}

func csvActor(x index, ref *dyad.ActorRef) []string {
	if ref == nil {
		return []string{"", "", ""}
	}
	a := x.actor(ref)
	name := a.Name
	if name == "" {
		name = ref.Text
	}
	return []string{ref.Code, name, a.Country}
}

func csvRow(r *dyad.Result, x index, e *dyad.Event) []string {
	row := []string{r.ID, r.Date, r.URL, e.ID, e.Date}
	row = append(row, csvActor(x, &e.Source)...)
	row = append(row, e.CAMEO, e.CAMEOName, e.Root, strconv.Itoa(e.QuadClass), formatFloat(e.Goldstein),
		e.PLOVER.Type, e.PLOVER.Mode)
	row = append(row, csvActor(x, e.Target)...)
	if l := e.Location; l != nil {
		row = append(row, l.Name, l.Country, formatFloat(l.Lat), formatFloat(l.Lon))
	} else {
		row = append(row, "", "", "", "")
	}
	return append(row, e.Modality, strconv.FormatBool(e.Negated), e.Evidence.Text, e.Evidence.Trigger.Text,
		e.Evidence.Pattern)
}
