package webtest

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/dyadproject/dyad/internal/sample"
	"github.com/dyadproject/dyad/internal/server"
	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/sqlite"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "copy the main screenshots to docs/screenshots")

// chromium returns the path of a Chromium binary, or "" when there is none.
func chromium() string {
	if p := os.Getenv("DYAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// sampleServer analyzes the sample news into a new store and serves it.
func sampleServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	stages, err := pipeline.Standard(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	an := pipeline.New(pipeline.Config{Stages: stages})
	var recs []store.Record
	for _, f := range sample.Files() {
		for a, err := range article.ReadBytes(path.Join("sample", f.Name), f.Data, article.Options{}) {
			if err != nil {
				t.Fatalf("read %s: %v", f.Name, err)
			}
			recs = append(recs, store.Record{Result: an.Analyze(a).Result(), Text: a.Text})
		}
	}
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sample.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Store: db}).Handler())
	t.Cleanup(srv.Close)
	return srv
}

// browser starts a headless Chromium for the test; it skips the test when
// there is no Chromium.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := chromium()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium package or set DYAD_CHROMIUM): browser tests skipped")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox, // CI runs as root, where Chromium's sandbox cannot start
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first run starts the browser and must not have a deadline: it
	// would stop the browser. Later actions get one through step.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	return ctx
}

// stepTimeout bounds each browser step, so that a page that never shows
// what a test waits for fails the test instead of hanging it.
const stepTimeout = 15 * time.Second

// do runs steps and fails the test on error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// load runs steps that end in a page load (a click on a link, a form
// submission) and waits for the new page.
func load(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if resp.Status != 200 {
		t.Fatalf("%s: status %d", what, resp.Status)
	}
}

