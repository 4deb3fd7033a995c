package sample

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const dateLayout = "Monday, January 2, 2006"

var nameRE = regexp.MustCompile(`^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*\.txt$`)

func TestFiles(t *testing.T) {
	files := Files()
	if n := len(files); n < 15 || n > 25 {
		t.Fatalf("got %d files, want 15 to 25", n)
	}
	for i, f := range files {
		if i > 0 && files[i-1].Name >= f.Name {
			t.Errorf("files not sorted: %s before %s", files[i-1].Name, f.Name)
		}
		t.Run(f.Name, func(t *testing.T) { checkStory(t, f) })
	}
}

// checkStory checks the story shape: title, blank, date line, blank, body.
func checkStory(t *testing.T, f File) {
	if !nameRE.MatchString(f.Name) {
		t.Errorf("name %q is not NN-slug.txt", f.Name)
	}
	if !utf8.Valid(f.Data) {
		t.Fatal("not valid UTF-8")
	}
	if bytes.Contains(f.Data, []byte("\r")) || !bytes.HasSuffix(f.Data, []byte("\n")) {
		t.Error("want LF line endings and a final newline")
	}
	lines := strings.SplitN(string(f.Data), "\n", 5)
	if len(lines) < 5 {
		t.Fatalf("only %d lines", len(lines))
	}
	title, blank1, dateLine, blank2, body := lines[0], lines[1], lines[2], lines[3], lines[4]
	if strings.TrimSpace(title) == "" || title != strings.TrimSpace(title) {
		t.Errorf("bad title line %q", title)
	}
	if blank1 != "" || blank2 != "" {
		t.Errorf("want blank lines around the date line, got %q and %q", blank1, blank2)
	}
	d, err := time.Parse(dateLayout, dateLine)
	if err != nil {
		t.Fatalf("date line %q: %v", dateLine, err)
	}
	if d.Format(dateLayout) != dateLine {
		t.Errorf("date line %q: weekday or form wrong, want %q", dateLine, d.Format(dateLayout))
	}
	if d.Year() != 2026 || d.Month() != time.November {
		t.Errorf("date %s not in November 2026", d.Format(time.DateOnly))
	}
	if strings.HasPrefix(body, "\n") || strings.TrimSpace(body) == "" {
		t.Fatalf("body missing or starts with a blank line")
	}
	if n := len(strings.Fields(body)); n < 150 || n > 350 {
		t.Errorf("body has %d words, want 150 to 350", n)
	}
	if strings.Contains(body, "\n\n\n") {
		t.Error("body has more than one blank line in a row")
	}
}

func TestFSMatchesFiles(t *testing.T) {
	fsys := FS()
	for _, f := range Files() {
		b, err := fs.ReadFile(fsys, f.Name)
		if err != nil {
			t.Fatalf("FS: %v", err)
		}
		if !bytes.Equal(b, f.Data) {
			t.Errorf("%s: FS and Files differ", f.Name)
		}
	}
	if _, err := fs.ReadFile(fsys, "news/01-seoul-tokyo-intelligence.txt"); err == nil {
		t.Error("FS should hold the stories at its root, not under news/")
	}
}

func TestFilesReturnsCopies(t *testing.T) {
	a := Files()
	a[0].Data[0] = '#'
	if b := Files(); b[0].Data[0] == '#' {
		t.Error("modifying one Files result changed another")
	}
}
