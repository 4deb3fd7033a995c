package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/sqlite"
	"github.com/dyadproject/dyad/schema"
)

// result of one in-process run of the dyad command.
type result struct {
	code           int
	stdout, stderr string
}

func dyadRun(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return dyadRunCtx(t, context.Background(), stdin, args...)
}

func dyadRunCtx(t *testing.T, ctx context.Context, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(ctx, args, stdio{in: strings.NewReader(stdin), out: &out, err: &errb})
	return result{code, out.String(), errb.String()}
}

// validJSONL checks every line of out against the output schema and returns
// the decoded results.
func validJSONL(t *testing.T, out string) []dyad.Result {
	t.Helper()
	v, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := v.ValidateLines(strings.NewReader(out)); err != nil {
		t.Fatalf("output does not match the schema: %v", err)
	}
	var rs []dyad.Result
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r dyad.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return rs
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring expected on stdout
		stderr string // substring expected on stderr
	}{
		{"no arguments", nil, exitUsage, "Commands:", ""},
		{"help", []string{"help"}, exitOK, "ingest", ""},
		{"--help", []string{"--help"}, exitOK, "Commands:", ""},
		{"help for a command", []string{"help", "code"}, exitOK, "", "-format format"},
		{"command --help", []string{"code", "--help"}, exitOK, "", "-date YYYY-MM-DD"},
		{"every flag of ingest explained", []string{"ingest", "--help"}, exitOK, "", "-batch"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", `unknown command "frobnicate"`},
		{"no input", []string{"code"}, exitUsage, "", "no input"},
		{"bad format", []string{"code", "--format", "xml", "--sample"}, exitUsage, "", `--format "xml"`},
		{"bad date", []string{"code", "--date", "2026-13-01", "--sample"}, exitUsage, "", "want YYYY-MM-DD"},
		{"unknown flag", []string{"code", "--colour"}, exitUsage, "", "flag provided but not defined"},
		{"demo takes no path", []string{"demo", "x.txt"}, exitUsage, "", "takes no PATH"},
		{"version", []string{"version"}, exitOK, "output schema " + dyad.SchemaVersion, ""},
		{"schema", []string{"schema"}, exitOK, `"$schema"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := dyadRun(t, "", tt.args...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.stdout) || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("dyad %v: exit %d, stdout %q, stderr %q; want exit %d with %q / %q",
					tt.args, r.code, trim(r.stdout), trim(r.stderr), tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

func trim(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// TestCodeEachFormat reads one file of every input format and checks the
// JSON Lines output against the schema.
func TestCodeEachFormat(t *testing.T) {
	tests := []struct {
		file     string
		articles int
		title    string // title of the first article
		minEvent int    // events in all articles together, at least
	}{
		{"story.txt", 1, "Greece and Turkey agree to resume talks on Aegean airspace", 2},
		{"page.html", 1, "Chile and Argentina sign border water deal", 2},
		{"news.csv", 2, "Kenya hosts Somalia talks", 2},
		{"news.jsonl", 2, "Canada expels Indian diplomat", 2},
		{"news.json", 2, "Norway pledges aid to Sudan", 2},
		{"feed.xml", 2, "Lithuania summons Belarus envoy", 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := dyadRun(t, "", "code", "--date", "2026-11-20", filepath.Join("testdata", "good", tt.file))
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			rs := validJSONL(t, r.stdout)
			if len(rs) != tt.articles {
				t.Fatalf("got %d articles, want %d", len(rs), tt.articles)
			}
			if rs[0].Title != tt.title {
				t.Errorf("title %q, want %q", rs[0].Title, tt.title)
			}
			events := 0
			for _, res := range rs {
				events += len(res.Events)
				if res.Dateline != nil && res.Dateline.Place == "" {
					t.Errorf("empty dateline place in %s", res.ID)
				}
			}
			if events < tt.minEvent {
				t.Errorf("got %d events, want at least %d", events, tt.minEvent)
			}
		})
	}
}

// TestCodeBadInputs checks that every bad input is named on stderr with its
// reason, that the good articles are still printed and that the exit status
// is 1.
func TestCodeBadInputs(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Repeat("Troops crossed the border again today. ", 100) + "\n"
	for f.Truncate(0); ; {
		fi, _ := f.Stat()
		if fi.Size() > 50<<20 {
			break
		}
		f.WriteString(line)
	}
	f.Close()
	r := dyadRun(t, "", "code", "testdata/bad", "testdata/good", big)
	if r.code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitFailed, r.stderr)
	}
	wantErrors := map[string]string{
		"binary.bin":          "binary input",
		"broken-feed.xml":     "syntax error",
		"empty.txt":           "empty input",
		"invalid-utf8.txt":    "invalid UTF-8 at byte 12",
		"missing-columns.csv": "missing column",
		"mixed.jsonl":         "line 2",
		"nobody.html":         "no text",
		"huge.txt":            "too large",
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	for file, reason := range wantErrors {
		found := false
		for _, l := range lines {
			if strings.Contains(l, file) && strings.Contains(l, reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error naming %s with %q in:\n%s", file, reason, r.stderr)
		}
	}
	if want := len(wantErrors) + 1; len(lines) != want { // one line per bad input and the summary
		t.Errorf("got %d stderr lines, want %d:\n%s", len(lines), want, r.stderr)
	}
	rs := validJSONL(t, r.stdout)
	if len(rs) != 10+2 { // every good article, and the two good lines of mixed.jsonl
		t.Errorf("got %d articles, want 12", len(rs))
	}
}

func TestCodeSample(t *testing.T) {
	r := dyadRun(t, "", "code", "--sample")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	rs := validJSONL(t, r.stdout)
	if len(rs) < 15 || len(rs) > 25 {
		t.Fatalf("sample has %d articles", len(rs))
	}
	var events, quotes, speakers, actors, places int
	for _, res := range rs {
		events += len(res.Events)
		quotes += len(res.Quotes)
		actors += len(res.Actors)
		places += len(res.Places)
		for _, q := range res.Quotes {
			if q.Speaker != nil && q.Speaker.Actor != "" {
				speakers++
			}
		}
		if res.Date == "" || res.Dateline == nil && res.ID == "" {
			t.Errorf("article %s lacks date or id", res.ID)
		}
	}
	t.Logf("sample: %d articles, %d events, %d quotes (%d with a resolved speaker), %d actors, %d places",
		len(rs), events, quotes, speakers, actors, places)
	if events < 40 || quotes < 40 || speakers < quotes/2 || places < 60 {
		t.Errorf("too little found: %d events, %d quotes, %d resolved speakers, %d places", events, quotes, speakers, places)
	}
}

// TestCodeDeterministic checks that output does not depend on the number of
// workers.
func TestCodeDeterministic(t *testing.T) {
	one := dyadRun(t, "", "code", "--workers", "1", "--sample", "testdata/good")
	many := dyadRun(t, "", "code", "--workers", "8", "--sample", "testdata/good")
	if one.code != exitOK || many.code != exitOK {
		t.Fatalf("exit %d / %d: %s %s", one.code, many.code, one.stderr, many.stderr)
	}
	if one.stdout != many.stdout {
		t.Error("output with 1 worker differs from output with 8")
	}
}

func TestCodeStdin(t *testing.T) {
	text := "Peru praised Chile on Monday.\n"
	r := dyadRun(t, text, "code", "--date", "2026-11-25", "-")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	rs := validJSONL(t, r.stdout)
	if len(rs) != 1 || rs[0].Input != "-" || len(rs[0].Events) != 1 || rs[0].Events[0].Date != "2026-11-23" {
		t.Errorf("got %+v", rs)
	}
}

func TestOutputFormats(t *testing.T) {
	gdeltRow := regexp.MustCompile(`^[0-9]+\t[0-9]{8}\t`)
	tests := []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"table", func(t *testing.T, out string) {
			for _, want := range []string{"ARTICLE", "EVENTS", "QUOTES", "ACTORS", "PLACES"} {
				if !strings.Contains(out, want) {
					t.Errorf("table lacks %s", want)
				}
			}
		}},
		{"gdelt", func(t *testing.T, out string) {
			for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
				if n := len(strings.Split(l, "\t")); n != 61 || !gdeltRow.MatchString(l) {
					t.Fatalf("GDELT row with %d fields: %q", n, l)
				}
			}
		}},
		{"plover", func(t *testing.T, out string) {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				var m map[string]any
				if err := json.Unmarshal([]byte(l), &m); err != nil || m["event"] == nil {
					t.Fatalf("bad PLOVER line %q: %v", l, err)
				}
			}
		}},
		{"csv", func(t *testing.T, out string) {
			if !strings.Contains(strings.SplitN(out, "\n", 2)[0], "cameo") {
				t.Errorf("csv header lacks cameo: %q", strings.SplitN(out, "\n", 2)[0])
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			r := dyadRun(t, "", "code", "--format", tt.format, "--sample")
			if r.code != exitOK || r.stdout == "" {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			tt.check(t, r.stdout)
		})
	}
}

func counts(t *testing.T, db string) store.Counts {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestIngestIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	first := dyadRun(t, "", "ingest", "--db", db, "--sample", "testdata/good")
	if first.code != exitOK {
		t.Fatalf("exit %d: %s", first.code, first.stderr)
	}
	c1 := counts(t, db)
	second := dyadRun(t, "", "ingest", "--db", db, "--sample", "testdata/good")
	if second.code != exitOK {
		t.Fatalf("exit %d: %s", second.code, second.stderr)
	}
	c2 := counts(t, db)
	if c1 != c2 || c1.Articles != 30 || c1.Events == 0 || c1.Quotes == 0 {
		t.Errorf("counts after first ingest %+v, after second %+v", c1, c2)
	}
	if !strings.Contains(second.stderr, "0 added, 30 already stored") {
		t.Errorf("second run summary: %s", second.stderr)
	}
}

func TestIngestBadInputStoresTheRest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	r := dyadRun(t, "", "ingest", "--db", db, "testdata/bad")
	if r.code != exitFailed {
		t.Fatalf("exit %d, want 1: %s", r.code, r.stderr)
	}
	if c := counts(t, db); c.Articles != 2 {
		t.Errorf("stored %d articles, want the 2 good lines of mixed.jsonl", c.Articles)
	}
}

// TestIngestInterrupted cancels an ingestion midway: the database keeps the
// finished batches, and a rerun completes it to the same counts as an
// uninterrupted run.
func TestIngestInterrupted(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full.db")
	if r := dyadRun(t, "", "ingest", "--db", full, "--sample"); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := counts(t, full)

	db := filepath.Join(dir, "cut.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for {
			if c, err := os.Stat(db); err == nil && c.Size() > 0 {
				time.Sleep(time.Millisecond)
				cancel()
				return
			}
			time.Sleep(100 * time.Microsecond)
		}
	}()
	r := dyadRunCtx(t, ctx, "", "ingest", "--db", db, "--batch", "3", "--workers", "1", "--sample")
	if r.code != exitAborted && r.code != exitOK {
		t.Fatalf("interrupted ingest: exit %d: %s", r.code, r.stderr)
	}
	mid := counts(t, db)
	if mid.Articles%3 != 0 && mid.Articles != want.Articles {
		t.Errorf("interrupted ingest stored %d articles: not whole batches of 3", mid.Articles)
	}
	if r := dyadRun(t, "", "ingest", "--db", db, "--sample"); r.code != exitOK {
		t.Fatalf("rerun: exit %d: %s", r.code, r.stderr)
	}
	if got := counts(t, db); got != want {
		t.Errorf("after rerun %+v, want %+v (interrupted at %+v)", got, want, mid)
	}
}

// TestIngestSIGINT interrupts a real dyad process with SIGINT.
func TestIngestSIGINT(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	for i := range 300 {
		text := fmt.Sprintf("Story %d\n\nCountry %d talks\n\nFrance met India on Monday for round %d of talks. \"We agree,\" Minister Duval said.\n", i, i, i)
		os.WriteFile(filepath.Join(corpus, fmt.Sprintf("%03d.txt", i)), []byte(text), 0o644)
	}
	db := filepath.Join(dir, "dyad.db")
	cmd := exec.Command(bin, "ingest", "--db", db, "--batch", "10", "--workers", "1", "--date", "2026-11-20", corpus)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() > 0 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if err != nil && code != exitAborted {
		t.Fatalf("exit %d: %v\n%s", code, err, stderr.String())
	}
	mid := counts(t, db)
	if mid.Articles%10 != 0 && mid.Articles != 300 {
		t.Errorf("interrupted run stored %d articles: not whole batches", mid.Articles)
	}
	rerun := exec.Command(bin, "ingest", "--db", db, "--date", "2026-11-20", corpus)
	if out, err := rerun.CombinedOutput(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	if got := counts(t, db); got.Articles != 300 {
		t.Errorf("after rerun %d articles, want 300 (interrupted at %d)", got.Articles, mid.Articles)
	}
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	if r := dyadRun(t, "", "ingest", "--db", db, "--sample"); r.code != exitOK {
		t.Fatalf("ingest: %s", r.stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw, _ := os.Pipe()
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, stdio{in: strings.NewReader(""), out: os.Stdout, err: pw})
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	url := regexp.MustCompile(`http://\S+`).FindString(line)
	resp, err := http.Get(url + "/api/events?limit=5")
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Items []json.RawMessage `json:"items"`
		Total int               `json:"total"`
	}
	json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(page.Items) != 5 || page.Total < 5 {
		t.Errorf("GET /api/events: %d, %d items of %d", resp.StatusCode, len(page.Items), page.Total)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("serve exit %d", code)
	}
	pw.Close()
}

func TestServeMissingDatabase(t *testing.T) {
	r := dyadRun(t, "", "serve", "--db", filepath.Join(t.TempDir(), "none.db"))
	if r.code != exitFailed || !strings.Contains(r.stderr, "dyad ingest") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
}

func TestDemoWithoutServing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	r := dyadRun(t, "", "demo", "--db", db, "--serve=false")
	if r.code != exitOK || !strings.Contains(r.stdout, "EVENTS") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if c := counts(t, db); c.Articles != 20 {
		t.Errorf("demo stored %d articles", c.Articles)
	}
}

