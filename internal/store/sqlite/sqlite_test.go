package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/storetest"
)

func open(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func BenchmarkPut(b *testing.B) {
	storetest.BenchmarkPut(b, func(b *testing.B) store.Store { return open(b) })
}

func TestOpenSettings(t *testing.T) {
	db := open(t)
	defer db.Close()
	ctx := context.Background()
	tests := []struct {
		name, pragma, want string
	}{
		{"wal", "journal_mode", "wal"},
		{"foreign keys", "foreign_keys", "1"},
		{"busy timeout", "busy_timeout", "10000"},
		{"query only", "query_only", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			if err := db.r.QueryRowContext(ctx, "PRAGMA "+tt.pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("reader %s = %q, want %q", tt.pragma, got, tt.want)
			}
		})
	}
	if _, err := db.r.ExecContext(ctx, "DELETE FROM articles"); err == nil {
		t.Error("reader pool could write")
	}
}

func TestOpenPaths(t *testing.T) {
	tests := []struct {
		name string
		file string
	}{
		{"plain", "dyad.db"},
		{"question mark", "what?.db"},
		{"hash", "a#b.db"},
		{"percent", "100%25.db"},
		{"spaces and unicode", "dossier été/x y.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, tt.file)
			if err := mkdirAll(filepath.Dir(p)); err != nil {
				t.Fatal(err)
			}
			db, err := Open(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Put(context.Background(), storetest.Records()[:1]); err != nil {
				t.Fatal(err)
			}
			db.Close()
			if !fileExists(p) {
				t.Errorf("%s was not created", p)
			}
		})
	}
	if _, err := Open(context.Background(), ""); err == nil {
		t.Error("open of an empty path succeeded")
	}
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "missing", "dir", "x.db")); err == nil {
		t.Error("open in a missing directory succeeded")
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Put(ctx, storetest.Records()); err != nil {
		t.Fatal(err)
	}
	want, _ := db.Counts(ctx)
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if got, _ := db.Counts(ctx); got != want {
		t.Errorf("counts after reopen = %+v, want %+v", got, want)
	}
	var versions int
	if err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations").Scan(&versions); err != nil {
		t.Fatal(err)
	}
	ms, _ := store.Migrations(migrationFiles, "migrations/*.sql")
	if versions != len(ms) {
		t.Errorf("schema_migrations has %d rows, want %d", versions, len(ms))
	}
}

// TestMigrateFromPrevious opens a file at each earlier schema version and
// checks that Open brings it up to date with its rows intact.
func TestMigrateFromPrevious(t *testing.T) {
	ms, err := store.Migrations(migrationFiles, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for n := range ms {
		t.Run(ms[n].Name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "dyad.db")
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			// Roll the schema back to version n by rebuilding a file with only
			// the first n migrations.
			db.Close()
			if err := rebuildAt(ctx, path, ms[:n]); err != nil {
				t.Fatal(err)
			}
			db, err = Open(ctx, path)
			if err != nil {
				t.Fatalf("open at version %d: %v", n, err)
			}
			defer db.Close()
			if _, err := db.Put(ctx, storetest.Records()); err != nil {
				t.Fatalf("put after migrating from version %d: %v", n, err)
			}
		})
	}
}

