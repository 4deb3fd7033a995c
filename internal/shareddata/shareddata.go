// Package shareddata locates the third-party training and evaluation data that
// lives beside the project (../shared/data from the repository root) and that
// is never committed. Tests and tools use it; the dyad binary never does.
package shareddata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// EnvVar overrides the location of the data folder.
const EnvVar = "DYAD_SHARED_DATA"

// ErrNotFound reports that the shared data folder could not be found.
var ErrNotFound = errors.New("shareddata: ../shared/data not found (set " + EnvVar + ")")

// Dir returns the shared data folder: $DYAD_SHARED_DATA, or ../shared/data
// beside the repository root found by walking up from the working directory to
// the folder that holds go.mod.
func Dir() (string, error) {
	if d := os.Getenv(EnvVar); d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d, nil
		}
		return "", ErrNotFound
	}
	root, err := ModuleRoot()
	if err != nil {
		return "", ErrNotFound
	}
	d := filepath.Join(root, "..", "shared", "data")
	if fi, err := os.Stat(d); err == nil && fi.IsDir() {
		return filepath.Clean(d), nil
	}
	return "", ErrNotFound
}

// ModuleRoot walks up from the working directory to the folder holding
// go.mod: the repository root, where the generators write their tables.
func ModuleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find module root: %w", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("find module root: no go.mod above %s", wd)
		}
	}
}

// Defaults fills in the folders a generator was not given: an empty *data
// with Dir(), and, when out is not nil, an empty *out with the module's
// folder outRel ("internal", "kb"), where the generator writes its tables.
func Defaults(data, out *string, outRel ...string) error {
	if *data == "" {
		d, err := Dir()
		if err != nil {
			return err
		}
		*data = d
	}
	if out != nil && *out == "" {
		root, err := ModuleRoot()
		if err != nil {
			return err
		}
		*out = filepath.Join(append([]string{root}, outRel...)...)
	}
	return nil
}

// Path returns the path of elem inside the shared data folder, or skips the
// test with a message when the folder or the file is absent.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	d, err := Dir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	p := filepath.Join(append([]string{d}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: shared data %s absent: %v", filepath.Join(elem...), err)
	}
	return p
}
