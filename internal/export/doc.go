// Package export writes analyzed articles ([dyad.Result]) in the output
// formats of `dyad code --format`:
//
//	jsonl   one compact JSON object per article, the machine contract that
//	        schema/dyad.schema.json describes; HTML characters are not escaped
//	table   for people: per article a header (id, date, source, title,
//	        dateline, URL, counts, tone, themes) and aligned sections of
//	        events, quotes, actors, places and errors, never wider than
//	        TableWidth (100) columns
//	gdelt   one tab-separated row per event in the 61 columns of the GDELT 2.0
//	        Event table, no header (NewGDELT can add one); GDELT.md documents
//	        every column
//	plover  one JSON object per event in the PLOVER data format; PLOVER.md
//	        documents every field
//	csv     one row per event under a header row, for spreadsheets
//
// [New] returns a [Writer] for a format name. Writers buffer their output:
// Close flushes it and does not close the io.Writer beneath. The writers of
// the per-event formats (gdelt, plover, csv) are also [EventWriter]s, which
// write a chosen subset of an article's events, as the server's downloads
// of filtered events do.
//
// # Guarantees
//
//   - Output depends only on the Results written, in order: no clock, no
//     randomness, no map iteration order. GDELT's GLOBALEVENTID is derived
//     from the article's hash and the event's position.
//   - The line-oriented formats never break a record across lines: gdelt and
//     csv turn runs of white space inside a value (tabs and line breaks
//     included) into one space; jsonl and plover escape them.
//   - Every event appears once in gdelt, csv and table. plover leaves out
//     events whose CAMEO code PLOVER dropped (roots 01 and 02: statements and
//     appeals), as PLOVER does.
//   - Country codes are ISO 3166-1 alpha-3 in every format, GDELT's location
//     columns included (GDELT itself uses FIPS 10-4 there; GDELT.md says why
//     dyad does not).
package export