func TestSchemaTooNew(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, "INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("open = %v, want ErrSchemaTooNew", err)
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"words", "rain coast", `"rain" "coast"`},
		{"punctuation", "(Seoul), urged!", `"Seoul" "urged"`},
		{"operators", "a AND b OR NOT c", `"a" "AND" "b" "OR" "NOT" "c"`},
		{"column filter", "title:weather", `"title" "weather"`},
		{"prefix", "provoc*", `"provoc"*`},
		{"lone star", "*", ""},
		{"star after space", "provoc *", `"provoc"`},
		{"phrase", `"trade agreement" now`, `"trade agreement" "now"`},
		{"unclosed phrase", `missile "launch on`, `"missile" "launch on"`},
		{"empty phrase", `"" x`, `"x"`},
		{"star in phrase", `"pro* x"`, `"pro x"`},
		{"apostrophe", "Korea's", `"Korea" "s"`},
		{"accents kept", "défense", `"défense"`},
		{"combining mark", "de\u0301fense", "\"de\u0301fense\""},
		{"digits", "G7 2026", `"G7" "2026"`},
		{"invalid utf-8", "a\xffb", `"a" "b"`},
		{"nul", "a\x00b", `"a" "b"`},
		{"cjk", "北朝鮮 ミサイル", `"北朝鮮" "ミサイル"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ftsQuery(tt.in); got != tt.want {
				t.Errorf("ftsQuery(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := strings.Count(ftsQuery(strings.Repeat("w ", 100)), `"w"`); got != store.MaxSearchWords {
		t.Errorf("100 words gave %d terms, want %d", got, store.MaxSearchWords)
	}
}

// FuzzFTSQuery checks that the FTS5 query is made of well-formed quoted terms
// holding only word runes of the input, and that every list accepts any
// string of acceptable length as a search or a code prefix.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"", "rain coast", `"a b" c*`, `NEAR(a b)`, `x:y`, `"`, `a"b"c`, "\xff*", "^a -b +c", "e\u0301*"} {
		f.Add(s)
	}
	db := open(f)
	defer db.Close()
	if _, err := db.Put(context.Background(), storetest.Records()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ftsQuery(s)
		if !utf8.ValidString(q) {
			t.Fatalf("ftsQuery(%q) = %q, not UTF-8", s, q)
		}
		words := 0
		rest := q
		for rest != "" {
			if !strings.HasPrefix(rest, `"`) {
				t.Fatalf("ftsQuery(%q) = %q: term does not start with a quote at %q", s, q, rest)
			}
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				t.Fatalf("ftsQuery(%q) = %q: unterminated term", s, q)
			}
			for _, w := range strings.Fields(rest[1 : end+1]) {
				words++
				for _, r := range w {
					if !store.IsSearchRune(r) {
						t.Fatalf("ftsQuery(%q) = %q: rune %q in a term", s, q, r)
					}
				}
				if !strings.Contains(s, w) {
					t.Fatalf("ftsQuery(%q) = %q: word %q not in the input", s, q, w)
				}
			}
			rest = strings.TrimPrefix(rest[end+2:], "*")
			rest = strings.TrimPrefix(rest, " ")
		}
		if words > store.MaxSearchWords {
			t.Fatalf("ftsQuery(%q) has %d words, more than %d", s, words, store.MaxSearchWords)
		}
		if len(s) > store.MaxSearchLen {
			return
		}
		if _, err := db.Articles(context.Background(), store.ArticleQuery{Q: s}); err != nil {
			t.Fatalf("articles q=%q (fts %q): %v", s, q, err)
		}
		if _, err := db.Quotes(context.Background(), store.QuoteQuery{Q: s, Speaker: s[:min(len(s), store.MaxCodeLen)]}); err != nil {
			t.Fatalf("quotes q=%q (fts %q): %v", s, q, err)
		}
		code := s[:min(len(s), store.MaxCodeLen)]
		if _, err := db.Events(context.Background(), store.EventQuery{Source: code, Target: code, Code: code}); err != nil {
			t.Fatalf("events code=%q: %v", code, err)
		}
		if _, err := db.Actors(context.Background(), store.ActorQuery{Q: s}); err != nil {
			t.Fatalf("actors q=%q: %v", s, err)
		}
	})
}

// FuzzSearchFindsWord checks that searching for any word of a stored quote
// finds that quote.
func FuzzSearchFindsWord(f *testing.F) {
	db := open(f)
	defer db.Close()
	recs := storetest.Records()
	if _, err := db.Put(context.Background(), recs); err != nil {
		f.Fatal(err)
	}
	var quotes []string
	for _, r := range recs {
		for _, q := range r.Result.Quotes {
			quotes = append(quotes, r.Result.ID+"/"+q.ID+"\x00"+q.Text)
		}
	}
	for i := range quotes {
		f.Add(i, 0)
		f.Add(i, 3)
	}
	f.Fuzz(func(t *testing.T, qi, wi int) {
		if qi < 0 || wi < 0 {
			return
		}
		key, text, _ := strings.Cut(quotes[qi%len(quotes)], "\x00")
		words := strings.FieldsFunc(text, func(r rune) bool { return !store.IsSearchRune(r) })
		w := words[wi%len(words)]
		p, err := db.Quotes(context.Background(), store.QuoteQuery{Q: "(" + w + ")", Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range p.Items {
			if row.Article+"/"+row.ID == key {
				return
			}
		}
		t.Errorf("search for %q did not find quote %s", w, key)
	})
}

// TestCommitNamesCancellation checks that a commit after the context ended
// reports context.Canceled, whether database/sql already rolled the
// transaction back (sql.ErrTxDone) or not.
func TestCommitNamesCancellation(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, wait := range []time.Duration{0, 20 * time.Millisecond} {
		ctx, cancel := context.WithCancel(context.Background())
		tx, err := db.w.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		time.Sleep(wait) // give database/sql time to roll back
		if err := commit(ctx, tx); !errors.Is(err, context.Canceled) {
			t.Errorf("after %v: commit error %v, want context.Canceled", wait, err)
		}
	}
}
