// Package lang is dyad's language layer: it splits an article's body into
// paragraphs, sentences and tokens.
//
// This first version is rule-based and tuned for news: it keeps abbreviations
// and initials whole ("U.S.", "Gen.", "Jan.", "John F. Kennedy"), splits
// possessives and negative contractions the way Universal Dependencies does
// ("France's" → "France" "'s", "didn't" → "did" "n't"), keeps numbers with
// their separators ("1,200", "3.5", "2026-05-06"), URLs and e-mail addresses
// whole, and marks quotation marks as their own tokens so that the quote stage
// can pair them. Sentences never cross a paragraph break (a blank line) and
// never start inside a region the reader marked to skip (a dateline, scrape
// debris).
//
// # Invariants
//
//   - Tokens are in text order, do not overlap, and never contain whitespace,
//     except URLs, which never do either.
//   - Every token belongs to exactly one sentence; sentences are in text order
//     and their spans run from their first token's start to their last token's
//     end.
//
// Later versions add a trained tagger, lemmatizer and dependency parser to the
// same layer.
package lang
