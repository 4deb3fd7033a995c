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
package eval