// get runs an action that returns a value and fails the test on error.
func get[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// count returns the number of elements matching the CSS selector.
func count(t *testing.T, ctx context.Context, selector string) int {
	t.Helper()
	return get(t, ctx, "count "+selector, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", selector)))
}

// text returns the visible text of the first element matching selector.
func text(t *testing.T, ctx context.Context, selector string) string {
	t.Helper()
	return get(t, ctx, "text of "+selector, chromedp.Text(chromedp.CSS(selector), chromedp.NodeVisible))
}

// screenshot saves the whole page as name.png in the test's artifact
// directory, and in docs/screenshots with -update-screenshots when main.
func screenshot(t *testing.T, ctx context.Context, name string, main bool) {
	t.Helper()
	png := get(t, ctx, "screenshot", chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(t.ArtifactDir(), name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	if *updateScreenshots && main {
		if err := os.WriteFile(filepath.Join("..", "..", "..", "docs", "screenshots", name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// hrefs returns the href of every element matching selector.
func hrefs(t *testing.T, ctx context.Context, selector string) []string {
	t.Helper()
	return get(t, ctx, "links", chromedp.Evaluate[[]string](fmt.Sprintf(
		`Array.from(document.querySelectorAll(%q)).map(a => a.getAttribute("href"))`, selector)))
}

// location returns the page's URL.
func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	return get(t, ctx, "location", chromedp.Location())
}

// checkLinks GETs every same-site link of the page (SVG links included)
// and wants 200.
func checkLinks(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	seen := map[string]bool{}
	for _, h := range hrefs(t, ctx, "a[href]") {
		if strings.HasPrefix(h, "#") || seen[h] {
			continue
		}
		seen[h] = true
		if !strings.HasPrefix(h, "/") {
			t.Errorf("link %q leaves the site", h)
			continue
		}
		resp, err := http.Get(base + h)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("link %s = %d", h, resp.StatusCode)
		}
	}
}

// TestBrowser loads each page of a server over the sample corpus in
// Chromium and checks what a person would see.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	srv := sampleServer(t)
	base := srv.URL

	t.Run("overview", func(t *testing.T) {
		do(t, ctx, "open /", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("svg#network")))
		if h := text(t, ctx, "h1"); h != "Overview" {
			t.Errorf("heading %q", h)
		}
		if got := text(t, ctx, "table.counts"); !strings.Contains(got, "20") {
			t.Errorf("counts table %q does not show the 20 sample articles", got)
		}
		nodes, edges := count(t, ctx, "svg#network circle.node"), count(t, ctx, "svg#network line.edge")
		if nodes < 8 || edges < nodes/2 {
			t.Errorf("network has %d nodes and %d edges; want at least 8 countries, connected", nodes, edges)
		}
		screenshot(t, ctx, "overview", true)
		checkLinks(t, ctx, base)
	})

	t.Run("network and pair", func(t *testing.T) {
		do(t, ctx, "open /network", chromedp.Navigate(base+"/network"), chromedp.WaitVisible(chromedp.CSS("svg#network")))
		if n := count(t, ctx, "svg#network circle.node"); n < 8 {
			t.Errorf("network has %d nodes, want at least 8", n)
		}
		rows := count(t, ctx, "table.pairs tr") - 1
		if e := count(t, ctx, "svg#network line.edge"); e != rows {
			t.Errorf("%d edges drawn but %d pairs listed", e, rows)
		}
		screenshot(t, ctx, "network", true)
		// A click on the busiest pair opens its timeline.
		load(t, ctx, "open the first pair", chromedp.Click(chromedp.CSS("table.pairs tr:nth-child(2) a"), chromedp.NodeVisible))
		loc := location(t, ctx)
		if !strings.Contains(loc, "/pair?") {
			t.Errorf("clicked a pair, landed on %s", loc)
		}
		if bars := count(t, ctx, "svg#timeline rect.bar"); bars == 0 {
			t.Error("the timeline has no bars")
		}
		load(t, ctx, "by month", chromedp.Click(chromedp.Search(`//a[text()="month"]`), chromedp.NodeVisible))
		if got := text(t, ctx, "table.periods"); !strings.Contains(got, "-01") {
			t.Errorf("monthly periods %q do not start on the first", got)
		}
		screenshot(t, ctx, "pair", true)
		checkLinks(t, ctx, base)
	})

	t.Run("article", func(t *testing.T) {
		do(t, ctx, "open /articles", chromedp.Navigate(base+"/articles"),
			chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), "submarine", chromedp.NodeVisible))
		load(t, ctx, "search articles", chromedp.Submit(chromedp.CSS(`input[name="q"]`)))
		if n := count(t, ctx, "table.articles tr") - 1; n != 1 {
			t.Fatalf("search for submarine found %d articles, want 1", n)
		}
		load(t, ctx, "open article", chromedp.Click(chromedp.CSS("table.articles a"), chromedp.NodeVisible))
		for _, sel := range []string{"#text mark.actor", "#text mark.place", "#text mark.quote", "#text a.trigger"} {
			if count(t, ctx, sel) == 0 {
				t.Errorf("no %s highlighted", sel)
			}
		}
		hidden := get(t, ctx, "evidence hidden", chromedp.Evaluate[bool](
			`getComputedStyle(document.querySelector("li.event .evidence")).display === "none"`))
		if !hidden {
			t.Error("an event's evidence shows before any click")
		}
		href := get(t, ctx, "trigger link", chromedp.AttributeValue(chromedp.CSS("#text a.trigger"), "href")).Value
		do(t, ctx, "click a trigger", chromedp.Click(chromedp.CSS("#text a.trigger"), chromedp.NodeVisible))
		sel := "li" + href + " .evidence"
		do(t, ctx, "evidence shown", chromedp.WaitVisible(sel))
		if got := text(t, ctx, sel); !strings.Contains(got, "trigger") || !strings.Contains(got, "pattern") || !strings.Contains(got, "sentence") {
			t.Errorf("evidence %q lacks the sentence, trigger or pattern", got)
		}
		screenshot(t, ctx, "article", true)
		checkLinks(t, ctx, base)
		// The event's cross-article page lists its mentions with their
		// evidence, each linking back to its article.
		load(t, ctx, "all reports", chromedp.Click(chromedp.CSS("li"+href+` a[href^="/events/"]`), chromedp.NodeVisible))
		if n := count(t, ctx, "ol.mentions li.mention"); n < 1 {
			t.Errorf("the event page lists %d mentions", n)
		}
		if got := text(t, ctx, "ol.mentions"); !strings.Contains(got, "pattern") {
			t.Errorf("mentions %q lack their pattern", got)
		}
		checkLinks(t, ctx, base)
	})

	t.Run("actor", func(t *testing.T) {
		do(t, ctx, "open /actors/FRA", chromedp.Navigate(base+"/actors/FRA"), chromedp.WaitVisible(chromedp.CSS("#cooperation")))
		if n := count(t, ctx, "#cooperation table.partners tr") - 1; n < 2 {
			t.Errorf("France has %d cooperation partners listed, want several", n)
		}
		if got := text(t, ctx, "#cooperation table.partners"); !strings.Contains(got, "IND") {
			t.Errorf("France's partners %q do not include India", got)
		}
		screenshot(t, ctx, "actor", true)
		checkLinks(t, ctx, base)
	})

	t.Run("events", func(t *testing.T) {
		do(t, ctx, "open /events", chromedp.Navigate(base+"/events"),
			chromedp.SetValue(chromedp.CSS(`select[name="quad"]`), "4", chromedp.NodeVisible))
		load(t, ctx, "filter conflict", chromedp.Submit(chromedp.CSS(`select[name="quad"]`)))
		loc := location(t, ctx)
		if !strings.Contains(loc, "quad=4") {
			t.Errorf("filter form went to %s", loc)
		}
		exports := hrefs(t, ctx, "a.export")
		if len(exports) != 3 {
			t.Fatalf("export links %v, want 3", exports)
		}
		for _, h := range exports {
			resp, err := http.Get(base + h)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || len(body) == 0 || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
				t.Errorf("export %s = %d, %d bytes, %q", h, resp.StatusCode, len(body), resp.Header.Get("Content-Disposition"))
			}
		}
		screenshot(t, ctx, "events", true)
		checkLinks(t, ctx, base)
	})

	t.Run("quotes", func(t *testing.T) {
		do(t, ctx, "open /quotes", chromedp.Navigate(base+"/quotes"),
			chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), "partners", chromedp.NodeVisible))
		load(t, ctx, "search quotes", chromedp.Submit(chromedp.CSS(`input[name="q"]`)))
		if got := text(t, ctx, "table.quotes"); !strings.Contains(got, "choosing partners") {
			t.Errorf("quote search shows %q", got)
		}
		screenshot(t, ctx, "quotes", false)
		checkLinks(t, ctx, base)
	})
}
