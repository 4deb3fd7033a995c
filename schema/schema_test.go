package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
)

// body is the invented article every fixture here describes; offsets are
// byte offsets into it.
const body = `PARIS, May 6 (AFP) -- France's foreign minister met his Indian counterpart in New Delhi on Monday. "We will not bow to pressure," he said.`

func span(s string) (int, int) {
	i := strings.Index(body, s)
	if i < 0 {
		panic("fixture text not in body: " + s)
	}
	return i, i + len(s)
}

func mention(s string, sentence int) dyad.MentionRef {
	start, end := span(s)
	return dyad.MentionRef{Text: s, Start: start, End: end, Sentence: sentence}
}

// fullResult returns a Result with every field set, optional ones included.
func fullResult() dyad.Result {
	fs, fe := span("France's foreign minister")
	is, ie := span("his Indian counterpart")
	ts, te := span("met")
	qs, qe := span("We will not bow to pressure,")
	cs, ce := span("said")
	hs, he := span("he")
	ds, de := span("Monday")
	sentence := "France's foreign minister met his Indian counterpart in New Delhi on Monday."
	return dyad.Result{
		SchemaVersion: dyad.SchemaVersion,
		ID:            "wire-0001",
		Title:         "France and India hold talks",
		URL:           "https://news.example.org/2024/05/06/france-india",
		Source:        "AFP",
		Date:          "2024-05-06",
		Published:     "2024-05-06T09:30:00+02:00",
		Input:         "testdata/wire.jsonl:1",
		Hash:          dyad.ContentHash(body),
		Dateline:      &dyad.Dateline{Span: dyad.Span{Start: 0, End: 22}, Place: "PARIS", Source: "AFP", Date: "2024-05-06"},
		Stats:         dyad.Stats{Bytes: len(body), Sentences: 2, Tokens: 29},
		Actors: []dyad.Actor{
			{ID: "a1", Text: "French foreign minister", Code: "FRAGOV", Country: "FRA", Sector: "GOV", Kind: "agent",
				Role: "foreign minister", Mentions: []dyad.MentionRef{mention("France's foreign minister", 0)}},
			{ID: "a2", Text: "Indian foreign minister", Code: "INDGOV", Country: "IND", Sector: "GOV", Kind: "agent",
				Role: "foreign minister", Mentions: []dyad.MentionRef{mention("his Indian counterpart", 0)}},
			{ID: "a3", Text: "United Nations", Code: "IGOUNO", Country: "", Kind: "organization", Mentions: []dyad.MentionRef{}},
		},
		Events: []dyad.Event{{
			ID:        "e1",
			Source:    dyad.ActorRef{Actor: "a1", Text: "France's foreign minister", Code: "FRAGOV", Start: fs, End: fe},
			Target:    &dyad.ActorRef{Actor: "a2", Text: "his Indian counterpart", Code: "INDGOV", Start: is, End: ie},
			CAMEO:     "042",
			CAMEOName: "Make a visit",
			Root:      "04",
			QuadClass: 1,
			Goldstein: 1.9,
			PLOVER:    dyad.PLOVER{Type: "CONSULT", Mode: "visit", Context: "diplomatic"},
			Date:      "2024-05-06", DateSource: "text",
			Location: &dyad.PlaceRef{Place: "p1", Name: "New Delhi", Country: "IND", Lat: 28.63576, Lon: 77.22445,
				Reason: `"in New Delhi" in the event's sentence`},
			Modality: "asserted",
			Sentence: 0,
			Evidence: dyad.Evidence{Text: sentence, Trigger: dyad.Snippet{Text: "met", Start: ts, End: te},
				Pattern: "verbs.txt:12 MEET WITH"},
		}},
		Quotes: []dyad.Quote{{
			ID: "q1", Kind: "direct", Text: "We will not bow to pressure,", Start: qs, End: qe, Sentence: 1,
			Cue:     &dyad.Snippet{Text: "said", Start: cs, End: ce},
			Speaker: &dyad.Speaker{Text: "he", Start: hs, End: he, Actor: "a1", Code: "FRAGOV", Country: "FRA", Sector: "GOV", Role: "foreign minister"},
		}},
		Places: []dyad.Place{
			{ID: "p1", Name: "New Delhi", Kind: "city", Country: "IND", Admin1: "IN.07", Lat: 28.63576, Lon: 77.22445,
				Mentions: []dyad.MentionRef{mention("New Delhi", 0)}},
			{ID: "p2", Name: "Paris", Kind: "city", Country: "FRA", Admin1: "FR.11", Lat: 48.85341, Lon: 2.3488,
				Mentions: []dyad.MentionRef{mention("PARIS", 0)}},
		},
		Dates: []dyad.DateRef{{Text: "Monday", Start: ds, End: de, Value: "2024-05-06", Granularity: "day", Sentence: 0}},
		Entities: []dyad.EntityRef{{Text: "New Delhi", Type: "LOC", Start: strings.Index(body, "New Delhi"),
			End: strings.Index(body, "New Delhi") + len("New Delhi"), Sentence: 0}},
		Themes: []dyad.Theme{{ID: "t1", Name: "diplomacy", Mentions: []dyad.MentionRef{mention("counterpart", 0)}}},
		Tone:   &dyad.Tone{Tone: -1.5, Positive: 2, Negative: 3.5, Polarity: 5.5, Words: 24},
		Errors: []dyad.StageError{{Stage: "themes", Message: "no theme dictionary for language \"fr\""}},
	}
}

