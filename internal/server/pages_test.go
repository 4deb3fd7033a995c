package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestPages loads every page over the fixtures and checks what it shows,
// that it has no script, and that each of its links answers 200.
func TestPages(t *testing.T) {
	srv := newAnalystServer(t)
	tests := []struct {
		path string
		want []string
	}{
		{"/", []string{`id="network"`, "KOR", "PRK", "Most active pairs", `href="/actors/FRAGOV"`}},
		{"/network", []string{`<line class="edge"`, `stroke="#1a9850"`, `stroke="#d73027"`, "FRA – IND", `href="/pair?a=FRA&amp;b=IND"`}},
		{"/network?from=2026-05-05&to=2026-12-31&level=code", []string{"AUS – FRAGOV"}},
		{"/network?from=1990-01-01&to=1990-01-02", []string{"No events between two actors in this window"}},
		{"/pair?a=KOR&b=PRK", []string{`id="timeline"`, `<rect class="bar"`, "2026-03-16", "KOR → PRK", "verbal conflict"}},
		{"/pair?a=FRA&b=IND&period=day", []string{"2026-05-04", "FRA → IND", `href="/events/`}},
		{"/events", []string{"FRAGOV", "042", `href="/export/events.csv"`, `href="/export/events.gdelt.tsv"`, `href="/export/events.plover.jsonl"`}},
		{"/events?source=FRA&quad=3&from=2026-01-01", []string{"RUS", `href="/export/events.csv?from=2026-01-01&amp;quad=3&amp;source=FRA"`}},
		{"/actors", []string{"FRAGOV", "French foreign minister"}},
		{"/actors?q=korea", []string{"KORGOV"}},
		{"/actors/FRA", []string{"Partners by cooperation", "Partners by conflict", `href="/actors/RUS"`, `href="/actors/AUS"`}},
		{"/actors/KORGOV", []string{"This is a clear provocation", `href="/actors/PRK"`}},
		{"/articles", []string{"France seeks closer ties", `href="/articles/fr-in-2"`}},
		{"/articles?q=missile", []string{"South Korea condemns missile launch"}},
		{"/articles/fr-in-1", []string{`<mark class="actor" title="French foreign minister (FRAGOV)"><mark class="actor" title="France (FRA)">France</mark>&#39;s foreign minister</mark>`,
			`<a class="trigger" href="#ev-e1"`, `<li class="event" id="ev-e1">`, "verbs.txt:1 arrived in New Delhi",
			`<mark class="quote"`, `<mark class="place" title="New Delhi, IND">New Delhi</mark>`, "all reports"}},
		{"/articles/a%20b%2Fc%3Fd%23e%25f", []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more"}},
		{"/quotes", []string{"Our partnerships multiply what we can do", `href="/actors/FRAGOV"`}},
		{"/quotes?q=provocation&speaker=KOR", []string{"This is a clear provocation"}},
		{"/quotes?q=nothing+like+this", []string{"No quotes match"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := do(t, http.MethodGet, srv.URL+tt.path)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %.500s", resp.StatusCode, body)
			}
			if resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", resp.Header.Get("Content-Type"))
			}
			page := string(body)
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			checkPage(t, srv, tt.path, page)
		})
	}
	// The event detail page lists each mention with its provenance.
	_, body := do(t, http.MethodGet, srv.URL+"/events?code=042")
	page := string(body)
	i := strings.Index(page, `href="/events/`)
	if i < 0 {
		t.Fatal("no event link on /events?code=042")
	}
	link := page[i+len(`href="`):]
	link = link[:strings.IndexByte(link, '"')]
	resp, body := do(t, http.MethodGet, srv.URL+link)
	if resp.StatusCode != 200 || strings.Count(string(body), `<li class="mention">`) != 4 || !strings.Contains(string(body), "arrived in New Delhi") {
		t.Errorf("%s = %d, want 4 mentions with their trigger:\n%s", link, resp.StatusCode, body)
	}
	checkPage(t, srv, link, string(body))
}

func TestPageErrors(t *testing.T) {
	srv := newAnalystServer(t)
	tests := []struct {
		path    string
		status  int
		message string
	}{
		{"/articles/missing", 404, "no article"},
		{"/actors/ZZZZ", 404, "no actor"},
		{"/events/999999", 404, "no event"},
		{"/events/abc", 404, "no event"},
		{"/pair?a=FRA", 400, "a and b"},
		{"/pair?a=FRA&b=IND&period=year", 400, "period"},
		{"/network?from=someday", 400, "from"},
		{"/events?quad=7", 400, "quad"},
		{"/articles?offset=-3", 400, "offset"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := do(t, http.MethodGet, srv.URL+tt.path)
			if resp.StatusCode != tt.status || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
				t.Errorf("= %d %q, want %d HTML", resp.StatusCode, resp.Header.Get("Content-Type"), tt.status)
			}
			if !strings.Contains(string(body), tt.message) {
				t.Errorf("page does not say %q: %.300s", tt.message, body)
			}
		})
	}
}
