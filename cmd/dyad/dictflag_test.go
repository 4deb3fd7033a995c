package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDictFlag checks that a user's dictionary codes actors, and that its
// malformed entries are named and skipped with exit status 1.
func TestDictFlag(t *testing.T) {
	dir := t.TempDir()
	actors := filepath.Join(dir, "mine.actors.txt")
	if err := os.WriteFile(actors, []byte("ZORAN_VESELIC\n\t[SRBGOV 20150101-20181231]\nBROKEN_ENTRY [SRBGOV 2015-\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := dyadRun(t, "Zoran Veselic criticized France on Monday.\n", "code", "--dict", actors, "--date", "2016-03-02", "-")
	if r.code != exitFailed {
		t.Errorf("exit %d, want %d", r.code, exitFailed)
	}
	if !strings.Contains(r.stderr, actors+":3: ") || !strings.Contains(r.stderr, "1 dictionary entries skipped") {
		t.Errorf("stderr %q does not name the bad entry", r.stderr)
	}
	if !strings.Contains(r.stdout, `"name":"Zoran Veselic","code":"SRBGOV"`) {
		t.Errorf("stdout lacks the dictionary's actor: %s", trim(r.stdout))
	}
	// Without a bad entry: exit 0; a folder works as a path.
	if err := os.WriteFile(actors, []byte("ZORAN_VESELIC\n\t[SRBGOV 20150101-20181231]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = dyadRun(t, "Zoran Veselic criticized France on Monday.\n", "code", "--dict", dir, "--date", "2016-03-02", "-")
	if r.code != exitOK || !strings.Contains(r.stdout, `"code":"SRBGOV"`) {
		t.Errorf("exit %d: %s %s", r.code, trim(r.stdout), r.stderr)
	}
	if r := dyadRun(t, "x\n", "code", "--dict", filepath.Join(dir, "missing"), "-"); r.code != exitFailed ||
		!strings.Contains(r.stderr, "missing") {
		t.Errorf("missing dictionary: exit %d %s", r.code, r.stderr)
	}
}
