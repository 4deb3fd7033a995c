// Command dyad turns news into political event data: who did what to whom,
// when and where, and who said what.
//
// Run `dyad help` for the commands and `dyad CMD --help` for their flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr})
	stop()
	os.Exit(code)
}

// stdio holds a command's standard streams, so tests can run commands in
// process.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, io stdio) error
}

func commands() []command {
	return []command{
		{"code", "analyze articles and print actors, events, quotes and places", runCode},
		{"ingest", "analyze articles and store them in a database", runIngest},
		{"serve", "serve the JSON API and web page over a database", runServe},
		{"worker", "analyze and store articles from the NATS JetStream work queue", runWorker},
		{"feed", "poll RSS/Atom feeds and put their articles on the NATS work queue", runFeed},
		{"demo", "analyze the embedded sample news, store it and serve it", runDemo},
		{"bench", "measure the pipeline's throughput and memory on a corpus", runBench},
		{"eval", "score dyad against gold data (eval sample | actors | parse --gold FILE.conllu | ner --gold FILE.iob2 | events --gold FILE)", runEval},
		{"parse", "tag, lemmatize and parse text or CoNLL-U into UD trees", runParse},
		{"train", "rebuild the language models from Universal Dependencies EWT", runTrain},
		{"dict", "check CAMEO/PETRARCH dictionary files (dict check PATH...)", runDict},
		{"schema", "print the JSON Schema of `dyad code --format jsonl` output", runSchema},
		{"version", "print dyad's version and output schema version", runVersion},
	}
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1 // some inputs failed, or the command failed
	exitUsage   = 2
	exitAborted = 130
)

// errUsage marks a usage error; errPartial marks a run in which some inputs
// failed while the others were processed.
var (
	errUsage   = errors.New("usage error")
	errPartial = errors.New("some inputs failed")
)

func usagef(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, io stdio) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			return run(ctx, []string{args[1], "--help"}, io)
		}
		printHelp(io.out)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], io)
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.Is(err, errUsage):
			fmt.Fprintf(io.err, "dyad %s: %v\nRun 'dyad %s --help' for usage.\n", c.name, err, c.name)
			return exitUsage
		case errors.Is(err, errPartial):
			fmt.Fprintf(io.err, "dyad %s: %v\n", c.name, err)
			return exitFailed
		case errors.Is(err, context.Canceled):
			fmt.Fprintf(io.err, "dyad %s: interrupted\n", c.name)
			return exitAborted
		default:
			fmt.Fprintf(io.err, "dyad %s: %v\n", c.name, err)
			return exitFailed
		}
	}
	fmt.Fprintf(io.err, "dyad: unknown command %q\nRun 'dyad help' for the list of commands.\n", args[0])
	return exitUsage
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, `dyad turns news into political event data: who did what to whom, when and
where, and who said what. Everything it needs (language rules, dictionaries,
gazetteer, sample news) is inside this binary.

Usage:
  dyad COMMAND [flags] [PATH...]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
PATH is a file, a folder (read recursively) or - for standard input. Formats
are recognized by content: plain text, HTML, CSV, JSON Lines, JSON, RSS/Atom.

Examples:
  dyad code --sample --format table       analyze the embedded sample news
  dyad code --date 2026-05-06 story.txt   analyze one story published that day
  dyad ingest news/ && dyad serve         store a corpus and browse it
  dyad demo                               all of it on the sample, in one command

Run 'dyad COMMAND --help' for a command's flags.
`)
}

// newFlags returns a flag set that prints the command's usage to io.err.
func newFlags(name, usage, description string, io stdio) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.err)
	fs.Usage = func() {
		fmt.Fprintf(io.err, "Usage: dyad %s %s\n\n%s\n\nFlags:\n", name, usage, strings.TrimSpace(description))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
