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

// TestDictOptionFlag checks that --dict-option sets PETRARCH's coding
// options for a dictionary's verbs, and that a bad one is a usage error.
func TestDictOptionFlag(t *testing.T) {
	dir := t.TempDir()
	verbs := filepath.Join(dir, "mine.verbs.txt")
	if err := os.WriteFile(verbs, []byte("--- CRITICIZE [111] ---\nCRITICIZE\n\n--- SAY [010] ---\nSAID\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	in := "France criticized Germany, the ministry said on Monday.\n"
	// By default the terminal clause is eliminated and an event needs a
	// target: one event.
	r := dyadRun(t, in, "code", "--dict", verbs, "--format", "csv", "--date", "2016-03-02", "-")
	if r.code != exitOK || strings.Count(r.stdout, "\n") != 2 || !strings.Contains(r.stdout, ",111,") {
		t.Errorf("defaults: exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	// Without both, the ministry's statement is coded, with no target.
	r = dyadRun(t, in, "code", "--dict", verbs, "--dict-option", "require_dyad=false", "--dict-option", "comma_emax=0",
		"--format", "csv", "--date", "2016-03-02", "-")
	if r.code != exitOK || strings.Count(r.stdout, "\n") != 3 || !strings.Contains(r.stdout, ",010,") {
		t.Errorf("options off: exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	for _, bad := range []string{"comma_max", "comma_max=many", "no_such_option=1"} {
		if r := dyadRun(t, in, "code", "--dict-option", bad, "-"); r.code != exitUsage || !strings.Contains(r.stderr, bad) {
			t.Errorf("--dict-option %s: exit %d %s", bad, r.code, r.stderr)
		}
	}
}
