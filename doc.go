// Package dyad holds the document model that flows through dyad's pipeline.
//
// An [Article] is what a reader produced: metadata and the body text exactly as
// read. A [Document] wraps one article while it is analyzed; each stage of the
// pipeline (a [Stage]) reads the layers before it and adds its own: sentences and
// tokens, actors, places, dates, events, quotes, themes and tone. A [Result] is
// the versioned JSON view of a finished document, the machine contract of
// `dyad code --format jsonl` (see schema/README.md).
//
// # Invariants
//
//   - Article.Text is valid UTF-8 and is never rewritten after reading. Every
//     [Span] in every layer is a half-open byte range [Start, End) into it, so
//     Text[Start:End] is the text the span names.
//   - Regions listed in Article.Skip (datelines, scrape debris) stay in the text
//     but are not analyzed: no sentence, token or mention starts inside them.
//   - Stages are pure: the same article and the same options give the same
//     document, whatever the number of workers around them.
//   - Layers refer to each other by index (a token's sentence, a mention's actor)
//     and the JSON view by identifier ("a1", "p1"), never by pointer, so a
//     document can be copied and serialized without surprises.
package dyad
