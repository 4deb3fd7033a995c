package gazetteer

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dyadproject/dyad/internal/gazetteer/fold"
)

//go:embed cities.tsv.gz admin1.tsv.gz commonwords.txt
var tables embed.FS

// ErrTable reports a malformed gazetteer table.
var ErrTable = errors.New("gazetteer: invalid table")

// Kind says what sort of place an entry is.
type Kind uint8

// Kinds of places.
const (
	City    Kind = iota // a city, town or village
	Capital             // a country's capital city
	Admin1              // a first-level administrative region: state, province, oblast
)

var kindNames = [...]string{"city", "capital", "admin1"}

// String returns "city", "capital" or "admin1".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Place is one gazetteer entry.
type Place struct {
	Name    string
	Country string // ISO 3166-1 alpha-3, as dyad's knowledge base writes it
	// Admin1 is the name of the first-level region the place lies in; for an
	// Admin1 entry, its own name. Empty when unknown.
	Admin1 string
	// Admin1Code is that region's GeoNames code, "IN.40" (country ISO2, a
	// dot, the region's code), as dyad's output writes admin1.
	Admin1Code string
	Lat, Lon   float64
	// Population is 0 when unknown, which is most towns: only the major
	// cities of city-timezones carry one. For an Admin1 entry it is the sum
	// of its cities' known populations.
	Population int
	Timezone   string // IANA zone, "" when unknown
	Kind       Kind
	// ID is the entry's index in the gazetteer, stable for one build of the
	// tables; two candidates are the same place when their IDs are equal.
	ID int
}

// record is a Place packed for memory: strings are offsets into the arena,
// coordinates are ten-thousandths of a degree.
type record struct {
	name     uint32 // offset in arena; length in nameLen
	lat, lon int32
	pop      uint32
	admin1   int32 // index of the region's record, -1 when unknown
	nameLen  uint16
	country  uint16 // index into countries
	tz       uint16 // index into zones, 0 for none
	kind     Kind
}

// entry is one name of one record in the sorted index.
type entry struct {
	key    uint32 // offset in keys; length in keyLen
	rec    uint32
	keyLen uint16
}

// Gazetteer is a loaded gazetteer. It is immutable and safe for concurrent use.
type Gazetteer struct {
	arena   string
	keys    string
	records []record
	index   []entry
	// loose indexes, by fold.Loose, the names whose loose key differs from
	// their key; Lookup falls back on it.
	loose     []entry
	countries []string
	zones     []string
	// codes holds the GeoNames code of each region, indexed by record:
	// the regions are the first records.
	codes  []string
	common map[string]bool
}

// Shared returns the gazetteer of the embedded tables, loading it on the
// first call; later calls return the same value (or the same error).
func Shared() (*Gazetteer, error) { return shared() }

var shared = sync.OnceValues(Load)

// Load parses the embedded tables. Most callers want [Shared].
func Load() (*Gazetteer, error) { return LoadFS(tables) }

// LoadFS parses the tables cities.tsv.gz, admin1.tsv.gz and commonwords.txt
// from fsys.
func LoadFS(fsys fs.FS) (*Gazetteer, error) {
	l := newLoader()
	if err := readGzip(fsys, "admin1.tsv.gz", l.reserve, l.admin1Row); err != nil {
		return nil, err
	}
	if err := readGzip(fsys, "cities.tsv.gz", l.reserve, l.cityRow); err != nil {
		return nil, err
	}
	b, err := fs.ReadFile(fsys, "commonwords.txt")
	if err != nil {
		return nil, fmt.Errorf("gazetteer: read commonwords.txt: %w", err)
	}
	return l.finish(b), nil
}

// readGzip calls row for each data row of a gzip-compressed TSV table after
// checking its header; row gets the fields of the line. reserve learns the
// table's number of lines and bytes first, to size the loader's slices.
func readGzip(fsys fs.FS, name string, reserve func(rows, size int), row func(fields []string) error) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	var buf strings.Builder
	if n := len(b); n >= 4 { // gzip's trailer holds the size modulo 2^32: a hint
		buf.Grow(min(int(binary.LittleEndian.Uint32(b[n-4:])), 64<<20))
	}
	if _, err := io.Copy(&buf, zr); err != nil {
		return fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	text := buf.String()
	reserve(strings.Count(text, "\n"), len(text))
	return readTSV(text, name, row)
}

// readTSV reads a TSV table: comment lines starting with #, one header line,
// rows with as many fields as the header. The fields row gets are
// substrings of text, so parsing allocates nothing per line.
func readTSV(text, name string, row func(fields []string) error) error {
	var fields []string
	width := 0
	for line := 1; text != ""; line++ {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		if strings.HasPrefix(l, "#") {
			continue
		}
		fields = splitTab(l, fields[:0])
		if width == 0 {
			width = len(fields)
			continue
		}
		if len(fields) != width {
			return fmt.Errorf("%w: %s:%d: %d fields, want %d", ErrTable, name, line, len(fields), width)
		}
		if err := row(fields); err != nil {
			return fmt.Errorf("%w: %s:%d: %v", ErrTable, name, line, err)
		}
	}
	if width == 0 {
		return fmt.Errorf("%w: %s: no header", ErrTable, name)
	}
	return nil
}