func validator(t testing.TB) *Validator {
	t.Helper()
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestValidate(t *testing.T) {
	v := validator(t)
	empty := dyad.NewDocument(&dyad.Article{ID: "x", Text: "", Hash: dyad.ContentHash("")}).Result()
	dated := dyad.NewDocument(&dyad.Article{ID: "y", Text: body, Hash: dyad.ContentHash(body),
		Date: time.Date(2024, 5, 6, 9, 30, 0, 0, time.FixedZone("CEST", 2*3600)), HasTime: true}).Result()
	sparse := fullResult()
	sparse.Events[0].Target, sparse.Events[0].Location, sparse.Quotes[0].Cue, sparse.Quotes[0].Speaker = nil, nil, nil, nil
	sparse.Dateline, sparse.Tone, sparse.Published = nil, nil, ""
	sparse.Events[0].PLOVER = dyad.PLOVER{}
	sparse.Events[0].Date, sparse.Events[0].DateSource = "", ""
	// A place named in the dateline lies outside every sentence.
	sparse.Places[1].Mentions[0].Sentence = -1
	sparse.Places[1].Kind = "strait"
	sparse.Dates = append(sparse.Dates, dyad.DateRef{Text: "next week", Start: 0, End: 0, Value: "2024-05-13", Granularity: "week", Sentence: 1})
	tests := []struct {
		name string
		r    dyad.Result
	}{
		{"full", fullResult()},
		{"empty document", empty},
		{"dated document", dated},
		{"nulls and empties", sparse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := v.Validate(marshal(t, tt.r)); err != nil {
				t.Error(err)
			}
		})
	}
}