func TestParseCommand(t *testing.T) {
	t.Run("conllu in, conllu out", func(t *testing.T) {
		r := dyadRun(t, "", "parse", "--input", "conllu", "testdata/parse/mini.conllu")
		if r.code != exitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		got, err := conllu.ReadAll(strings.NewReader(r.stdout), "out")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || len(got[1].Words) != 7 || len(got[1].Tokens) != 1 {
			t.Fatalf("parsed %d sentences: %+v", len(got), got)
		}
		if id, _ := got[0].Comment("sent_id"); id != "d1-1" {
			t.Errorf("comments not kept: %v", got[0].Comments)
		}
		if w := got[0].Words[1]; w.UPOS != "VERB" || w.Lemma != "praise" || w.Head != 0 || w.Deprel != "root" {
			t.Errorf("praised: %+v", w)
		}
	})
	t.Run("text in, jsonl out", func(t *testing.T) {
		r := dyadRun(t, "Chile praised Peru. Peru thanked Chile.", "parse", "--format", "jsonl", "-")
		if r.code != exitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		var s sentenceJSON
		if len(lines) != 2 || json.Unmarshal([]byte(lines[1]), &s) != nil || s.Text != "Peru thanked Chile." || len(s.Words) != 4 {
			t.Errorf("output %q", r.stdout)
		}
	})
	t.Run("bad flags", func(t *testing.T) {
		if r := dyadRun(t, "", "parse", "--input", "xml", "x"); r.code != exitUsage {
			t.Errorf("exit %d", r.code)
		}
		if r := dyadRun(t, "", "parse", "--input", "conllu", "testdata/bad/mixed.jsonl"); r.code != exitFailed {
			t.Errorf("exit %d for a file that is no CoNLL-U: %s", r.code, r.stderr)
		}
	})
}

