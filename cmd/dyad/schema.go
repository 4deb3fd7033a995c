package main

import (
	"context"
	"fmt"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/schema"
)

// version is dyad's release; set with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func runSchema(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("schema", "", "Print the JSON Schema (draft 2020-12) that every object of `dyad code --format jsonl` satisfies.", io)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	_, err := io.out.Write(schema.JSON())
	return err
}

func runVersion(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("version", "", "Print dyad's version and the version of its output schema.", io)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	_, err := fmt.Fprintf(io.out, "dyad %s (output schema %s)\n", version, dyad.SchemaVersion)
	return err
}
