package store

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEventQueryNormalize(t *testing.T) {
	tests := []struct {
		name    string
		in      EventQuery
		want    EventQuery
		wantErr bool
	}{
		{"defaults", EventQuery{}, EventQuery{Limit: DefaultLimit}, false},
		{"upper-cases actor codes", EventQuery{Source: "fraGov", Target: "ind", Code: "04"}, EventQuery{Source: "FRAGOV", Target: "IND", Code: "04", Limit: DefaultLimit}, false},
		{"keeps limit and offset", EventQuery{Limit: 10, Offset: 20}, EventQuery{Limit: 10, Offset: 20}, false},
		{"clamps limit", EventQuery{Limit: MaxLimit + 1}, EventQuery{Limit: MaxLimit}, false},
		{"dates", EventQuery{From: "2024-02-29", To: "2026-12-31"}, EventQuery{From: "2024-02-29", To: "2026-12-31", Limit: DefaultLimit}, false},
		{"negative limit", EventQuery{Limit: -1}, EventQuery{}, true},
		{"negative offset", EventQuery{Offset: -1}, EventQuery{}, true},
		{"month 13", EventQuery{From: "2026-13-01"}, EventQuery{}, true},
		{"not a leap year", EventQuery{To: "2025-02-29"}, EventQuery{}, true},
		{"one-digit month", EventQuery{From: "2026-5-04"}, EventQuery{}, true},
		{"trailing text", EventQuery{From: "2026-05-04x"}, EventQuery{}, true},
		{"long code", EventQuery{Code: strings.Repeat("0", MaxCodeLen+1)}, EventQuery{}, true},
		{"long source before upper-casing", EventQuery{Source: strings.Repeat("\x85", MaxCodeLen)}, EventQuery{Source: strings.Repeat("\uFFFD", MaxCodeLen), Limit: DefaultLimit}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.Normalize()
			if tt.wantErr {
				if !errors.Is(err, ErrBadQuery) {
					t.Errorf("err = %v, want ErrBadQuery", err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Normalize() = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestOtherQueriesNormalize(t *testing.T) {
	long := strings.Repeat("a", MaxSearchLen+1)
	tests := []struct {
		name      string
		normalize func() (limit int, err error)
		wantLimit int
		wantErr   bool
	}{
		{"articles default", func() (int, error) { q, err := ArticleQuery{}.Normalize(); return q.Limit, err }, DefaultLimit, false},
		{"articles long q", func() (int, error) { q, err := ArticleQuery{Q: long}.Normalize(); return q.Limit, err }, 0, true},
		{"articles negative offset", func() (int, error) { q, err := ArticleQuery{Offset: -3}.Normalize(); return q.Limit, err }, 0, true},
		{"actors clamp", func() (int, error) { q, err := ActorQuery{Limit: 5000}.Normalize(); return q.Limit, err }, MaxLimit, false},
		{"actors negative limit", func() (int, error) { q, err := ActorQuery{Limit: -1}.Normalize(); return q.Limit, err }, 0, true},
		{"quotes limit", func() (int, error) { q, err := QuoteQuery{Limit: 3}.Normalize(); return q.Limit, err }, 3, false},
		{"quotes long speaker", func() (int, error) {
			q, err := QuoteQuery{Speaker: strings.Repeat("A", MaxCodeLen+1)}.Normalize()
			return q.Limit, err
		}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limit, err := tt.normalize()
			if tt.wantErr {
				if !errors.Is(err, ErrBadQuery) {
					t.Errorf("err = %v, want ErrBadQuery", err)
				}
				return
			}
			if err != nil || limit != tt.wantLimit {
				t.Errorf("limit = %d, err = %v; want %d", limit, err, tt.wantLimit)
			}
		})
	}
	q, err := QuoteQuery{Speaker: "fraGOV"}.Normalize()
	if err != nil || q.Speaker != "FRAGOV" {
		t.Errorf("speaker = %q, %v; want FRAGOV", q.Speaker, err)
	}
}

func TestMigrations(t *testing.T) {
	good := fstest.MapFS{
		"m/0002_b.sql": {Data: []byte("B")},
		"m/0001_a.sql": {Data: []byte("A")},
		"m/notes.txt":  {Data: []byte("ignored")},
	}
	ms, err := Migrations(good, "m/*.sql")
	if err != nil || len(ms) != 2 || ms[0] != (Migration{1, "0001_a", "A"}) || ms[1].Version != 2 {
		t.Errorf("Migrations = %+v, %v", ms, err)
	}
	for name, bad := range map[string]fstest.MapFS{
		"no number":    {"m/a_b.sql": {}},
		"zero":         {"m/0000_a.sql": {}},
		"same version": {"m/0001_a.sql": {}, "m/1_b.sql": {}},
	} {
		if _, err := Migrations(bad, "m/*.sql"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
