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
//   - Hypothetical events ("they can arrest us") are not scored: the gold,
//     as dyad's other gold sets, codes no event for them.
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
// # Event gold
//
// `dyad eval events` reads three gold formats and scores them alike. Each
// gold event is a tuple (source, target, event code); [TupleGold] lists the
// values it accepts. Within one scored unit (a sentence, a record) gold and
// coded events are paired one to one, greedily in gold order:
//
//   - Tuple precision, recall and F1 count the pairs whose source, target
//     and code all match, at the full-code level (the CAMEO code; PLOVER
//     type and mode) and at the root level (the CAMEO root; the PLOVER
//     type). Correct, Uncoded and Extra are PETRARCH's table: coded events
//     that match, gold events that none matches, coded events that match
//     none.
//   - Event-type accuracy is the share of right codes (and roots) over the
//     pairs with the right source and target; source and target accuracy
//     are the shares of right actors over the pairs with the right root.
//   - Actor codes match exactly ("USA" does not match "USAGOV"); a gold
//     event lists alternatives where a careful coder would accept more
//     than one.
//   - Negated events are not counted: a careful coder codes no event for
//     "did not attack". In the dyad format, neither are hypothetical ones
//     ("if the House votes to impeach"): dyad outputs them with modality
//     "hypothetical", and the gold codes no event for them.
//
// The dyad format ([ParseEventGold], testdata/events.gold) holds references
// to the sentences of a corpus kept outside the repository, never their
// text:
//
//	# a comment
//	corpus wikinews/wikinews_2019.csv      (relative to the data folder)
//	article https://en.wikinews.org//wiki/Some_story 2019-01-23
//	32<TAB>170<TAB>4e119cc5<TAB>DEU 163|172 IRNBUS
//	173<TAB>238<TAB>0d1f8a2b<TAB>-
//	1129<TAB>1232<TAB>5c7e9d10<TAB>USAGOV 041 TURGOV ~ ; USA 112 IRN
//
// An article line gives the article's URL as the corpus reader finds it and
// the date it was coded on (the corpus must agree). A sentence line gives
// the byte offsets of the sentence in the article text as dyad's reader
// produces it (start inclusive, end exclusive, in text order, not
// overlapping), the first 8 hex digits of the SHA-256 of those bytes
// ([SentenceHash]) so that a changed corpus is caught rather than scored,
// and the events: "-" for none, else events separated by ";", each SOURCE
// CODE TARGET and an optional "~" for a reciprocal event (talks, meetings,
// agreements: it matches in either direction). Each part may list
// alternatives separated by "|". Actor codes are CAMEO codes as dyad writes
// them (country or organization plus sector, on the article's date); a
// target "-" means no target and "*" any target or none. A code is a CAMEO
// code of the ontology, or a prefix of at least two digits followed by "*"
// ("02*": any appeal). [EventsDyad] analyzes each article with its date and
// scores, per gold sentence, the coded events whose trigger starts inside
// it; an article missing from the corpus or dated otherwise, and a sentence
// whose hash no longer matches, are reported and skipped.
//
// The development set, testdata/events.gold, is the hand coding of 232
// sentences of 42 Wikinews articles of 2019 (../shared/data/wikinews), 50 of
// them without an event, chosen to cover many CAMEO roots. It codes what a
// careful human coder would code, with these conventions: plain reporting
// ("X said", "X told reporters") is no event unless what is said is itself
// one (an accusation, an appeal, a threat, praise); an event needs a source
// that the sentence or its quote names or that is plain from it (an unnamed
// attacker is UAF; a passive without an agent gives no event); claims of
// responsibility are 015; historical events named in passing are coded when
// their actors are; captions, facts and hypotheticals ("would", "if") are no
// events.
//
// The PETRARCH format is described under [ReadPetrarchSuite]; the PLOVER
// format under [ReadPLOVERGold] and [PLOVER].
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
