package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/dyadproject/dyad"
)

// jsonlWriter writes each Result as one compact JSON object on its own line,
// the machine contract that schema/dyad.schema.json describes. HTML escaping
// is off, so "<", ">" and "&" in article text stay as they are.
type jsonlWriter struct {
	buffered
	enc *json.Encoder
}

func newJSONL(w io.Writer) *jsonlWriter {
	j := &jsonlWriter{buffered: newBuffered(w)}
	j.enc = json.NewEncoder(j.w)
	j.enc.SetEscapeHTML(false)
	return j
}

func (j *jsonlWriter) Write(r *dyad.Result) error {
	if err := j.check(r); err != nil {
		return err
	}
	if err := j.enc.Encode(r); err != nil {
		return fmt.Errorf("write jsonl for %s: %w", r.ID, err)
	}
	return nil
}
