// Package themes tags an article with themes of international affairs and
// scores its tone.
//
// # Themes
//
// Themes come from a documented taxonomy (themes.txt, embedded): each theme
// has an identifier, a name and a list of phrases; a phrase ending in *
// matches any word that starts with it. Matching is case-insensitive, on
// whole words, the longest phrase first. Every match is kept as a mention
// with its span, so a user can see which words made dyad tag the article.
// The taxonomy has 66 themes, from alliances, military exercises, nuclear
// weapons and missiles to fisheries, the Arctic and critical minerals;
// TestEveryTheme holds an invented example sentence for each.
//
// A theme is also given at event level: Theme.Events lists the events whose
// sentence mentions it (the stage runs after the event coder).
//
// # Tone
//
// Tone gives GDELT's seven tone fields: the percentage of words that are
// positive (Positive) and negative (Negative), their difference (Tone) and
// sum (Polarity), the activity reference density (the percentage of words
// the tagger calls verbs, where GDELT counts the words of an activity
// dictionary), the self/group reference density (the percentage of
// first-person pronouns: I, me, my, we, us, our ...) and the word count. Word
// polarities come from polarity.tsv, derived by tools/gentone from the
// AFINN-165 and VADER lexicons (see PROVENANCE.md).
//
// Tone.Pairs gives, for every two actors mentioned in the same sentence
// (a plural mention such as "they" counting for each of its actors), the
// positive, negative and net tone of all the sentences that mention both:
// how the coverage speaks when it speaks of the pair.
package themes
