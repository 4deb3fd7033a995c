package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
)

// Sentinel errors that callers branch on.
var (
	// ErrNotFound reports that no article has the requested ID.
	ErrNotFound = errors.New("store: not found")
	// ErrBadQuery reports a query parameter out of range or malformed; the
	// wrapping error says which.
	ErrBadQuery = errors.New("store: bad query")
)

// Paging limits shared by every list.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
	// MaxSearchLen is the longest accepted free-text search string, in bytes.
	MaxSearchLen = 1000
	// MaxCodeLen is the longest accepted code prefix filter, in bytes.
	MaxCodeLen = 64
)

// Store keeps analyzed articles and answers the queries of the API. Methods
// are safe for concurrent use. See the package documentation for the
// contract every implementation keeps.
type Store interface {
	// Put stores a batch in one transaction and reports how many records
	// were added and how many skipped as already stored.
	Put(ctx context.Context, batch []Record) (PutStats, error)
	// Article returns the stored record with the given ID, or ErrNotFound.
	Article(ctx context.Context, id string) (Record, error)
	// Articles lists articles, optionally those matching a full-text search.
	Articles(ctx context.Context, q ArticleQuery) (Page[ArticleRow], error)
	// Events lists events matching the query's filters.
	Events(ctx context.Context, q EventQuery) (Page[EventRow], error)
	// Actors lists actors aggregated by code over all articles.
	Actors(ctx context.Context, q ActorQuery) (Page[ActorRow], error)
	// Quotes lists quotations, optionally filtered by text and speaker.
	Quotes(ctx context.Context, q QuoteQuery) (Page[QuoteRow], error)
	// Counts reports how much the store holds.
	Counts(ctx context.Context) (Counts, error)
	// Close releases the store's resources.
	Close() error
}

// Record is one analyzed article as stored: the machine-readable Result and
// the article body, which the Result does not carry.
type Record struct {
	Result dyad.Result
	// Text is the article body, used for full-text search and shown on the
	// article page.
	Text string
}

// PutStats reports what Put did with a batch.
type PutStats struct {
	// Added counts the records stored, Renamed included.
	Added int
	// Skipped counts the records whose content hash was already stored.
	Skipped int
	// Renamed counts the added records stored under a derived ID because
	// their own ID was taken by different content.
	Renamed int
}

// Page is one page of a list and the number of items in the whole list.
type Page[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

// ArticleRow is an article as lists show it.
type ArticleRow struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Source string `json:"source"`
	Date   string `json:"date"`
	Events int    `json:"events"`
	Quotes int    `json:"quotes"`
	Actors int    `json:"actors"`
}

// EventRow is an event and the ID of the article it was coded from.
type EventRow struct {
	Article string `json:"article"`
	dyad.Event
}

// QuoteRow is a quotation and the ID of the article it was found in.
type QuoteRow struct {
	Article string `json:"article"`
	dyad.Quote
}

// ActorRow is an actor code aggregated over all articles. Name, Country,
// Sector and Kind are those of the code's most mentioned actor (ties broken
// by name); actors without a code are not listed.
type ActorRow struct {
	Code           string `json:"code"`
	Name           string `json:"name"`
	Country        string `json:"country"`
	Sector         string `json:"sector"`
	Kind           string `json:"kind"`
	Articles       int    `json:"articles"`
	Mentions       int    `json:"mentions"`
	EventsAsSource int    `json:"events_as_source"`
	EventsAsTarget int    `json:"events_as_target"`
}

// Counts reports how much a store holds. Actors counts distinct actor codes,
// Places distinct place names within a country; the others count items.
type Counts struct {
	Articles int `json:"articles"`
	Events   int `json:"events"`
	Actors   int `json:"actors"`
	Quotes   int `json:"quotes"`
	Places   int `json:"places"`
}

// ArticleQuery selects articles.
type ArticleQuery struct {
	// Q searches the title and body for all of its words.
	Q      string
	Limit  int
	Offset int
}

