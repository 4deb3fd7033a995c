// Package lang is dyad's language layer: it splits an article's body into
// paragraphs, sentences and words, then tags, lemmatizes and parses every
// sentence into a Universal Dependencies tree and labels the names of people,
// organizations and locations in it, with models dyad trains itself on UD
// English EWT (and Universal NER's labels of it) and embeds in the binary.
//
// # Steps
//
//   - Tokenizer and sentence splitter (tokenize.go, split.go), rule-based and
//     tuned for news while following EWT's conventions, since the models learn
//     from it: abbreviations and initials stay whole ("U.S.", "Gen.", "Jan.",
//     "John F. Kennedy"); possessives and contractions split ("France's" →
//     "France" "'s", "didn't" → "did" "n't", "cannot" → "can" "not");
//     hyphenated words split ("Al - Zaman") except after prefixes EWT keeps
//     ("non-human", "e-mail") and between digits; numbers keep their
//     separators ("1,200", "3.5", "2026-05-06"); URLs and e-mail addresses
//     stay whole; quotation marks are tokens of their own. Sentences never
//     cross a paragraph break and never start inside a region the reader
//     marked to skip (a dateline, scrape debris).
//   - Tagger (package tagger): joint UPOS and Penn XPOS, a two-pass averaged
//     perceptron.
//   - Lemmatizer (package lemma): exceptions and suffix rules learned per tag.
//   - Parser (package parser): greedy arc-eager transitions, averaged
//     perceptron with a dynamic oracle; labels with subtypes (nsubj:pass).
//   - Named-entity recognizer (package ner): PER, ORG and LOC in IOB2, a
//     greedy averaged perceptron over the words, their predicted tags, word
//     clusters and gazetteer phrases.
//
// [Analyzer] runs them all as the pipeline's "lang" stage and fills every
// token's UPOS, XPOS, Lemma, Head and Rel, and the document's Entities. `dyad train` rebuilds the models
// (package train); internal/lang/models/PROVENANCE.md records their data,
// command and scores.
//
// # Invariants
//
//   - Tokens are in text order, do not overlap, and never contain whitespace.
//   - Every token belongs to exactly one sentence; sentences are in text order
//     and their spans run from their first token's start to their last
//     token's end.
//   - Each sentence is one tree: exactly one token has Head -1 (Rel "root"),
//     every other token's Head is a token of the same sentence, and there are
//     no cycles.
//   - Entities are in text order, lie inside one sentence each, and do not
//     overlap; their spans run from their first token's start to their last
//     token's end.
package lang
