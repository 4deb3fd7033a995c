// Package themes tags an article with themes of international affairs and
// scores its tone.
//
// Themes come from a documented taxonomy (themes.txt, embedded): each theme
// has an identifier, a name and a list of phrases; a phrase ending in *
// matches any word that starts with it. Every match is kept as a mention with
// its span, so a user can see which words made dyad tag the article. This
// first taxonomy has 42 themes; the issue on the knowledge-graph layer grows
// it and adds event-level themes.
//
// Tone follows GDELT's definition: the percentage of words that are positive
// minus the percentage that are negative, with both percentages and their sum
// (polarity) reported. Word polarities come from polarity.tsv, derived by
// tools/gentone from the AFINN-165 and VADER lexicons (see PROVENANCE.md).
package themes
