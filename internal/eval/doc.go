// Package eval reads gold annotations and scores dyad's output against them.
//
// The first gold set is the hand coding of the embedded sample news
// (internal/sample/EXPECTED.md): for each story the main events a careful
// human coder would code and every direct quote with its speaker. Events are
// scored with precision, recall and F1, strictly (the CAMEO code or one of
// the listed alternatives) and by root (the first two digits); quotes by span
// overlap, and their speakers by accuracy over the quotes found. Because the
// gold lists only the main events, event precision is a lower bound: a
// correct background event that the gold omits counts against it.
//
// Matching rules, in full:
//
//   - Actor codes match when one is a prefix of the other (KOR matches
//     KORGOV), so a coder that finds the country but not the sector still
//     gets the pair; the gold's "—" target accepts any target.
//   - A reciprocal gold event (talks, agreements) also matches in the other
//     direction. "also X → Y" in the notes adds an event with the same code.
//   - Optional gold events are not counted in recall; a prediction matching
//     one is not counted against precision either.
//   - Each gold event and each prediction is matched at most once.
//
// # Language layer
//
// The second gold set is Universal Dependencies English EWT. [ScoreParse]
// scores tags, lemmas and trees on gold tokenization as the CoNLL 2018 shared
// task defines them: UPOS, XPOS, Lemma (a gold "_" counts as right), UAS, and
// LAS on the universal part of DEPREL ("nmod:poss" is "nmod"), each the
// fraction of all words, punctuation included.
//
// [RawDocuments] rebuilds each treebank document's raw text from its
// sentences' "# text" (joined by a space, by a blank line at a "# newpar")
// with the gold spans of its words and sentences; [ScoreSegmentation] scores
// predicted spans against them, and [EvaluateSegmentation] runs dyad's
// language stage and the baseline, neurosnap/sentences, over the same text.
// "Tokens" there means syntactic words, what dyad's tokenizer emits: "don't"
// is "do" + "n't", each matched by its exact byte span; a multiword token
// whose words do not spell it ("im" for "i" + "am") is one unit. The CoNLL
// 2018 scorer's Tokens metric differs: it scores surface tokens, so "don't"
// is one token, on the text with its whitespace removed; its Words metric is
// closer to ours but aligns the words inside a multiword token by their
// FORMs, not by spans. Sentences match when their spans, trimmed of spaces,
// are equal.
//
// # Named entities
//
// The third gold set is Universal NER's English EWT: the same sentences with
// IOB2 labels. [ReadIOB2] reads it strictly (an I- label must continue an
// entity of its type; any error names the file and line); [ScoreNER] scores
// predicted labels as the CoNLL 2003 scorer does, by exact spans: an entity
// counts when its first word, last word and type all match. Only PER, ORG
// and LOC are scored; other gold types (OTH, MISC) are ignored.
//
// # Quotations
//
// The fourth gold set is PolNeAR, news attributions in brat standoff files
// (character offsets, converted to bytes). [ReadPolNeAR] reads a split; an
// article annotated by several annotators is read once, with the file that
// sorts first. An attribution whose content holds a double quotation mark
// is a direct quote; each stretch between a pair of double marks inside its
// content (a repeated opening mark at a paragraph start continues the
// stretch) is one gold quote, trimmed to its first and last letter or
// digit, with the attribution's source as its speaker. Quotation marks in
// the text outside every attribution (titles, scare quotes) are not gold, so
// a prediction there counts against precision.
//
// [ScoreQuotes] matches predicted direct quotes to gold ones one to one, in
// text order, under two criteria reported side by side: exact (the same
// trimmed span) and overlap (the shared characters are at least half of
// each span); the top-level figures are the overlap ones. Speaker accuracy
// counts, over the matched quotes whose attribution has a source, the
// predicted speakers whose span overlaps the source or ends with the same
// word, or that dyad resolved to the actor a mention inside the source
// names; the first two alone are reported as the accuracy by words.
package eval
