package server_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/dyadproject/dyad/api"
	"github.com/dyadproject/dyad/internal/server"
)

// loadSpec parses and validates api/openapi.yaml, with its server set to
// base.
func loadSpec(t *testing.T, base string) *openapi3.T {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(api.OpenAPI)
	if err != nil {
		t.Fatalf("load openapi.yaml: %v", err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("openapi.yaml is not valid OpenAPI 3: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: base}}
	return doc
}

// specPath turns a ServeMux pattern into an OpenAPI path.
func specPath(pattern string) string {
	if pattern == "/{$}" {
		return "/"
	}
	return strings.ReplaceAll(pattern, "...}", "}")
}

// TestOpenAPIPathsServed checks that the file and the server list the same
// paths.
func TestOpenAPIPathsServed(t *testing.T) {
	doc := loadSpec(t, "http://127.0.0.1")
	var served []string
	for _, p := range server.New(server.Config{Store: openStore(t)}).Routes() {
		served = append(served, specPath(p))
	}
	documented := doc.Paths.InMatchingOrder()
	sort.Strings(served)
	sort.Strings(documented)
	for _, p := range served {
		if !slices.Contains(documented, p) {
			t.Errorf("served path %s is not in api/openapi.yaml", p)
		}
	}
	for _, p := range documented {
		if !slices.Contains(served, p) {
			t.Errorf("api/openapi.yaml describes %s, which the server does not serve", p)
		}
	}
}

// TestOpenAPIResponses calls every documented operation on a live server
// with the parameters' examples and checks each answer against the
// document: status, content type and body schema. Operations documenting a
// 400 are also called with a malformed parameter.
func TestOpenAPIResponses(t *testing.T) {
	for _, ct := range []string{"text/html", "text/csv", "text/tab-separated-values", "application/jsonl", "application/yaml"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.PlainBodyDecoder)
	}
	srv := newAnalystServer(t)
	doc := loadSpec(t, srv.URL)
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range doc.Paths.InMatchingOrder() {
		op := doc.Paths.Value(path).Get
		if op == nil {
			t.Errorf("%s: no GET operation", path)
			continue
		}
		t.Run(path, func(t *testing.T) {
			u, err := exampleURL(srv.URL, path, op)
			if err != nil {
				t.Fatal(err)
			}
			checkOperation(t, router, u, true)
			if op.Responses.Status(400) != nil {
				bad := u + sep(u) + "from=not-a-date"
				if hasParam(op, "from") {
					checkOperation(t, router, bad, false)
				} else if hasParam(op, "offset") {
					checkOperation(t, router, u+sep(u)+"offset=-1", false)
				}
			}
		})
	}
}

func sep(u string) string {
	if strings.Contains(u, "?") {
		return "&"
	}
	return "?"
}

func hasParam(op *openapi3.Operation, name string) bool {
	for _, p := range op.Parameters {
		if p.Value.Name == name && p.Value.In == "query" {
			return true
		}
	}
	return false
}

// exampleURL fills the path parameters and the required query parameters of
// op with their schemas' examples.
func exampleURL(base, path string, op *openapi3.Operation) (string, error) {
	q := url.Values{}
	for _, ref := range op.Parameters {
		p := ref.Value
		if p.In != "path" && !p.Required {
			continue
		}
		if p.Schema == nil || p.Schema.Value.Example == nil {
			return "", fmt.Errorf("parameter %s of %s has no example", p.Name, path)
		}
		v := fmt.Sprint(p.Schema.Value.Example)
		if p.In == "path" {
			path = strings.Replace(path, "{"+p.Name+"}", url.PathEscape(v), 1)
		} else {
			q.Set(p.Name, v)
		}
	}
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	return base + path, nil
}

// checkOperation GETs u and validates the response against the document;
// with ok it must be a 200 and the request must be valid too.
func checkOperation(t *testing.T, router routers.Router, u string, ok bool) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s: no route in the document: %v", u, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{MultiError: true}}
	if ok {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			t.Errorf("%s: the example request does not match the document: %v", u, err)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if ok && resp.StatusCode != 200 {
		t.Errorf("%s = %d, want 200: %.300s", u, resp.StatusCode, body)
	}
	if !ok && resp.StatusCode != 400 {
		t.Errorf("%s = %d, want 400: %.300s", u, resp.StatusCode, body)
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 resp.StatusCode,
		Header:                 resp.Header,
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Errorf("%s: %d response does not match the document: %v", u, resp.StatusCode, err)
	}
}
