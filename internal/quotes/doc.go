// Package quotes finds quotations in an article and attributes them to their
// speakers.
//
// # Quotations
//
// Direct quotations are the text between paired quotation marks: straight
// ("…") or typographic (“…”, «…»), with single quotes nested inside them kept
// as part of the quote. A quote whose paragraph ends without a closing mark and
// whose next paragraph opens with one continues there, the newspaper
// convention for long quotes. A quote split by its cue ("A," she said, "B.")
// gives two quotes with the same speaker. A short quote in title case ("Face
// the Nation", "Crooked Hillary") or without letters (a tweet's number) is a
// title or a label, not a quotation, when no one is said to have said it or
// it follows a preposition ("spoke on "Meet the Press"").
//
// # Speakers
//
// The speaker comes from a cue outside the quote, tried in this order:
//
//   - for a partial quote that a naming verb (call, describe, term, dub,
//     label, brand) governs, that verb's subject, whoever reports it: in
//     what Beijing called a warning to "separatist forces," Taiwan said;
//   - a speech verb after or before the quote in its sentence: "…," X said;
//     "…," said X; X said: "…"; X told reporters "…"; X has long argued;
//     "…," Scott Pruitt, the attorney general of Oklahoma, one of the states
//     suing, said (up to two asides between commas after the name); X, who
//     was an adviser to the mayor, tweeted this: "…" (the cue's subject by
//     the tree, across the aside); a word the tagger took for a noun is no
//     cue ("one of the states"), unless it is a past tense ("recalled");
//   - a credit line: "…" ― Maria Ortiz;
//   - for a quote that is a sentence of its own, a cue clause in the next
//     sentence ("…?" Graham asked.) or an introducing sentence that ends
//     with a colon (Caddell continued:);
//   - according to X;
//   - for a partial quote, the subject of the nearest verb above it in the
//     dependency tree (Kerry called the test "a brazen breach"), or for a
//     relative clause the noun it qualifies (Ban, who called it "reckless");
//     a subject that names no actor gives way to the next one up that does
//     (the command said the drills tested its ability to strike "key
//     targets"), unless its verb is a cue itself (a teacher who posted that
//     migrants should "burn alive").
//
// Once the cue verb is found, its subject in the dependency tree gives the
// speaker's words (without appositions or relative clauses: "Ivanov, a
// Kremlin aide, said" → "Ivanov"), when it lies outside the quote; word order
// gives them otherwise. A quote without a cue of its own takes the speaker of
// the quote just before it in the same or the previous paragraph.
//
// The speaker's words are resolved to actors through the actor layer: the
// most specific mentions inside them ("Kim and Lee said" gives both), or for
// a pronoun the actors the actor layer's coreference gave it, so that "they
// said" after two officials were named gives both (Speaker.Also holds the
// second and later ones); when the actor layer left the pronoun alone, the
// most recent person, agent or group actor before the quote.
//
// Indirect speech with an explicit complementizer ("X said that …") is a
// second kind of quote, "indirect", whose text is the reported clause.
//
// # Accuracy
//
// `dyad eval quotes --gold ../shared/data/polnear` scores the direct quotes
// and their speakers against PolNeAR (see internal/eval); its development
// split is asserted in internal/eval's tests (quote F1 ≥ 0.94, speaker
// accuracy ≥ 0.83).
//
// Not yet: quotes without any quotation marks or cue, speakers named only in
// a later sentence other than the next, indirect speech without "that",
// and single-quoted headlines.
package quotes
