package article

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
)

func TestDateline(t *testing.T) {
	pub := time.Date(2026, 5, 7, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		line   string
		pub    time.Time
		span   string // the text the span covers; "" for no dateline
		place  string
		source string
		date   string
	}{
		{"place only", "WASHINGTON -- The Senate voted.", pub, "WASHINGTON -- ", "WASHINGTON", "", ""},
		{"place, date, agency", "SEOUL, March 17 (Yonhap) -- South Korea said.", pub, "SEOUL, March 17 (Yonhap) -- ", "SEOUL", "Yonhap", "2026-03-17"},
		{"agency and hyphen", "TOKYO (Reuters) - Japan's central bank held rates.", pub, "TOKYO (Reuters) - ", "TOKYO", "Reuters", ""},
		{"region and em dash", "KYIV, Ukraine (AP) — Drones struck the city.", pub, "KYIV, Ukraine (AP) — ", "KYIV, Ukraine", "AP", ""},
		{"two words, abbreviated month", "UNITED NATIONS, Jan. 5 (Xinhua) -- The council met.", pub, "UNITED NATIONS, Jan. 5 (Xinhua) -- ", "UNITED NATIONS", "Xinhua", "2026-01-05"},
		{"place and date", "PARIS, May 6 -- France's foreign minister said.", pub, "PARIS, May 6 -- ", "PARIS", "", "2026-05-06"},
		{"later month is last year", "BEIJING, Dec. 30 (Xinhua) -- China said.", pub, "BEIJING, Dec. 30 (Xinhua) -- ", "BEIJING", "Xinhua", "2025-12-30"},
		{"explicit year", "NEW YORK, March 3, 2024 /PRNewswire/ -- A company said.", pub, "NEW YORK, March 3, 2024 /PRNewswire/ -- ", "NEW YORK", "PRNewswire", "2024-03-03"},
		{"no publication date", "LONDON, May 6 (Reuters) - Britain said.", time.Time{}, "LONDON, May 6 (Reuters) - ", "LONDON", "Reuters", ""},
		{"hyphenated place, en dash", "PORT-AU-PRINCE, Haiti – Gangs blocked roads.", pub, "PORT-AU-PRINCE, Haiti – ", "PORT-AU-PRINCE, Haiti", "", ""},
		{"abbreviated place and state", "ST. LOUIS, Mo. (AP) — A jury found.", pub, "ST. LOUIS, Mo. (AP) — ", "ST. LOUIS, Mo.", "AP", ""},
		{"em dash without spaces", "WASHINGTON—The Senate voted.", pub, "WASHINGTON—", "WASHINGTON", "", ""},
		{"accented capitals", "SÃO PAULO (Reuters) - Brazil said.", pub, "SÃO PAULO (Reuters) - ", "SÃO PAULO", "Reuters", ""},
		{"capitals date", "SEOUL, MARCH 17 (Yonhap) -- x", pub, "SEOUL, MARCH 17 (Yonhap) -- ", "SEOUL", "Yonhap", "2026-03-17"},
		{"impossible date", "SEOUL, Feb. 30 (Yonhap) -- x", pub, "SEOUL, Feb. 30 (Yonhap) -- ", "SEOUL", "Yonhap", ""},
		{"acronym sentence", "NATO said on Monday it would send more troops.", pub, "", "", "", ""},
		{"acronym with dash later", "NATO allies met -- and agreed.", pub, "", "", "", ""},
		{"lower-case place", "Paris -- France said.", pub, "", "", "", ""},
		{"ordinary sentence", "The U.S. -- and its allies -- said.", pub, "", "", "", ""},
		{"two-letter acronym", "US -- The deal.", pub, "", "", "", ""},
		{"hyphenated word", "COVID-19 cases rose.", pub, "", "", "", ""},
		{"headline word", "BREAKING: the council met.", pub, "", "", "", ""},
		{"hyphen without space", "UK-EU talks resumed.", pub, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := findDateline(tt.line, tt.pub)
			if tt.span == "" {
				if d != nil {
					t.Fatalf("found dateline %+v (%q)", d, tt.line[d.Span.Start:d.Span.End])
				}
				return
			}
			if d == nil {
				t.Fatal("no dateline")
			}
			if got := tt.line[d.Span.Start:d.Span.End]; got != tt.span || d.Place != tt.place || d.Source != tt.source || d.Date != tt.date {
				t.Errorf("got span %q place %q source %q date %q, want %q %q %q %q", got, d.Place, d.Source, d.Date, tt.span, tt.place, tt.source, tt.date)
			}
		})
	}
}

