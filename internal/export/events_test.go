package export

import (
	"bytes"
	"strings"
	"testing"
)

// TestWriteEvents checks that writing some of an article's events gives
// exactly the lines Write gives for those events, GDELT IDs included.
func TestWriteEvents(t *testing.T) {
	r := richResult()
	if len(r.Events) < 3 {
		t.Fatalf("fixture has %d events, want at least 3", len(r.Events))
	}
	for _, format := range []string{"gdelt", "csv", "plover"} {
		t.Run(format, func(t *testing.T) {
			var all bytes.Buffer
			w, _ := New(format, &all)
			for i := range r.Events {
				if err := w.(EventWriter).WriteEvents(r, []int{i}); err != nil {
					t.Fatal(err)
				}
			}
			w.Close()
			if want := render(t, format, r); !bytes.Equal(all.Bytes(), want) {
				t.Errorf("events one by one:\n%s\nwant Write's:\n%s", all.Bytes(), want)
			}
			var some bytes.Buffer
			w, _ = New(format, &some)
			if err := w.(EventWriter).WriteEvents(r, []int{2, 0}); err != nil {
				t.Fatal(err)
			}
			w.Close()
			lines := strings.Split(strings.TrimSuffix(all.String(), "\n"), "\n")
			got := strings.Split(strings.TrimSuffix(some.String(), "\n"), "\n")
			if format == "csv" {
				lines, got = lines[1:], got[1:] // the header
			}
			if format == "plover" {
				return // PLOVER leaves some events out, so lines and positions differ.
			}
			if len(got) != 2 || got[0] != lines[2] || got[1] != lines[0] {
				t.Errorf("events 2 and 0 = %q, want lines %q and %q", got, lines[2], lines[0])
			}
			w, _ = New(format, &some)
			if err := w.(EventWriter).WriteEvents(r, []int{len(r.Events)}); err == nil {
				t.Error("position past the events: no error")
			}
		})
	}
}