func TestEvalParse(t *testing.T) {
	r := dyadRun(t, "", "eval", "parse", "--gold", "testdata/parse/mini.conllu", "--json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var sc map[string]float64
	if err := json.Unmarshal([]byte(r.stdout), &sc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"tokens_f1", "sentences_f1", "upos", "xpos", "lemma", "uas", "las"} {
		if v, ok := sc[k]; !ok || v < 0.5 || v > 1 {
			t.Errorf("%s = %v in %s", k, v, r.stdout)
		}
	}
	if r := dyadRun(t, "", "eval", "parse"); r.code != exitUsage {
		t.Errorf("eval parse without --gold: exit %d", r.code)
	}
}

func TestEvalSample(t *testing.T) {
	r := dyadRun(t, "", "eval", "sample", "--json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Stories int `json:"stories"`
		Events  struct {
			F1 float64 `json:"f1"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Stories != 20 || rep.Events.F1 <= 0 {
		t.Errorf("report %s: %v", r.stdout, err)
	}
	if r := dyadRun(t, "", "eval", "polnear"); r.code != exitUsage {
		t.Errorf("eval polnear: exit %d", r.code)
	}
	if r := dyadRun(t, "", "eval", "sample", "--details"); r.code != exitOK || !strings.Contains(r.stdout, "== 01-") {
		t.Errorf("eval --details: exit %d %s", r.code, trim(r.stdout))
	}
}

func TestBench(t *testing.T) {
	r := dyadRun(t, "", "bench", "--json", "--sample")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep benchReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 20 || rep.Tokens == 0 || rep.ArticlesPerSec <= 0 || rep.PeakRSSMB <= 0 || len(rep.Stages) != 8 {
		t.Errorf("report %+v", rep)
	}
	share := 0.0
	for _, s := range rep.Stages {
		share += s.Share
	}
	if share < 0.99 || share > 1.01 {
		t.Errorf("stage shares add up to %f", share)
	}
}
