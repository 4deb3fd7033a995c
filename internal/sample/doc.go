// Package sample embeds a small corpus of invented news stories for tests,
// examples and benchmarks.
//
// The 20 stories in news/ were written for dyad: invented events set in
// November 2026 between real countries and organizations, with fictional
// officials and no real quotations. They cover diplomacy and state visits,
// alliances and joint exercises, armed conflict, protests, sanctions,
// elections, trade, aid, accusations and denials, threats and nuclear
// talks, and they exercise the shapes the pipeline must handle: wire
// datelines in several styles ("SEOUL, Nov. 25 (Yonhap) --",
// "TOKYO (Reuters) -", "KYIV, Ukraine (AP) —", "ANKARA --"), one story
// without a dateline, photo-caption debris ("Chinese warships near Taiwan
// (Reuters) |"), straight and typographic quotation marks, split and
// multi-sentence quotes, "they said" after two speakers, and a negated
// event ("did not attack").
//
// Each file is a title line, a blank line, a date line ("Wednesday,
// November 25, 2026"), a blank line and the body, paragraphs separated by
// blank lines. EXPECTED.md lists, story by story, the events and quotes a
// careful human coder would extract: gold data for the event and quote
// stages.
package sample
