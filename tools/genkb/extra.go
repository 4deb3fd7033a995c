package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Fields of countries_extra.tsv (its header comment documents them).
const (
	fieldCAMEO         = "cameo"
	fieldAlias         = "alias"
	fieldAdjective     = "adjective"
	fieldPeople        = "people"
	fieldDrop          = "drop"
	fieldMoveAdjective = "move_adjective"
	fieldCapital       = "capital"
	fieldCapitalAlias  = "capital_alias"
	fieldGeoName       = "geo_name"
	fieldCapitalCoord  = "capital_coord"
	fieldMetonym       = "metonym"
)

// fact is one line of countries_extra.tsv.
type fact struct {
	Line   int
	ISO3   string
	Field  string
	Value  string
	Value2 string
}

func readExtraFile(path string) ([]fact, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	facts, err := parseExtra(f)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return facts, nil
}

// parseExtra reads the tab-separated facts, skipping blank lines and # comments.
func parseExtra(r io.Reader) ([]fact, error) {
	var facts []fact
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 || len(cols) > 4 {
			return nil, fmt.Errorf("line %d: want 3 or 4 tab-separated columns, got %d", n, len(cols))
		}
		f := fact{Line: n, ISO3: cols[0], Field: cols[1], Value: cols[2]}
		if len(cols) == 4 {
			f.Value2 = cols[3]
		}
		if err := f.check(); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		facts = append(facts, f)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return facts, nil
}

func (f fact) check() error {
	if len(f.ISO3) != 3 || strings.ToUpper(f.ISO3) != f.ISO3 {
		return fmt.Errorf("bad ISO3 code %q", f.ISO3)
	}
	if strings.TrimSpace(f.Value) != f.Value || f.Value == "" {
		return fmt.Errorf("%s: empty value or stray spaces in %q", f.Field, f.Value)
	}
	switch f.Field {
	case fieldCAMEO:
		if len(f.Value) != 3 || strings.ToUpper(f.Value) != f.Value {
			return fmt.Errorf("bad CAMEO country code %q", f.Value)
		}
	case fieldAlias, fieldAdjective, fieldPeople, fieldDrop, fieldMoveAdjective,
		fieldCapital, fieldCapitalAlias, fieldGeoName:
	case fieldCapitalCoord:
		if _, _, err := parseLatLon(f.Value); err != nil {
			return err
		}
	case fieldMetonym:
		if f.Value2 != "" && (len(f.Value2) != 3 || strings.ToUpper(f.Value2) != f.Value2) {
			return fmt.Errorf("metonym %q: bad sector %q", f.Value, f.Value2)
		}
		return nil
	default:
		return fmt.Errorf("unknown field %q", f.Field)
	}
	if f.Value2 != "" {
		return fmt.Errorf("%s takes one value, got a second %q", f.Field, f.Value2)
	}
	return nil
}

// parseLatLon parses "lat,lon" in decimal degrees.
func parseLatLon(s string) (lat, lon float64, err error) {
	a, b, ok := strings.Cut(s, ",")
	if !ok {
		return 0, 0, fmt.Errorf("coordinates %q: want lat,lon", s)
	}
	if lat, err = strconv.ParseFloat(a, 64); err != nil || lat < -90 || lat > 90 {
		return 0, 0, fmt.Errorf("coordinates %q: bad latitude", s)
	}
	if lon, err = strconv.ParseFloat(b, 64); err != nil || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("coordinates %q: bad longitude", s)
	}
	return lat, lon, nil
}
