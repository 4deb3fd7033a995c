// Package lemma is dyad's lemmatizer: it maps a word with its UD and Penn
// part-of-speech tags to its lemma ("went" VBD → "go", "cities" NNS →
// "city", "Americans" NNPS → "American", "n't" → "not"), following the
// conventions of the Universal Dependencies English Web Treebank (EWT),
// which it learns from.
//
// # Method
//
// Rules plus exceptions, all learned from the treebank; each (UPOS, XPOS)
// pair of the training data has its own:
//
//   - Suffix rules for the words training never saw. Every training word
//     type, normalized (typographic quotes and dashes to ASCII) and
//     lowercased, votes for its edit, "drop the last k bytes, append s",
//     at each of its suffixes of up to six bytes long enough to hold the
//     edit; a word takes the majority edit of its longest suffix that has
//     votes (NNS "-ies" → "-y", VBG "-nning" → "-n", VBD "-ied" → "-y").
//     Suffixes whose edit equals that of their next shorter suffix are
//     dropped, which leaves the answers unchanged and the table small.
//   - A case decision for each shape of form (lowercase, capitalized,
//     acronym of up to four capitals, longer all-capital word, mixed case,
//     capitals with digits): lowercase the lemma, keep the form's case, or
//     title-case it. So sentence-initial "Talks" → "talk", "NATO" stays,
//     "SCALIA" → "Scalia", while proper nouns and adjectives such as
//     "French" keep their capital, as EWT writes them.
//   - Exceptions: a table of lowercased forms whose lemma the suffix rules
//     get wrong (irregular forms: "went", "children", "better", "me" → "I",
//     "wo" → "will", "ca" → "can"), and a table of forms as written whose
//     lemma rules, lowercased table and case decision together get wrong
//     ("GOD" → "God", "Sept." → "September"). Only the entries the rules
//     miss are kept; ties between lemmas go to the most frequent, then the
//     smallest.
//   - Lending between tag pairs: a form never seen with a pair but seen
//     with another pair of the same UPOS takes that pair's lemma ("fought"
//     seen as VBN only is lemmatized "fight" as VBD too), when the two pairs
//     agree on at least 90% of the forms they share. This changes little on
//     gold tags but keeps lemmas right when a tagger confuses VBD and VBN,
//     VB and VBP, NN and NNS.
//
// Grouped numbers lose their commas ("1,200" → "1200"), as EWT writes
// them; that one rule is written by hand. A tag pair unknown to the model
// backs off to the most frequent pair with the same XPOS, then the same
// UPOS; with neither, the form is its own lemma. The contractions follow
// EWT: "'s" is "be" as VBZ (EWT's most frequent choice; "have" needs the
// context a tag does not give) and "'s" as POS, "'re" and "'m" are "be",
// "'ll" is "will", "'d" is "would".
//
// # Scores
//
// Trained on EWT train (UD 2.16, 204,577 words; about 0.4 s), with gold
// tags, exact match of the LEMMA column over all words, counted as the
// CoNLL 2018 scorer does (a gold "_", which EWT writes for 41 e-mail
// addresses and word fragments in dev and test, matches anything):
//
//	dev   98.96% of 25,147 words; unseen words 90.36% of 2,511
//	test  99.13% of 25,094 words; unseen words 92.12% of 2,653
//
// A word is unseen when its form never occurs in train with the same tag
// pair. Most remaining errors are misspellings ("definately" →
// "definitely") and lowercase proper nouns ("chicago" → "Chicago"). The
// encoded model is about 128 kB, 45 kB gzip-compressed. Lemma runs at
// about 2.4 million words per second on one core and does not allocate for
// words seen in training (up to 128 bytes long). To reproduce the scores
// and sizes, with the treebank in ../shared/data/ud-en-ewt:
//
//	go test ./internal/lang/lemma -run TestAccuracy -v
//
// and the speed:
//
//	go test ./internal/lang/lemma -run '^$' -bench .
//
// Adding -write-model=FILE to the first command writes the gzip-compressed
// model for embedding. The model derives from EWT (CC BY-SA 4.0) and must
// carry its attribution.
//
// # Invariants
//
//   - Lemma never returns "" for a non-empty form, keeps valid UTF-8 valid,
//     and is safe for concurrent use.
//   - Training is deterministic, and so is the encoding: the same sentences
//     give the same model bytes, and a model Read accepts writes back to
//     the bytes it was read from.
package lemma
