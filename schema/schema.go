package schema

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed dyad.schema.json
var schemaJSON []byte

// URL is the schema's $id.
const URL = "https://github.com/dyadproject/dyad/schema/dyad.schema.json"

// ErrInvalid reports a document that does not match the schema. Errors that
// wrap it also wrap the validator's *jsonschema.ValidationError, which names
// every failing keyword and the place in the document.
var ErrInvalid = errors.New("schema: document does not match dyad.schema.json")

// MaxLine is the longest line ValidateLines reads: 64 MiB.
const MaxLine = 64 << 20

// JSON returns a copy of the schema document.
func JSON() []byte { return bytes.Clone(schemaJSON) }

// Validator checks documents against dyad.schema.json. It is safe for
// concurrent use.
type Validator struct {
	schema *jsonschema.Schema
}

// New compiles the embedded schema.
func New() (*Validator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("parse dyad.schema.json: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(URL, doc); err != nil {
		return nil, fmt.Errorf("add dyad.schema.json: %w", err)
	}
	s, err := c.Compile(URL)
	if err != nil {
		return nil, fmt.Errorf("compile dyad.schema.json: %w", err)
	}
	return &Validator{schema: s}, nil
}

// Validate checks that doc is one JSON value, a Result that matches the
// schema. A mismatch wraps ErrInvalid.
func (v *Validator) Validate(doc []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("%w: not JSON: %w", ErrInvalid, err)
	}
	if err := v.schema.Validate(inst); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return nil
}

// ValidateLines checks JSON lines, one Result per line as `dyad code --format
// jsonl` writes them, and stops at the first line that fails, naming it
// ("line 3: ..."). Empty lines are skipped.
func (v *Validator) ValidateLines(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLine)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if err := v.Validate(line); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read lines: %w", err)
	}
	return nil
}