// mutate decodes the full fixture into generic JSON, applies f and encodes it.
func mutate(t *testing.T, f func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(marshal(t, fullResult()), &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	return marshal(t, m)
}

func event(m map[string]any) map[string]any { return m["events"].([]any)[0].(map[string]any) }

func TestValidateRejects(t *testing.T) {
	v := validator(t)
	tests := []struct {
		name string
		f    func(m map[string]any)
	}{
		{"missing id", func(m map[string]any) { delete(m, "id") }},
		{"empty id", func(m map[string]any) { m["id"] = "" }},
		{"missing errors", func(m map[string]any) { delete(m, "errors") }},
		{"extra field", func(m map[string]any) { m["language"] = "en" }},
		{"extra field in event", func(m map[string]any) { event(m)["confidence"] = 0.9 }},
		{"extra field in place", func(m map[string]any) { m["places"].([]any)[0].(map[string]any)["elevation"] = 1 }},
		{"other schema version", func(m map[string]any) { m["schema_version"] = "1.0.0" }},
		{"bad date", func(m map[string]any) { m["date"] = "2024-13-01" }},
		{"date in another layout", func(m map[string]any) { m["date"] = "06/05/2024" }},
		{"published without zone", func(m map[string]any) { m["published"] = "2024-05-06T09:30:00" }},
		{"empty published", func(m map[string]any) { m["published"] = "" }},
		{"hash in capitals", func(m map[string]any) { m["hash"] = strings.ToUpper(m["hash"].(string)) }},
		{"quad class 0", func(m map[string]any) { event(m)["quad_class"] = 0 }},
		{"quad class of a code outside CAMEO", func(m map[string]any) { event(m)["root"], event(m)["quad_class"] = "", 2 }},
		{"quad class 5", func(m map[string]any) { event(m)["quad_class"] = 5 }},
		{"quad class as text", func(m map[string]any) { event(m)["quad_class"] = "1" }},
		{"goldstein out of range", func(m map[string]any) { event(m)["goldstein"] = -11 }},
		{"cameo one digit", func(m map[string]any) { event(m)["cameo"] = "4" }},
		{"root 21", func(m map[string]any) { event(m)["root"] = "21" }},
		{"unknown modality", func(m map[string]any) { event(m)["modality"] = "rumoured" }},
		{"unknown PLOVER type", func(m map[string]any) { event(m)["plover"].(map[string]any)["type"] = "MEET" }},
		{"target left out", func(m map[string]any) { delete(event(m), "target") }},
		{"negative offset", func(m map[string]any) { event(m)["source"].(map[string]any)["start"] = -1 }},
		{"fractional offset", func(m map[string]any) { event(m)["sentence"] = 0.5 }},
		{"unknown actor kind", func(m map[string]any) { m["actors"].([]any)[0].(map[string]any)["kind"] = "alien" }},
		{"two-letter country", func(m map[string]any) { m["actors"].([]any)[0].(map[string]any)["country"] = "FR" }},
		{"unknown quote kind", func(m map[string]any) { m["quotes"].([]any)[0].(map[string]any)["kind"] = "paraphrase" }},
		{"latitude 91", func(m map[string]any) { m["places"].([]any)[0].(map[string]any)["lat"] = 91 }},
		{"unknown granularity", func(m map[string]any) { m["dates"].([]any)[0].(map[string]any)["granularity"] = "fortnight" }},
		{"event outside every sentence", func(m map[string]any) { event(m)["sentence"] = -1 }},
		{"mention sentence -2", func(m map[string]any) {
			m["places"].([]any)[0].(map[string]any)["mentions"].([]any)[0].(map[string]any)["sentence"] = -2
		}},
		{"unknown place kind", func(m map[string]any) { m["places"].([]any)[0].(map[string]any)["kind"] = "village" }},
		{"date value with a day but no month", func(m map[string]any) { m["dates"].([]any)[0].(map[string]any)["value"] = "2024--06" }},
		{"events not a list", func(m map[string]any) { m["events"] = map[string]any{} }},
		{"actors null", func(m map[string]any) { m["actors"] = nil }},
		{"tone as text", func(m map[string]any) { m["tone"] = "negative" }},
		{"dateline without span", func(m map[string]any) { delete(m["dateline"].(map[string]any), "span") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.Validate(mutate(t, tt.f))
			if err == nil {
				t.Fatal("Validate succeeded, want an error")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
		})
	}
}

// TestValidateAccepts checks variants the contract allows: an event a
// user's dictionary coded outside CAMEO, and an event with merged mentions.
func TestValidateAccepts(t *testing.T) {
	v := validator(t)
	for name, f := range map[string]func(m map[string]any){
		"code outside CAMEO": func(m map[string]any) {
			e := event(m)
			e["cameo"], e["cameo_name"], e["root"], e["quad_class"], e["goldstein"] = "903", "", "", 0, 0
			e["plover"] = map[string]any{"type": ""}
		},
		"mentions": func(m map[string]any) {
			e := event(m)
			e["mentions"] = []any{map[string]any{"sentence": 0, "evidence": e["evidence"]}}
		},
	} {
		if err := v.Validate(mutate(t, f)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestValidateNotOneValue(t *testing.T) {
	v := validator(t)
	good := marshal(t, fullResult())
	for name, doc := range map[string][]byte{
		"empty":          nil,
		"not JSON":       []byte("id: x"),
		"two objects":    append(append(bytes.Clone(good), '\n'), good...),
		"trailing comma": append(bytes.Clone(good), ','),
		"array":          []byte("[" + string(good) + "]"),
	} {
		t.Run(name, func(t *testing.T) {
			if err := v.Validate(doc); !errors.Is(err, ErrInvalid) {
				t.Errorf("Validate = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestValidateLines(t *testing.T) {
	v := validator(t)
	good := string(marshal(t, fullResult()))
	bad := strings.Replace(good, `"quad_class":1`, `"quad_class":7`, 1)
	tests := []struct {
		name, input, wantErr string
	}{
		{"none", "", ""},
		{"one", good + "\n", ""},
		{"no final newline", good + "\n" + good, ""},
		{"blank lines and CRLF", good + "\r\n\r\n" + good + "\r\n", ""},
		{"bad third line", good + "\n" + good + "\n" + bad + "\n" + good + "\n", "line 3: "},
		{"not JSON", good + "\n{\n", "line 2: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.ValidateLines(strings.NewReader(tt.input))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("ValidateLines: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) || !errors.Is(err, ErrInvalid)):
				t.Errorf("ValidateLines = %v, want an ErrInvalid starting %q", err, tt.wantErr)
			}
		})
	}
}

// TestREADMEExample checks that the example in README.md is valid.
func TestREADMEExample(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json\n(.*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("README.md has no ```json example")
	}
	if err := validator(t).Validate(m[1]); err != nil {
		t.Errorf("README example: %v", err)
	}
	var r dyad.Result
	dec := json.NewDecoder(bytes.NewReader(m[1]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Errorf("README example does not decode into dyad.Result: %v", err)
	}
}

// TestSchemaCoversGoTypes walks dyad.Result and the types it contains with
// reflect and checks that the schema describes each field under its JSON
// name, requires exactly the fields that are not omitempty, and declares a
// JSON type that matches the Go type; and that the schema has no property Go
// lacks. A field added in Go without the schema fails here.
func TestSchemaCoversGoTypes(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(schemaJSON, &root); err != nil {
		t.Fatal(err)
	}
	w := walker{t: t, root: root, seen: map[reflect.Type]bool{}}
	w.walk(root, reflect.TypeFor[dyad.Result](), "$")
	if !w.seen[reflect.TypeFor[dyad.MentionRef]()] || !w.seen[reflect.TypeFor[dyad.Speaker]()] {
		t.Error("walk did not reach the nested types")
	}
}

type walker struct {
	t    *testing.T
	root map[string]any
	seen map[reflect.Type]bool
}

// resolve follows $ref to a node of $defs.
func (w walker) resolve(node map[string]any, path string) map[string]any {
	for {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		def, _ := w.root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok || def == nil {
			w.t.Errorf("%s: unresolvable $ref %q", path, ref)
			return map[string]any{}
		}
		node = def
	}
}

func (w walker) walk(node map[string]any, typ reflect.Type, path string) {
	node = w.resolve(node, path)
	if typ.Kind() == reflect.Pointer {
		one, _ := node["oneOf"].([]any)
		if len(one) != 2 || !reflect.DeepEqual(one[0], map[string]any{"type": "null"}) {
			w.t.Errorf("%s: a Go pointer must be oneOf [null, object]", path)
			return
		}
		w.walk(one[1].(map[string]any), typ.Elem(), path)
		return
	}
	switch typ.Kind() {
	case reflect.Struct:
		w.walkStruct(node, typ, path)
	case reflect.Slice:
		if node["type"] != "array" {
			w.t.Errorf("%s: Go slice, schema type %v", path, node["type"])
			return
		}
		w.walk(node["items"].(map[string]any), typ.Elem(), path+"[]")
	case reflect.String:
		w.leaf(node, path, "string")
	case reflect.Int, reflect.Int64, reflect.Int32:
		w.leaf(node, path, "integer")
	case reflect.Float64, reflect.Float32:
		w.leaf(node, path, "number")
	case reflect.Bool:
		w.leaf(node, path, "boolean")
	default:
		w.t.Errorf("%s: Go kind %s not handled by this test", path, typ.Kind())
	}
}

func (w walker) walkStruct(node map[string]any, typ reflect.Type, path string) {
	w.seen[typ] = true
	props, _ := node["properties"].(map[string]any)
	if node["type"] != "object" || node["additionalProperties"] != false || props == nil {
		w.t.Errorf("%s (%s): want an object with properties and additionalProperties false", path, typ)
		return
	}
	var required []string
	for _, r := range node["required"].([]any) {
		required = append(required, r.(string))
	}
	goNames := map[string]bool{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() || f.Anonymous {
			w.t.Errorf("%s: field %s is unexported or embedded; extend this test", path, f.Name)
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		goNames[name] = true
		p := path + "." + name
		prop, ok := props[name].(map[string]any)
		if !ok {
			w.t.Errorf("%s: Go field %s.%s is not in the schema", p, typ.Name(), f.Name)
			continue
		}
		omit := slices.Contains(strings.Split(opts, ","), "omitempty")
		if req := slices.Contains(required, name); req == omit {
			w.t.Errorf("%s: required in schema = %v, but omitempty in Go = %v", p, req, omit)
		}
		w.walk(prop, f.Type, p)
	}
	for name := range props {
		if !goNames[name] {
			w.t.Errorf("%s.%s: in the schema but not in Go's %s", path, name, typ)
		}
	}
}

// leaf checks that the schema's type, enum or const agree with the Go type.
func (w walker) leaf(node map[string]any, path, want string) {
	matches := func(v any) bool {
		switch v.(type) {
		case string:
			return want == "string"
		case float64:
			return want == "number" || want == "integer"
		case bool:
			return want == "boolean"
		}
		return false
	}
	switch {
	case node["type"] != nil:
		if node["type"] != want {
			w.t.Errorf("%s: schema type %v, Go needs %s", path, node["type"], want)
		}
	case node["enum"] != nil:
		for _, e := range node["enum"].([]any) {
			if !matches(e) {
				w.t.Errorf("%s: enum value %v is not a %s", path, e, want)
			}
		}
	case node["const"] != nil:
		if !matches(node["const"]) {
			w.t.Errorf("%s: const %v is not a %s", path, node["const"], want)
		}
	default:
		w.t.Errorf("%s: schema gives no type, enum or const", path)
	}
}

// FuzzValidate checks that the schema accepts what Go writes: when a
// document is valid and decodes into dyad.Result, the Result encoded again is
// valid too.
func FuzzValidate(f *testing.F) {
	f.Add(marshal(f, fullResult()))
	f.Add(marshal(f, dyad.NewDocument(&dyad.Article{ID: "x", Hash: dyad.ContentHash("")}).Result()))
	v := validator(f)
	f.Fuzz(func(t *testing.T, doc []byte) {
		if v.Validate(doc) != nil {
			return
		}
		var r dyad.Result
		dec := json.NewDecoder(bytes.NewReader(doc))
		dec.DisallowUnknownFields()
		if dec.Decode(&r) != nil {
			return // e.g. 1.0 for an integer: valid JSON Schema, not a Go int
		}
		again := marshal(t, r)
		if err := v.Validate(again); err != nil {
			t.Fatalf("valid document re-encoded by Go is invalid: %v\n%s\n%s", err, doc, again)
		}
	})
}

func BenchmarkValidate(b *testing.B) {
	v := validator(b)
	doc := marshal(b, fullResult())
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if err := v.Validate(doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
