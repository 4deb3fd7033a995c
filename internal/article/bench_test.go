package article

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
)

// benchText is an invented wire story of about 2.5 KB.
var benchText = "Talks on river treaty resume\n\nPARIS, May 6 -- " + strings.Repeat(
	"The foreign ministers of France and Germany met in Paris on Monday to discuss a treaty on the Rhine, officials said. "+
		"Both governments want an agreement before the end of the year.\n\n", 12)

func BenchmarkReadText(b *testing.B) {
	data := []byte(benchText)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for a, err := range ReadBytes("story.txt", data, Options{}) {
			if err != nil || a == nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkReadCSV(b *testing.B) {
	const articles = 1000
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"id", "url", "date", "title", "text"})
	for i := range articles {
		w.Write([]string{fmt.Sprint(i), fmt.Sprintf("https://news.example/%d", i), "2026-05-06", "Talks resume", benchText})
	}
	w.Flush()
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for a, err := range ReadBytes("news.csv", data, Options{}) {
			if err != nil || a == nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
