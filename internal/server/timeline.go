package server

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

// Timeline drawing sizes, in SVG user units.
const (
	tlWidth, tlHeight = 760.0, 300.0
	tlLeft, tlRight   = 50.0, 50.0
	tlTop, tlBottom   = 20.0, 50.0
	// tlMaxPeriods bounds the periods drawn; a longer span keeps its latest.
	tlMaxPeriods = 120
)

// quadColors are the fills of quad classes 1 to 4.
var quadColors = [4]string{"#66bd63", "#1a9850", "#fdae61", "#d73027"}

// quadNames names quad classes 1 to 4.
var quadNames = [4]string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

type tlRect struct {
	X, Y, W, H float64
	Color      string
	Title      string
}

type tlLabel struct {
	X, Y float64
	Text string
}

// timeline is a stacked bar chart of events per period and quad class with
// the mean Goldstein score as a line, ready for the SVG template.
type timeline struct {
	Width, Height float64
	Bars          []tlRect
	XLabels       []tlLabel
	YLabels       []tlLabel
	GLabels       []tlLabel
	Line          string // SVG points of the Goldstein line
	Dots          []tlLabel
	ZeroY         float64
	Left, Right   float64
	Top, Bottom   float64
	Periods       int
	// Cut says that earlier periods were left out beyond tlMaxPeriods.
	Cut    bool
	Legend []tlRect
}

// periodBucket sums the relation rows of one period.
type periodBucket struct {
	quad      [4]int
	goldstein float64 // sum over events
	events    int
}

// buildTimeline draws rows (of one pair, either direction) over every period
// from the first to the last, empty ones included.
func buildTimeline(rows []store.RelationRow, period string) *timeline {
	t := &timeline{Width: tlWidth, Height: tlHeight, Left: tlLeft, Right: tlWidth - tlRight, Top: tlTop, Bottom: tlHeight - tlBottom}
	buckets := map[string]*periodBucket{}
	first, last := "", ""
	for _, r := range rows {
		b := buckets[r.Period]
		if b == nil {
			b = &periodBucket{}
			buckets[r.Period] = b
		}
		for i, n := range []int{r.VerbalCooperation, r.MaterialCooperation, r.VerbalConflict, r.MaterialConflict} {
			b.quad[i] += n
		}
		b.goldstein += r.Goldstein * float64(r.Events)
		b.events += r.Events
		if first == "" || r.Period < first {
			first = r.Period
		}
		if r.Period > last {
			last = r.Period
		}
	}
	periods, cut := periodRange(first, last, period, tlMaxPeriods)
	t.Cut = cut
	t.Periods = len(periods)
	for i, c := range quadColors {
		t.Legend = append(t.Legend, tlRect{X: tlLeft + float64(i)*170, Y: tlHeight - 14, W: 10, H: 10, Color: c, Title: quadNames[i]})
	}
	if len(periods) == 0 {
		return t
	}
	maxEvents := 1
	for _, p := range periods {
		if b := buckets[p]; b != nil {
			maxEvents = max(maxEvents, b.events)
		}
	}
	plotH := t.Bottom - t.Top
	slot := (t.Right - t.Left) / float64(len(periods))
	barW := math.Min(math.Max(slot*0.7, 1), 48)
	gy := func(g float64) float64 { return round1(t.Top + (10-g)/20*plotH) }
	t.ZeroY = gy(0)
	var pts []string
	every := max(1, len(periods)/12)
	for i, p := range periods {
		x := t.Left + slot*float64(i) + (slot-barW)/2
		if i%every == 0 {
			t.XLabels = append(t.XLabels, tlLabel{X: round1(x + barW/2), Y: t.Bottom + 16, Text: p})
		}
		b := buckets[p]
		if b == nil {
			continue
		}
		y := t.Bottom
		for q, n := range b.quad {
			if n == 0 {
				continue
			}
			h := float64(n) / float64(maxEvents) * plotH
			y -= h
			t.Bars = append(t.Bars, tlRect{X: round1(x), Y: round1(y), W: round1(barW), H: round1(h), Color: quadColors[q],
				Title: fmt.Sprintf("%s: %d %s", p, n, quadNames[q])})
		}
		g := b.goldstein / float64(b.events)
		cx, cy := round1(x+barW/2), gy(g)
		pts = append(pts, fmt.Sprintf("%g,%g", cx, cy))
		t.Dots = append(t.Dots, tlLabel{X: cx, Y: cy, Text: fmt.Sprintf("%s: mean Goldstein %.1f over %d events", p, g, b.events)})
	}
	t.Line = strings.Join(pts, " ")
	for _, n := range []int{0, maxEvents / 2, maxEvents} {
		if n == maxEvents/2 && (n == 0 || n == maxEvents) {
			continue
		}
		t.YLabels = append(t.YLabels, tlLabel{X: t.Left - 6, Y: round1(t.Bottom - float64(n)/float64(maxEvents)*plotH + 4), Text: fmt.Sprint(n)})
	}
	for _, g := range []float64{-10, 0, 10} {
		t.GLabels = append(t.GLabels, tlLabel{X: t.Right + 6, Y: gy(g) + 4, Text: fmt.Sprintf("%+g", g)})
	}
	return t
}

// periodRange lists the periods from first to last inclusive, as the store
// names them (see store.RelationQuery.Period), at most the latest limit of
// them, and says whether it left earlier ones out. For PeriodAll it is
// [first].
func periodRange(first, last, period string, limit int) ([]string, bool) {
	if first == "" && last == "" {
		return nil, false
	}
	a, err1 := time.Parse(dyad.DateLayout, first)
	b, err2 := time.Parse(dyad.DateLayout, last)
	if err1 != nil || err2 != nil || period == store.PeriodAll {
		return []string{first}, false
	}
	// Walk back from the last period, so that a long span costs only the
	// periods drawn.
	var out []string
	d := b
	for ; !d.Before(a) && len(out) < limit; d = stepBack(d, period) {
		out = append(out, d.Format(dyad.DateLayout))
	}
	slices.Reverse(out)
	return out, !d.Before(a)
}

func stepBack(d time.Time, period string) time.Time {
	switch period {
	case store.PeriodDay:
		return d.AddDate(0, 0, -1)
	case store.PeriodWeek:
		return d.AddDate(0, 0, -7)
	}
	return d.AddDate(0, -1, 0)
}