func splitTab(s string, out []string) []string {
	for {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+1:]
	}
}

// loader accumulates the tables while they are parsed.
type loader struct {
	arena, keys []byte
	records     []record
	index       []entry
	extra       []entry
	loose       []entry
	countries   []string
	countryIdx  map[string]uint16
	zones       []string
	zoneIdx     map[string]uint16
	regionIdx   map[string]int32 // GeoNames code -> record
	codes       []string         // by region record
}

func newLoader() *loader {
	return &loader{countryIdx: map[string]uint16{}, zones: []string{""}, zoneIdx: map[string]uint16{"": 0},
		regionIdx: map[string]int32{}}
}

// reserve grows the loader's slices for a table of rows lines and size
// bytes: names take about a fifth of a row.
func (l *loader) reserve(rows, size int) {
	l.records = slices.Grow(l.records, rows)
	l.index = slices.Grow(l.index, rows+rows/64)
	l.arena = slices.Grow(l.arena, size/4)
	l.keys = slices.Grow(l.keys, size/4)
}

// admin1Row parses code, name, alt, country, lat, lon, population, cities.
func (l *loader) admin1Row(f []string) error {
	if len(f) != 8 {
		return fmt.Errorf("admin1 row has %d fields, want 8", len(f))
	}
	if _, dup := l.regionIdx[f[0]]; dup || f[0] == "" {
		return fmt.Errorf("bad or repeated region code %q", f[0])
	}
	if len(l.codes) != len(l.records) {
		return fmt.Errorf("region %q after the cities", f[0])
	}
	code := strings.Clone(f[0])
	l.regionIdx[code] = int32(len(l.records))
	l.codes = append(l.codes, code)
	return l.add(f[1], f[2], f[3], f[4], f[5], f[6], "", Admin1, int32(len(l.records)))
}

// cityRow parses name, alt, country, admin1, lat, lon, population, timezone, kind.
func (l *loader) cityRow(f []string) error {
	if len(f) != 9 {
		return fmt.Errorf("city row has %d fields, want 9", len(f))
	}
	kind := City
	switch f[8] {
	case "city":
	case "capital":
		kind = Capital
	default:
		return fmt.Errorf("unknown kind %q", f[8])
	}
	region := int32(-1)
	if f[3] != "" {
		if r, ok := l.regionIdx[f[3]]; ok {
			region = r
		}
	}
	return l.add(f[0], f[1], f[2], f[4], f[5], f[6], f[7], kind, region)
}

// add appends one record and indexes its name and alternate names.
func (l *loader) add(name, alts, country, lat, lon, pop, tz string, kind Kind, region int32) error {
	if name == "" || len(name) > math.MaxUint16 {
		return fmt.Errorf("bad name %q", name)
	}
	if len(country) != 3 {
		return fmt.Errorf("bad country %q", country)
	}
	la, err1 := parseCoord(lat, 90)
	lo, err2 := parseCoord(lon, 180)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	p, err := strconv.ParseUint(pop, 10, 32)
	if err != nil {
		return fmt.Errorf("bad population %q", pop)
	}
	ci, ok := l.countryIdx[country]
	if !ok {
		ci = uint16(len(l.countries))
		l.countryIdx[country] = ci
		l.countries = append(l.countries, strings.Clone(country)) // not the whole table
	}
	zi, ok := l.zoneIdx[tz]
	if !ok {
		if len(l.zones) == math.MaxUint16 {
			return fmt.Errorf("too many time zones")
		}
		zi = uint16(len(l.zones))
		l.zoneIdx[tz] = zi
		l.zones = append(l.zones, strings.Clone(tz))
	}
	ri := uint32(len(l.records))
	l.records = append(l.records, record{name: uint32(len(l.arena)), nameLen: uint16(len(name)), lat: la, lon: lo,
		pop: uint32(p), admin1: region, country: ci, tz: zi, kind: kind})
	l.arena = append(l.arena, name...)
	// City names come sorted by key from the generator and go to the main
	// index; regions and alternate names go to the small extra one.
	l.indexName(&l.index, name, ri, kind == Admin1)
	for alts != "" {
		var a string
		a, alts, _ = strings.Cut(alts, "|")
		if a != "" {
			l.indexName(&l.extra, a, ri, true)
		}
	}
	return nil
}

// indexName adds name's folded key to index, or to the extra index.
func (l *loader) indexName(index *[]entry, name string, rec uint32, extra bool) {
	if extra {
		index = &l.extra
	}
	off := len(l.keys)
	l.keys = fold.AppendKey(l.keys, name)
	n := len(l.keys) - off
	if n == 0 || n > math.MaxUint16 {
		l.keys = l.keys[:off]
		return
	}
	*index = append(*index, entry{key: uint32(off), keyLen: uint16(n), rec: rec})
	if k := l.keys[off:]; bytes.IndexByte(k, 'y') >= 0 || bytes.Contains(k, []byte("ii")) {
		loose := fold.Loose(string(k))
		lo := len(l.keys)
		l.keys = append(l.keys, loose...)
		l.loose = append(l.loose, entry{key: uint32(lo), keyLen: uint16(len(loose)), rec: rec})
	}
}

