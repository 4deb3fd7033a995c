package export

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
)

// GDELTColumns returns the 61 column names of the GDELT 2.0 Event table, in
// the codebook's order. GDELT.md says what dyad writes in each.
func GDELTColumns() []string {
	cols := []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, f := range []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
			"Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"} {
			cols = append(cols, a+f)
		}
	}
	cols = append(cols, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
		"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
	for _, g := range []string{"Actor1Geo", "Actor2Geo", "ActionGeo"} {
		for _, f := range []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"} {
			cols = append(cols, g+"_"+f)
		}
	}
	return append(cols, "DATEADDED", "SOURCEURL")
}

// gdeltWriter writes one tab-separated line per event in the layout of the
// GDELT 2.0 Event table.
type gdeltWriter struct {
	buffered
	header, wroteHeader bool
}

// NewGDELT returns a Writer of GDELT 2.0 Event table rows. GDELT's own files
// have no header line; header adds one with the column names.
func NewGDELT(w io.Writer, header bool) Writer {
	return &gdeltWriter{buffered: newBuffered(w), header: header}
}

func (g *gdeltWriter) writeHeader() {
	if g.header && !g.wroteHeader {
		g.w.WriteString(strings.Join(GDELTColumns(), "\t") + "\n")
		g.wroteHeader = true
	}
}

func (g *gdeltWriter) Write(r *dyad.Result) error { return g.WriteEvents(r, allEvents(r)) }

func (g *gdeltWriter) WriteEvents(r *dyad.Result, events []int) error {
	if err := g.checkEvents(r, events); err != nil {
		return err
	}
	g.writeHeader()
	x := newIndex(r)
	for _, i := range events {
		row := gdeltRow(r, x, i)
		for j := range row {
			row[j] = oneLine(row[j])
		}
		if _, err := g.w.WriteString(strings.Join(row, "\t") + "\n"); err != nil {
			return fmt.Errorf("write gdelt row for %s: %w", r.ID, err)
		}
	}
	return nil
}

func (g *gdeltWriter) Close() error {
	if !g.closed {
		g.writeHeader()
	}
	return g.buffered.Close()
}

// GlobalEventID returns the GLOBALEVENTID of the i-th event of r: the first
// 63 bits of SHA-256(hash "/" i), where hash is the article's content hash
// (its id when it has none). The same article always gives the same
// identifiers, and they fit a signed 64-bit integer column.
func GlobalEventID(r *dyad.Result, i int) uint64 {
	key := r.Hash
	if key == "" {
		key = r.ID
	}
	sum := sha256.Sum256([]byte(key + "/" + strconv.Itoa(i)))
	return binary.BigEndian.Uint64(sum[:8]) >> 1
}

func gdeltRow(r *dyad.Result, x index, i int) []string {
	e := &r.Events[i]
	row := make([]string, 0, 61)
	row = append(row, strconv.FormatUint(GlobalEventID(r, i), 10))
	row = append(row, gdeltDates(eventDay(r, e))...)
	row = append(row, gdeltActor(x, &e.Source)...)
	row = append(row, gdeltActor(x, e.Target)...)
	isRoot := "0"
	if e.Sentence == 0 {
		isRoot = "1"
	}
	base, root := e.CAMEO, e.Root
	if len(base) == 4 {
		base = base[:3]
	}
	if root == "" && len(e.CAMEO) >= 2 {
		root = e.CAMEO[:2]
	}
	tone := ""
	if r.Tone != nil {
		tone = formatFloat(r.Tone.Tone)
	}
	row = append(row, isRoot, e.CAMEO, base, root, strconv.Itoa(e.QuadClass), formatFloat(e.Goldstein),
		"1", "1", "1", tone)
	row = append(row, make([]string, 16)...) // Actor1Geo_*, Actor2Geo_*: dyad does not place actors
	row = append(row, gdeltGeo(x, e.Location)...)
	return append(row, dateAdded(r), sourceURL(r))
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// eventDay is the event's date, else the article's; ok is false when
// neither is a full date.
func eventDay(r *dyad.Result, e *dyad.Event) (day time.Time, ok bool) {
	for _, s := range []string{e.Date, r.Date} {
		if d, err := time.Parse(dyad.DateLayout, s); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}

// gdeltDates returns SQLDATE, MonthYear, Year and FractionDate. FractionDate
// is Year + ((month-1)*30 + day)/365 to four places, which is what GDELT's
// published rows hold (1979.0027 for 1 January 1979); its codebook's
// formula, (month*30 + day)/365, would exceed 1 in late December.
func gdeltDates(d time.Time, ok bool) []string {
	if !ok {
		return make([]string, 4)
	}
	frac := float64((int(d.Month())-1)*30+d.Day()) / 365
	return []string{
		d.Format("20060102"), d.Format("200601"), d.Format("2006"),
		strconv.FormatFloat(float64(d.Year())+frac, 'f', 4, 64),
	}
}

// gdeltActor returns the ten actor columns.
func gdeltActor(x index, ref *dyad.ActorRef) []string {
	if ref == nil {
		return make([]string, 10)
	}
	a := x.actor(ref)
	code := ref.Code
	if code == "" {
		code = a.Code
	}
	name := a.Name
	if name == "" {
		name = ref.Text
	}
	p := splitActorCode(code, a.Country)
	types := append(p.Types, "", "", "")[:3]
	return []string{code, strings.ToUpper(name), p.Country, p.KnownGroup, p.Ethnic, p.Religion1, p.Religion2,
		types[0], types[1], types[2]}
}

// gdeltGeo returns the eight ActionGeo columns. Country codes are ISO 3166-1
// alpha-3, not GDELT's FIPS 10-4: see GDELT.md.
func gdeltGeo(x index, loc *dyad.PlaceRef) []string {
	if loc == nil {
		return make([]string, 8)
	}
	var kind, admin1 string
	if p, ok := x.places[loc.Place]; ok {
		kind, admin1 = p.Kind, p.Admin1
	}
	us := loc.Country == "USA"
	admin := kind == "region" || kind == "province"
	typ := "" // seas, straits and other features have no GDELT type
	switch {
	case kind == "country":
		typ = "1"
	case admin && us:
		typ = "2"
	case kind == "city" && us:
		typ = "3"
	case kind == "city":
		typ = "4"
	case admin:
		typ = "5"
	}
	return []string{typ, loc.Name, loc.Country, admin1, "", formatFloat(loc.Lat), formatFloat(loc.Lon), ""}
}

// dateAdded is the publication time in UTC as YYYYMMDDHHMMSS, or the
// publication date at midnight when the time is unknown. dyad never writes
// the time of the run, so that the same input gives the same output.
func dateAdded(r *dyad.Result) string {
	if t, err := time.Parse(time.RFC3339, r.Published); err == nil {
		return t.UTC().Format("20060102150405")
	}
	if d, err := time.Parse(dyad.DateLayout, r.Date); err == nil {
		return d.Format("20060102") + "000000"
	}
	return ""
}

func sourceURL(r *dyad.Result) string {
	if r.URL != "" {
		return r.URL
	}
	return r.Source
}