// Normalize checks q and returns it with the effective limit.
func (q ArticleQuery) Normalize() (ArticleQuery, error) {
	var err error
	if q.Limit, err = pageLimit(q.Limit, q.Offset); err != nil {
		return q, err
	}
	return q, checkSearch("q", q.Q)
}

// EventQuery selects events. Empty fields do not filter.
type EventQuery struct {
	// Source and Target are actor code prefixes: "FRA" matches FRA and
	// FRAGOV. Codes are upper case; Normalize upper-cases the prefixes.
	Source, Target string
	// Code is a CAMEO code prefix: "04" matches 040 to 046.
	Code string
	// From and To are inclusive YYYY-MM-DD bounds on the event date; events
	// without a date do not match either.
	From, To string
	Limit    int
	Offset   int
}

// Normalize checks q and returns it with the effective limit and upper-case
// actor code prefixes.
func (q EventQuery) Normalize() (EventQuery, error) {
	var err error
	if q.Limit, err = pageLimit(q.Limit, q.Offset); err != nil {
		return q, err
	}
	for _, c := range []struct{ name, value string }{{"source", q.Source}, {"target", q.Target}, {"code", q.Code}} {
		if err := checkCode(c.name, c.value); err != nil {
			return q, err
		}
	}
	q.Source, q.Target = strings.ToUpper(q.Source), strings.ToUpper(q.Target)
	if err := checkDate("from", q.From); err != nil {
		return q, err
	}
	return q, checkDate("to", q.To)
}

// ActorQuery selects actors.
type ActorQuery struct {
	// Q matches actors whose code starts with Q (case-insensitively) or one
	// of whose names contains it (case-insensitively).
	Q      string
	Limit  int
	Offset int
}

// Normalize checks q and returns it with the effective limit.
func (q ActorQuery) Normalize() (ActorQuery, error) {
	var err error
	if q.Limit, err = pageLimit(q.Limit, q.Offset); err != nil {
		return q, err
	}
	return q, checkSearch("q", q.Q)
}

// QuoteQuery selects quotations.
type QuoteQuery struct {
	// Q searches the quote text and the words naming the speaker for all of
	// its words.
	Q string
	// Speaker is a prefix of the speaker's actor code ("FRAGOV"), upper-cased
	// by Normalize.
	Speaker string
	Limit   int
	Offset  int
}

// Normalize checks q and returns it with the effective limit and an
// upper-case speaker code prefix.
func (q QuoteQuery) Normalize() (QuoteQuery, error) {
	var err error
	if q.Limit, err = pageLimit(q.Limit, q.Offset); err != nil {
		return q, err
	}
	if err := checkCode("speaker", q.Speaker); err != nil {
		return q, err
	}
	q.Speaker = strings.ToUpper(q.Speaker)
	return q, checkSearch("q", q.Q)
}

// pageLimit returns the effective limit for limit and checks offset.
func pageLimit(limit, offset int) (int, error) {
	switch {
	case limit < 0:
		return 0, fmt.Errorf("%w: negative limit %d", ErrBadQuery, limit)
	case offset < 0:
		return 0, fmt.Errorf("%w: negative offset %d", ErrBadQuery, offset)
	case limit == 0:
		return DefaultLimit, nil
	case limit > MaxLimit:
		return MaxLimit, nil
	}
	return limit, nil
}

func checkSearch(name, s string) error {
	if len(s) > MaxSearchLen {
		return fmt.Errorf("%w: %s longer than %d bytes", ErrBadQuery, name, MaxSearchLen)
	}
	return nil
}

func checkCode(name, s string) error {
	if len(s) > MaxCodeLen {
		return fmt.Errorf("%w: %s longer than %d bytes", ErrBadQuery, name, MaxCodeLen)
	}
	return nil
}

func checkDate(name, s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(dyad.DateLayout, s); err != nil {
		return fmt.Errorf("%w: %s %q is not a YYYY-MM-DD date", ErrBadQuery, name, s)
	}
	return nil
}