func TestDebris(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"| Seoul | 12 | 3.4% |", true},
		{"Seoul | 12 | 3.4%", true},
		{"Joint military drills (Yonhap) |", true},
		{"Advertisement", true},
		{"ADVERTISEMENT", true},
		{"  Share this article  ", true},
		{"Photo: Ministry of Defence", true},
		{"(AP Photo/Evan Vucci)", true},
		{"The president speaks in the Rose Garden. (AP Photo/Evan Vucci)", true},
		{"Read more: Talks collapse in Geneva", true},
		{"Related: Ceasefire talks resume", true},
		{"© 2026 The Daily Ledger", true},
		{"Copyright 2026 The Associated Press. All rights reserved.", true},
		{"The talks ended without an agreement.", false},
		{"Advertisement revenue fell by a third, the company said.", false},
		{"He said the photo (which he took himself) was real.", false},
		{"The vote was 52 | 48 in favour.", false},
		{"Related talks will be held in June.", false},
		{"Read more about it in our report.", false},
		{"{{w|plasticity}} " + strings.Repeat("a long paragraph of interview text ", 10) + " {{w|brain}}", false},
		{"", false},
		{strings.Repeat("x", 301) + " (Photo: Reuters)", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isDebris(tt.line); got != tt.want {
				t.Errorf("isDebris(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestPrepare(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		art      dyad.Article
		opt      Options
		wantErr  error
		wantSkip []string
		wantDate time.Time
		wantDL   string // dateline date
		wantSrc  string
	}{
		{
			name:     "date line, dateline, debris",
			art:      dyad.Article{Text: "Friday, January 4, 2019 \n\n\nMOSCOW (AP) — A building collapsed.\n\n| a | b |\nPhoto: Rescue service\nRescuers worked overnight."},
			wantSkip: []string{"Friday, January 4, 2019", "MOSCOW (AP) — ", "| a | b |", "Photo: Rescue service"},
			wantDate: day(2019, 1, 4),
			wantSrc:  "AP",
		},
		{
			name:     "input date wins over date line",
			art:      dyad.Article{Text: "May 6, 2026\nSEOUL, May 5 (Yonhap) -- x", Date: day(2026, 5, 7)},
			wantSkip: []string{"May 6, 2026", "SEOUL, May 5 (Yonhap) -- "},
			wantDate: day(2026, 5, 7),
			wantDL:   "2026-05-05",
			wantSrc:  "Yonhap",
		},
		{
			name:     "option date resolves the dateline",
			art:      dyad.Article{Text: "BEIJING, Dec. 31 (Xinhua) -- x", Source: "Wire"},
			opt:      Options{Date: time.Date(2026, 1, 2, 15, 0, 0, 0, time.UTC)},
			wantSkip: []string{"BEIJING, Dec. 31 (Xinhua) -- "},
			wantDate: day(2026, 1, 2),
			wantDL:   "2025-12-31",
			wantSrc:  "Wire",
		},
		{
			name:     "dateline after leading debris",
			art:      dyad.Article{Text: "Advertisement\n\nTOKYO (Reuters) - x"},
			wantSkip: []string{"Advertisement", "TOKYO (Reuters) - "},
			wantSrc:  "Reuters",
		},
		{
			name:     "dateline in the second paragraph, after a headline",
			art:      dyad.Article{Text: "Talks end without a deal.\n\nTOKYO (Reuters) - x"},
			wantSkip: []string{"TOKYO (Reuters) - "},
			wantSrc:  "Reuters",
		},
		{
			name: "no dateline after the second paragraph",
			art:  dyad.Article{Text: "Talks end without a deal.\n\nThe talks ended.\n\nTOKYO (Reuters) - x"},
		},
		{name: "too large", art: dyad.Article{Text: strings.Repeat("x", 11)}, opt: Options{MaxBytes: 10}, wantErr: ErrTooLarge},
		{name: "invalid UTF-8", art: dyad.Article{Text: "ab\xffc"}, wantErr: ErrInvalidUTF8},
		{name: "binary", art: dyad.Article{Text: "a\x00b"}, wantErr: ErrBinary},
		{name: "blank", art: dyad.Article{Text: " \n\t"}, wantErr: ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.art
			a.Input = "t.txt"
			err := Prepare(&a, tt.opt)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			checkArticle(t, &a, tt.opt)
			var skip []string
			for _, s := range a.Skip {
				skip = append(skip, a.Text[s.Start:s.End])
			}
			if strings.Join(skip, "|") != strings.Join(tt.wantSkip, "|") {
				t.Errorf("skip %q, want %q", skip, tt.wantSkip)
			}
			if !a.Date.Equal(tt.wantDate) {
				t.Errorf("date %v, want %v", a.Date, tt.wantDate)
			}
			var dl string
			if a.Dateline != nil {
				dl = a.Dateline.Date
			}
			if dl != tt.wantDL || a.Source != tt.wantSrc {
				t.Errorf("dateline date %q source %q, want %q %q", dl, a.Source, tt.wantDL, tt.wantSrc)
			}
			if a.ID != a.Hash[:16] {
				t.Errorf("ID %q, want the hash prefix", a.ID)
			}
		})
	}
}

func TestPrepareErrorOffset(t *testing.T) {
	a := dyad.Article{Text: "abc\xffdef"}
	if err := Prepare(&a, Options{}); err == nil || !strings.Contains(err.Error(), "at byte 3") {
		t.Errorf("error %v, want one naming byte 3", err)
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct {
		name, in, title, body string
	}{
		{"title", "Talks end\n\nThe talks ended.\n", "Talks end", "The talks ended.\n"},
		{"crlf and several blank lines", "Talks end\r\n\r\n \r\nThe talks ended.", "Talks end", "The talks ended."},
		{"question title", "Will talks resume?\n\nMaybe.", "Will talks resume?", "Maybe."},
		{"first line ends in a period", "The talks ended.\n\nMore text.", "", "The talks ended.\n\nMore text."},
		{"no blank line after", "Talks end\nThe talks ended.", "", "Talks end\nThe talks ended."},
		{"nothing after", "Talks end\n\n", "", "Talks end\n\n"},
		{"date line", "May 6, 2026\n\nThe talks ended.", "", "May 6, 2026\n\nThe talks ended."},
		{"dateline", "WASHINGTON (AP) — The Senate voted\n\nMore.", "", "WASHINGTON (AP) — The Senate voted\n\nMore."},
		{"debris", "Advertisement\n\nThe talks ended.", "", "Advertisement\n\nThe talks ended."},
		{"too long", strings.Repeat("a", 201) + "\n\nx", "", strings.Repeat("a", 201) + "\n\nx"},
		{"one line", "The talks ended", "", "The talks ended"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, body := splitTitle(tt.in)
			if title != tt.title || body != tt.body {
				t.Errorf("got %q %q, want %q %q", title, body, tt.title, tt.body)
			}
		})
	}
}
