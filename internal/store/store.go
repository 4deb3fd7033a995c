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
	Analyst
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

// EventRow is an event mention: the event as one article coded it, the ID
// of that article and the ID of the cross-article event it belongs to.
type EventRow struct {
	Article    string `json:"article"`
	CrossEvent int64  `json:"cross_event"`
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
// Places distinct place names within a country, Events the events coded in
// each article and CrossEvents the distinct events across articles; the
// others count items.
type Counts struct {
	Articles    int `json:"articles"`
	Events      int `json:"events"`
	CrossEvents int `json:"cross_events"`
	Actors      int `json:"actors"`
	Quotes      int `json:"quotes"`
	Places      int `json:"places"`
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
	// QuadClass keeps the events of one quad class (1 to 4); 0 keeps all.
	QuadClass int
	// Article keeps the events coded from the article with this ID (exact).
	// CrossEvents ignores it.
	Article string
	Limit   int
	Offset  int
}

// Normalize checks q and returns it with the effective limit and upper-case
// actor code prefixes.
func (q EventQuery) Normalize() (EventQuery, error) {
	var err error
	if q.Limit, err = pageLimit(q.Limit, q.Offset); err != nil {
		return q, err
	}
	if err := checkSearch("article", q.Article); err != nil {
		return q, err
	}
	for _, c := range []struct{ name, value string }{{"source", q.Source}, {"target", q.Target}, {"code", q.Code}} {
		if err := checkCode(c.name, c.value); err != nil {
			return q, err
		}
	}
	q.Source, q.Target = strings.ToUpper(q.Source), strings.ToUpper(q.Target)
	if q.QuadClass < 0 || q.QuadClass > 4 {
		return q, fmt.Errorf("%w: quad class %d is not 0 to 4", ErrBadQuery, q.QuadClass)
	}
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

// Analyst answers the questions of an analyst over the stored events:
// cross-article events, relations between actor pairs over time and an
// actor's partners. Every [Store] is one; the methods are plain SQL
// aggregations so that every implementation can answer them the same way.
type Analyst interface {
	// CrossEvents lists the events that one or more articles reported,
	// deduplicated by date, source, target, CAMEO code and place.
	CrossEvents(ctx context.Context, q EventQuery) (Page[CrossEvent], error)
	// CrossEvent returns the cross-article event with the given ID and the
	// mentions that report it, or ErrNotFound.
	CrossEvent(ctx context.Context, id int64) (CrossEventDetail, error)
	// Relations aggregates the cross-article events per actor pair and
	// period.
	Relations(ctx context.Context, q RelationQuery) (Page[RelationRow], error)
	// Partners ranks an actor's partners by cooperation or by conflict.
	Partners(ctx context.Context, q PartnerQuery) (Page[PartnerRow], error)
}

// CrossEvent is one event as GDELT counts it: every mention of the same
// date, source code, target code, CAMEO code and place, in any stored
// article, is the same event. The fields that are not part of that key
// (quad class, Goldstein score, root, countries) are those of its first
// mention, which the key determines in practice.
type CrossEvent struct {
	// ID is positive, unique in the store and never reused.
	ID     int64  `json:"id"`
	Date   string `json:"date"`
	Source string `json:"source"`
	// Target is "" for an event without a target.
	Target string `json:"target"`
	// SourceCountry and TargetCountry are the ISO 3166-1 alpha-3 countries of
	// the actors, or their codes when they have none (IGOs, groups): the
	// nodes of the country network.
	SourceCountry string  `json:"source_country"`
	TargetCountry string  `json:"target_country"`
	CAMEO         string  `json:"cameo"`
	Root          string  `json:"root"`
	QuadClass     int     `json:"quad_class"`
	Goldstein     float64 `json:"goldstein"`
	// Place and PlaceCountry name the event's location, "" when it has none.
	Place        string `json:"place"`
	PlaceCountry string `json:"place_country"`
	// NumMentions counts the event's mentions in all articles, NumArticles
	// the articles and NumSources the distinct outlets that reported it (an
	// article's Source, else its URL's host, else "unknown").
	NumMentions int `json:"num_mentions"`
	NumSources  int `json:"num_sources"`
	NumArticles int `json:"num_articles"`
	// Tone is the mean tone of the reporting articles that have one, 0 when
	// none has.
	Tone float64 `json:"tone"`
	// FirstArticle is the ID of the first article stored that reported it.
	FirstArticle string `json:"first_article"`
}

// CrossEventDetail is a cross-article event with its mentions, each with its
// full provenance (article, sentence, trigger, pattern).
type CrossEventDetail struct {
	CrossEvent
	Mentions []EventRow `json:"mentions"`
}

// Periods that RelationQuery.Period accepts.
const (
	PeriodAll   = ""      // one row per pair over the whole window
	PeriodDay   = "day"   // period "2026-11-24"
	PeriodWeek  = "week"  // period is the Monday that starts the ISO week
	PeriodMonth = "month" // period is the month's first day, "2026-11-01"
)

// Levels that RelationQuery.Level and PartnerQuery.Level accept.
const (
	// LevelCountry groups actors by CrossEvent.SourceCountry/TargetCountry.
	LevelCountry = "country"
	// LevelCode groups actors by their full CAMEO actor codes.
	LevelCode = "code"
)

// RelationQuery selects actor pairs and periods. Empty fields do not filter.
type RelationQuery struct {
	// Level is LevelCountry (the default) or LevelCode.
	Level string
	// Period is one of the Period constants.
	Period string
	// Source and Target are prefixes of the level's keys, upper-cased by
	// Normalize.
	Source, Target string
	// From and To are inclusive YYYY-MM-DD bounds on the event date.
	From, To string
	Limit    int
	Offset   int
}

// Normalize checks q and returns it with defaults filled in.
func (q RelationQuery) Normalize() (RelationQuery, error) {
	var err error
	if q.Limit, err = pageLimit(q.Limit, q.Offset); err != nil {
		return q, err
	}
	if q.Level, err = checkLevel(q.Level); err != nil {
		return q, err
	}
	switch q.Period {
	case PeriodAll, PeriodDay, PeriodWeek, PeriodMonth:
	default:
		return q, fmt.Errorf("%w: period %q is not day, week or month", ErrBadQuery, q.Period)
	}
	for _, c := range []struct{ name, value string }{{"source", q.Source}, {"target", q.Target}} {
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

// RelationRow aggregates the cross-article events from Source to Target in
// one period. Only events with a target count. Rows are ordered by period,
// then events (most first), source and target.
type RelationRow struct {
	// Period is the first day of the period, "" for PeriodAll.
	Period string `json:"period"`
	Source string `json:"source"`
	Target string `json:"target"`
	Events int    `json:"events"`
	// Mentions sums the events' NumMentions.
	Mentions int `json:"mentions"`
	// VerbalCooperation, MaterialCooperation, VerbalConflict and
	// MaterialConflict count the events of quad classes 1 to 4.
	VerbalCooperation   int `json:"verbal_cooperation"`
	MaterialCooperation int `json:"material_cooperation"`
	VerbalConflict      int `json:"verbal_conflict"`
	MaterialConflict    int `json:"material_conflict"`
	// Goldstein and Tone are the events' mean Goldstein score and tone.
	Goldstein float64 `json:"goldstein"`
	Tone      float64 `json:"tone"`
}

// Rankings that PartnerQuery.Rank accepts.
const (
	RankCooperation = "cooperation"
	RankConflict    = "conflict"
)

// PartnerQuery selects the partners of one actor.
type PartnerQuery struct {
	// Actor is the level's key of the actor (exact, upper-cased by
	// Normalize). Required.
	Actor string
	// Level is LevelCountry (the default) or LevelCode.
	Level string
	// Rank is RankCooperation (the default) or RankConflict.
	Rank     string
	From, To string
	Limit    int
	Offset   int
}

// Normalize checks q and returns it with defaults filled in.
func (q PartnerQuery) Normalize() (PartnerQuery, error) {
	var err error
	if q.Limit, err = pageLimit(q.Limit, q.Offset); err != nil {
		return q, err
	}
	if q.Level, err = checkLevel(q.Level); err != nil {
		return q, err
	}
	switch q.Rank {
	case "":
		q.Rank = RankCooperation
	case RankCooperation, RankConflict:
	default:
		return q, fmt.Errorf("%w: rank %q is not cooperation or conflict", ErrBadQuery, q.Rank)
	}
	if q.Actor == "" {
		return q, fmt.Errorf("%w: actor is required", ErrBadQuery)
	}
	if err := checkCode("actor", q.Actor); err != nil {
		return q, err
	}
	q.Actor = strings.ToUpper(q.Actor)
	if err := checkDate("from", q.From); err != nil {
		return q, err
	}
	return q, checkDate("to", q.To)
}

// PartnerRow is one partner of an actor: the events between them in either
// direction. Only partners with at least one event of the ranked kind are
// listed, ordered by the ranked count (Cooperation or Conflict, most first),
// then the other count (fewest first), then partner.
type PartnerRow struct {
	Partner string `json:"partner"`
	Events  int    `json:"events"`
	// Cooperation counts events of quad classes 1 and 2, Conflict 3 and 4.
	Cooperation int     `json:"cooperation"`
	Conflict    int     `json:"conflict"`
	Goldstein   float64 `json:"goldstein"`
}

func checkLevel(level string) (string, error) {
	switch level {
	case "":
		return LevelCountry, nil
	case LevelCountry, LevelCode:
		return level, nil
	}
	return level, fmt.Errorf("%w: level %q is not country or code", ErrBadQuery, level)
}
