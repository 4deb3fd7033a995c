// Package schema holds dyad.schema.json, the JSON Schema (draft 2020-12) of
// the object `dyad code --format jsonl` writes for each article, and checks
// documents against it.
//
// The schema describes [github.com/dyadproject/dyad.Result] exactly as it
// serializes: every field, which ones are always present, their types, the
// closed sets of values (actor, place and quote kinds, modality, date
// granularity, PLOVER types), date and code patterns, quad classes 1 to 4 and
// the constant schema_version. Every object forbids properties it does not
// name, so a field added to Go but not to the schema, or renamed on one side
// only, fails validation; the package's tests also walk the Go types with
// reflect and fail when a field is missing from the schema.
//
// README.md in this folder describes each field in prose, with an example,
// and states the versioning policy.
//
// Use:
//
//	v, err := schema.New()
//	...
//	err = v.Validate(line)          // one object
//	err = v.ValidateLines(os.Stdin) // JSON lines, naming the failing line
package schema
