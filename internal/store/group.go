package store

import (
	"net/url"
	"strings"

	"github.com/dyadproject/dyad"
)

// Outlet names the source of an article for a cross-article event's
// NumSources: its Source, else its URL's host, else "unknown".
func Outlet(r *dyad.Result) string {
	if s := strings.TrimSpace(r.Source); s != "" {
		return s
	}
	if u, err := url.Parse(r.URL); err == nil && u.Host != "" {
		return strings.ToLower(u.Host)
	}
	return "unknown"
}

// ActorCountry returns the country of the actor ref points to, else its
// code; "" for no actor. Cross-article events and relations between
// countries are grouped by it.
func ActorCountry(r *dyad.Result, ref *dyad.ActorRef) string {
	if ref == nil {
		return ""
	}
	for _, a := range r.Actors {
		if a.ID == ref.Actor && a.Country != "" {
			return a.Country
		}
	}
	return ref.Code
}
