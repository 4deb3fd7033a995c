// Package feed polls RSS and Atom feeds, fetches the page of each new item,
// reads the article from it and hands it to a publisher (in dyad, the NATS
// work queue).
//
// # Politeness
//
// Requests to one host go one at a time, whichever feed they serve, and
// each starts at least Config.HostDelay after the previous one ended, so
// that a hundred feeds on one site do not hammer it. A feed is polled again after
// Config.Interval, with a conditional GET (If-None-Match with the ETag,
// If-Modified-Since with the Last-Modified of the previous answer): an
// unchanged feed costs one 304. A feed that fails (a network error, a 5xx,
// a 429, a body that is not a feed) backs off exponentially, from Interval
// doubled at each failure up to Config.MaxBackoff; a Retry-After header on a
// 429 or 503 is honoured and also holds back the whole host.
//
// # Deduplication
//
// An item is skipped when its link was already published, and an article
// when its content hash was: two feeds carrying one story, or one story
// under two links, are published once. Both sets are kept in memory, bounded
// by Config.Remember (the oldest entries are forgotten first); across
// restarts the work-queue stream drops a hash it has seen within its
// duplicate window, and the store skips a hash it holds, so a restart costs
// requests but never a duplicate. An item whose page cannot be fetched or
// read is not remembered, and is tried again at the next poll.
//
// # Extraction
//
// A page is read by the article package as a JSON record whose html field
// holds the page: the item's own title, link, GUID, date and the feed's
// title take precedence, and the page's extracted text and metadata fill
// the rest, with the same extraction (readability, trafilatura) as
// `dyad code page.html`.
package feed
