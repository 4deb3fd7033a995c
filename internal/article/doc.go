// Package article reads news articles from files, folders, standard input and
// memory, in every input format dyad accepts, and prepares them for analysis
// as [dyad.Article] values.
//
// [Read] walks paths and yields articles and errors in a deterministic order;
// [ReadBytes] reads one input held in memory; [Prepare] finishes an article
// built elsewhere (a queue message, an API request) exactly as the readers do.
//
// # Formats
//
// The format of an input is found by content ([Sniff] looks at its first
// 64 KiB); the file extension only breaks ties, so a .txt holding JSON lines is
// read as JSON lines and an .html holding plain text as text.
// [Options].Format forces a format instead.
//
//   - Text: one article. A first line is the title when a blank line and more
//     text follow it, it is at most 200 bytes, does not end in a period and is
//     not a date line, a dateline or debris. The body (Article.Text) is the
//     rest from its first non-blank line, byte for byte.
//   - HTML: one article. The main text comes from go-readability, or from
//     go-trafilatura when readability fails or finds none, rendered as
//     paragraphs separated by a blank line. Title, publication date (with its
//     time zone when the page gives one), site name (into Source) and
//     canonical URL come from the page's meta tags, JSON-LD and link
//     elements. A page with no main text gives ErrNoText.
//   - CSV: a header, then one article per record. Columns are found by name,
//     without regard to case (spaces and hyphens read as underscores), with
//     synonyms: text, body, content, article, story; html; title, headline;
//     url, link; date, published, publish_date, published_at, pubdate;
//     source, publisher, site, site_name, outlet; id, guid. A header without
//     a text or html column is one ErrMissingColumn error for the file. A
//     record whose number of fields differs from the header's is an error.
//     Quoted fields keep their bytes, carriage returns included.
//   - JSON Lines: one object per line, with the same keys as the CSV
//     columns; blank lines are ignored.
//   - JSON: an array of such objects, a single object, or objects one after
//     another, decoded one element at a time.
//   - Feed: RSS, Atom, RDF or JSON Feed, through gofeed; one article per
//     item: its title, link as URL, GUID as ID, published (else updated)
//     date, the item's <source> or else the feed's title as Source, and its
//     content or else its description converted from HTML to plain text.
//
// In CSV and JSON an html field is used when the text field is blank; the
// page's metadata then fills the fields the record leaves empty.
//
// # Encodings
//
// Inputs are UTF-8. A UTF-8 byte-order mark is dropped; UTF-16 with a
// byte-order mark is decoded (golang.org/x/text). An HTML page may declare
// another charset in a meta tag within its first 1024 bytes, and is then
// converted. Anything else that is not valid UTF-8 is refused with
// ErrInvalidUTF8, naming the byte offset; dyad does not guess encodings.
//
// # Dates
//
// Dates in inputs may be RFC 3339 or ISO 8601 ("2006-01-02",
// "2006-01-02 15:04:05"), RFC 1123 or RFC 822 as in feeds, written dates
// ("January 2, 2006", "Jan. 2, 2006 3:04 PM", "Friday, 2 January 2006"), or
// Unix times of nine digits or more (seconds, or milliseconds). HasTime is set
// only when the input gives a time of day; a date without a zone is UTC.
// A date that cannot be parsed is not an error: the article is read as if
// its input gave no date. An article without a date takes the one of its
// leading date line, else [Options].Date.
//
// # Limits
//
// An article's body text may be [Options].MaxBytes long ([DefaultMaxBytes],
// 2 MiB, when zero), and a text file that plus 4 KiB for its title line. The
// raw form of one article may be [RawFactor] (8) times MaxBytes, 16 MiB by
// default: an HTML page, a feed file, a CSV record, a JSON line, a JSON array
// element, an html field. CSV, JSON Lines and JSON files themselves have no size limit:
// they are streamed. Anything larger is refused with ErrTooLarge, never
// truncated. A CSV record or JSON line over the limit is skipped without
// being held in memory and reading goes on; a JSON element over the limit is
// decoded, refused and skipped, unless it exceeds RawFactor times the raw
// limit (128 MiB by default), which stops that input with an error.
//
// # Preparation
//
// [Prepare] leaves Text unchanged and lists the regions that analysis skips in
// Article.Skip, sorted and not overlapping: a leading date line, the
// dateline and scrape debris.
//
// A leading date line is the first non-blank line when it holds only a date,
// such as "Friday, January 4, 2019" or "May 6, 2026" (Wikinews texts start
// so). It sets Date when the input gave none.
//
// # Datelines
//
// A dateline opens the first or, after a headline, the second paragraph
// that is not a date line or debris:
//
//	WASHINGTON --
//	SEOUL, March 17 (Yonhap) --
//	TOKYO (Reuters) -
//	KYIV, Ukraine (AP) —
//	UNITED NATIONS, Jan. 5 (Xinhua) --
//	NEW YORK, March 3, 2026 /PRNewswire/ --
//
// The place is one to five words in capitals with at least three letters,
// optionally followed by a capitalized region ("Ukraine", "D.C."); then come
// an optional date, an optional source in parentheses or slashes, and a dash:
// "--", an em or en dash, or a hyphen followed by a space. The dash is
// required, so a sentence opening with an acronym ("NATO said on Monday") is
// not a dateline, nor is a place in lower case ("Paris --").
//
// Dateline.Place is the place as written ("KYIV, Ukraine"); Dateline.Source
// the agency, also put in Article.Source when that is empty; Dateline.Date
// the date resolved to YYYY-MM-DD: the year is the publication date's, or the
// year before when the dateline's month is later than the publication month,
// and the date is empty when there is no publication date to resolve it
// against. Dateline.Span runs through the dash and the spaces after it, so
// the first sentence starts after it.
//
// # Debris
//
// Scrape debris stays in the text but is skipped, a whole line at a time
// (without its surrounding spaces). A line is debris when it
//
//   - starts or ends with "|", or holds two or more "|" between cells of 60
//     bytes or less on average: table rows, captions such as "Joint military
//     drills (Yonhap) |";
//   - is page furniture alone: "Advertisement", "Share this article",
//     "Continue reading";
//   - is at most 300 bytes and begins a credit, link or copyright notice
//     ("Photo:", "Image:", "Read more:", "Related:", "See also:", "©",
//     "Copyright 2026"), or ends with a photo credit in parentheses such as
//     "(AP Photo/Evan Vucci)".
//
// # Naming inputs
//
// Article.Input and Error.Input name where an article came from: the path
// for a one-article file (text, HTML); "path:N" for the N-th CSV data
// record (the header not counted; the Error gives Record and Line instead);
// "path:LINE" for JSON Lines (the Error gives Line); "path[i]" for the element
// of a JSON array counted from 0 (a single JSON object is just "path");
// "path#i" for feed items counted from 1. Standard input is "-".
//
// # Errors
//
// An input whose first 64 KiB hold a NUL byte, or more than a tenth of
// control characters other than white space, is binary: one ErrBinary for
// the whole input, whatever its format. A blank input is ErrEmpty.
//
// Every input or record that cannot be read yields one [*Error] naming it,
// its line or record, and the reason, wrapping one of the sentinel errors
// (ErrEmpty, ErrBinary, ErrInvalidUTF8, ErrTooLarge, ErrNoText,
// ErrMissingColumn, ErrSyntax) or an I/O error; the articles before and after
// it are still read.
package article
