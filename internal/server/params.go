package server

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/dyadproject/dyad"
)

// params reads a request's query parameters. The first problem is kept in
// err and later reads return zero values, so a handler reads all its
// parameters and checks err once.
type params struct {
	v   url.Values
	err *httpError
}

// parseParams parses the raw query strictly: a malformed escape or a ';'
// separator is an error rather than a parameter silently dropped.
func parseParams(r *http.Request) *params {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return &params{err: errorf(http.StatusBadRequest, "malformed query string: %v", err)}
	}
	return &params{v: v}
}

// str returns the value of name, "" when absent.
func (p *params) str(name string) string {
	if p.err != nil {
		return ""
	}
	vs := p.v[name]
	switch len(vs) {
	case 0:
		return ""
	case 1:
		return vs[0]
	}
	p.err = errorf(http.StatusBadRequest, "parameter %s given %d times", name, len(vs))
	return ""
}

// count returns name as a non-negative integer, 0 when absent.
func (p *params) count(name string) int {
	s := p.str(name)
	if s == "" || p.err != nil {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		p.err = errorf(http.StatusBadRequest, "parameter %s=%q is not a non-negative integer", name, s)
		return 0
	}
	return n
}

// date returns name, which must be a YYYY-MM-DD calendar date, "" when
// absent.
func (p *params) date(name string) string {
	s := p.str(name)
	if s == "" || p.err != nil {
		return ""
	}
	if _, err := time.Parse(dyad.DateLayout, s); err != nil {
		p.err = errorf(http.StatusBadRequest, "parameter %s=%q is not a YYYY-MM-DD date", name, s)
		return ""
	}
	return s
}
