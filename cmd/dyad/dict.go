package main

import (
	"context"
	"fmt"

	"github.com/dyadproject/dyad/internal/dict"
)

// runDict dispatches the dict subcommands; only "check" exists so far.
func runDict(ctx context.Context, args []string, io stdio) error {
	if len(args) == 0 {
		return usagef("missing subcommand: dyad dict check PATH...")
	}
	switch args[0] {
	case "check":
		return runDictCheck(ctx, args[1:], io)
	case "-h", "--help", "-help", "help":
		fmt.Fprint(io.err, "Usage: dyad dict check PATH...\n\nLoad CAMEO/PETRARCH/TABARI dictionaries (actors, agents, discards, issues,\nverbs) and report every malformed entry.\n")
		return nil
	}
	return usagef("unknown subcommand %q: dyad dict check PATH...", args[0])
}

// runDictCheck loads the dictionaries, prints their counts on stdout and each
// skipped entry as file:line: reason on stderr, and fails when there was one.
func runDictCheck(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("dict check", "PATH...", `Load CAMEO/PETRARCH/TABARI dictionary files, or folders of *.txt files, and
report their kinds, their entry counts and every malformed entry as
file:line: reason. The exit status is 1 when an entry was skipped.`, io)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("no dictionary files or folders given")
	}
	set, errs, err := dict.Load(fs.Args()...)
	if err != nil {
		return err
	}
	for _, f := range set.Files {
		fmt.Fprintf(io.out, "%-9s %s\n", f.Kind, f.Path)
	}
	fmt.Fprint(io.out, set.Stats())
	for _, e := range errs {
		fmt.Fprintln(io.err, e)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %d malformed entries skipped", errPartial, len(errs))
	}
	return nil
}
