// Command genkb derives the country tables of dyad's knowledge base from the
// third-party data in ../shared/data and the hand-written facts in
// internal/kb/countries_extra.tsv.
//
// It writes internal/kb/countries.tsv (one row per country or territory: CAMEO
// and ISO codes, names, adjectives, people nouns, capital with coordinates,
// centroid) and internal/kb/metonyms.tsv (places and buildings that news uses
// for a state: "Kremlin", "Pentagon"). The output is deterministic: the same
// inputs give byte-identical files.
//
// Usage, from the repository root:
//
//	go run ./tools/genkb [-data DIR] [-out DIR] [-extra FILE]
//
// -data defaults to the shared data folder (shareddata.Dir), -out to the
// module's internal/kb and -extra to OUT/countries_extra.tsv.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dyadproject/dyad/internal/shareddata"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "genkb:", err)
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// run parses args, builds the tables and writes them, reporting counts on stdout.
func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("genkb", flag.ContinueOnError)
	fs.SetOutput(stdout)
	data := fs.String("data", "", "shared data folder (default: shareddata.Dir())")
	out := fs.String("out", "", "output folder (default: MODULE/internal/kb)")
	extra := fs.String("extra", "", "hand-written facts (default: OUT/countries_extra.tsv)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q: %w", fs.Args(), flag.ErrHelp)
	}
	if err := shareddata.Defaults(data, out, "internal", "kb"); err != nil {
		return err
	}
	if *extra == "" {
		*extra = filepath.Join(*out, "countries_extra.tsv")
	}

	src, err := readSources(*data)
	if err != nil {
		return err
	}
	facts, err := readExtraFile(*extra)
	if err != nil {
		return err
	}
	tables, err := build(src, facts)
	if err != nil {
		return err
	}
	if err := writeTables(*out, tables); err != nil {
		return err
	}
	tables.stats.print(stdout)
	return nil
}