func (l *loader) finish(common []byte) *Gazetteer {
	g := &Gazetteer{arena: string(l.arena), keys: string(l.keys), records: slices.Clip(l.records),
		countries: l.countries, zones: l.zones, codes: l.codes, common: map[string]bool{}}
	less := func(a, b entry) int { return cmp.Or(strings.Compare(g.key(a), g.key(b)), cmp.Compare(a.rec, b.rec)) }
	if !slices.IsSortedFunc(l.index, less) {
		slices.SortFunc(l.index, less)
	}
	slices.SortFunc(l.extra, less)
	g.index = make([]entry, 0, len(l.index)+len(l.extra))
	i, j := 0, 0
	for i < len(l.index) && j < len(l.extra) {
		if less(l.index[i], l.extra[j]) <= 0 {
			g.index = append(g.index, l.index[i])
			i++
		} else {
			g.index = append(g.index, l.extra[j])
			j++
		}
	}
	g.index = append(append(g.index, l.index[i:]...), l.extra[j:]...)
	slices.SortFunc(l.loose, less)
	g.loose = slices.Clip(l.loose)
	for _, line := range bytes.Split(common, []byte("\n")) {
		if w := strings.TrimSpace(string(line)); w != "" && w[0] != '#' {
			g.common[fold.Key(w)] = true
		}
	}
	return g
}

func parseCoord(s string, limit float64) (int32, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !(v >= -limit && v <= limit) {
		return 0, fmt.Errorf("bad coordinate %q", s)
	}
	return int32(math.Round(v * 1e4)), nil
}

func (g *Gazetteer) key(e entry) string { return g.keys[e.key : e.key+uint32(e.keyLen)] }

// Len returns the number of entries: cities, capitals and regions.
func (g *Gazetteer) Len() int { return len(g.records) }

// Lookup returns the places named name as text writes it, in any letter
// case, with or without accents, hyphens and apostrophes, each place once,
// cities before regions, most populous first. When no city has exactly
// that name it adds transliteration variants (fold.Loose: "Izium" finds
// Izyum, "Mykolaiv" the city Mykolayiv besides the region Mykolaiv). It
// returns nil when nothing matches.
func (g *Gazetteer) Lookup(name string) []Place {
	k := fold.Key(name)
	if k == "" {
		return nil
	}
	out := g.collect(g.index, k, nil)
	if !slices.ContainsFunc(out, func(p Place) bool { return p.Kind != Admin1 }) {
		// No city of that exact name: the region "Mykolaiv" may have its
		// city spelled "Mykolayiv".
		if lk := fold.Loose(k); len(lk) >= 4 {
			out = g.collect(g.index, lk, g.collect(g.loose, lk, out))
		}
	}
	// Cities first: a region's population is the sum of its cities'.
	slices.SortStableFunc(out, func(a, b Place) int {
		return cmp.Or(cmp.Compare(a.Kind/Admin1, b.Kind/Admin1), cmp.Compare(b.Population, a.Population))
	})
	return out
}

// collect appends the places of index entries with key k to out, each once.
func (g *Gazetteer) collect(index []entry, k string, out []Place) []Place {
	i := sort.Search(len(index), func(i int) bool { return g.key(index[i]) >= k })
	for ; i < len(index) && g.key(index[i]) == k; i++ {
		id := int(index[i].rec)
		if !slices.ContainsFunc(out, func(p Place) bool { return p.ID == id }) {
			out = append(out, g.place(id))
		}
	}
	return out
}

// Has reports whether some place is named name, without building the
// candidates.
func (g *Gazetteer) Has(name string) bool {
	k := fold.Key(name)
	i := sort.Search(len(g.index), func(i int) bool { return g.key(g.index[i]) >= k })
	return k != "" && i < len(g.index) && g.key(g.index[i]) == k
}

// CommonWord reports whether name is a one-word place name that English
// mostly writes in lower case as an ordinary word ("Nice", "Split",
// "Reading", "Police"): capitalised, it is still more often the word than
// the place, so the places stage asks for more evidence.
func (g *Gazetteer) CommonWord(name string) bool { return g.common[fold.Key(name)] }

func (g *Gazetteer) place(id int) Place {
	r := &g.records[id]
	p := Place{Name: g.arena[r.name : r.name+uint32(r.nameLen)], Country: g.countries[r.country],
		Lat: float64(r.lat) / 1e4, Lon: float64(r.lon) / 1e4, Population: int(r.pop),
		Timezone: g.zones[r.tz], Kind: r.kind, ID: id}
	if r.admin1 >= 0 {
		a := &g.records[r.admin1]
		p.Admin1 = g.arena[a.name : a.name+uint32(a.nameLen)]
		p.Admin1Code = g.codes[r.admin1]
	}
	return p
}

// keyOf is fold.Key; tests use it.
func keyOf(name string) string { return fold.Key(name) }
