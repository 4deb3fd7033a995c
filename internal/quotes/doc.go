// Package quotes finds quotations in an article and attributes them to their
// speakers.
//
// Direct quotations are the text between paired quotation marks: straight
// ("…") or typographic (“…”, «…»), with single quotes nested inside them kept
// as part of the quote. A quote whose paragraph ends without a closing mark and
// whose next paragraph opens with one continues there, the newspaper
// convention for long quotes. A quote split by its cue ("A," she said, "B.")
// gives two quotes with the same speaker.
//
// The speaker comes from a cue in the quote's sentence, outside the quote:
// "…," X said; "…," said X; X said: "…"; X told reporters "…"; according to X.
// Once the cue verb is found, its subject in the dependency tree gives the
// speaker's words (without appositions or relative clauses: "Ivanov, a
// Kremlin aide, said" → "Ivanov"; "X and Y wrote" → both), when it lies
// outside the quote; word order gives them otherwise.
// A quote without a cue of its own takes the speaker of the quote just before
// it in the same or the previous paragraph. The speaker's words are resolved
// to an actor through the actor layer: a mention inside the speaker's words,
// or for a pronoun (he, she, they) the most recent person, agent or group
// actor before the quote.
//
// Indirect speech with an explicit complementizer ("X said that …") is a
// second kind of quote, "indirect", whose text is the reported clause.
//
// Not yet: quotes without any quotation marks or cue, speakers named only in a
// later sentence, plural speakers resolved to several actors ("they" after two
// officials gives the most recent one), and single-quoted headlines.
package quotes
