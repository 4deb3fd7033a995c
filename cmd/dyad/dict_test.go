package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDictCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.actors.txt")
	bad := filepath.Join(dir, "bad.agents.txt")
	if err := os.WriteFile(good, []byte("FREEDONIA_ [FRD]\n+FREEDONIAN_\nRUFUS_FIREFLY\n\t[FRDGOV >19330101]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("ENVOY [~GOV]\nFIREBRAND\nTREASURER [~GOV\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := dyadRun(t, "", "dict", "check", good)
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("good file: code %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{"actors    " + good, "actors      2 (3 names)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}

	r = dyadRun(t, "", "dict", "check", good, bad)
	if r.code != exitFailed {
		t.Errorf("bad file: code %d, want %d", r.code, exitFailed)
	}
	for _, want := range []string{
		bad + `:2: agent "FIREBRAND" has no [code]`,
		bad + `:3: unclosed bracket in "[~GOV"`,
		"2 malformed entries skipped",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "agents      1 (2 names and plurals)") {
		t.Errorf("stdout:\n%s", r.stdout)
	}

	for _, args := range [][]string{{"dict"}, {"dict", "check"}, {"dict", "frobnicate"}} {
		if r := dyadRun(t, "", args...); r.code != exitUsage {
			t.Errorf("%q: code %d, want %d", args, r.code, exitUsage)
		}
	}
	if r := dyadRun(t, "", "dict", "check", filepath.Join(dir, "missing.txt")); r.code != exitFailed || !strings.Contains(r.stderr, "missing.txt") {
		t.Errorf("missing file: code %d, stderr %q", r.code, r.stderr)
	}
}
