// Package dict reads the standard event-coder dictionaries: the
// CAMEO/PETRARCH/TABARI actor, agent, discard, issue and verb files that users
// of PETRARCH and TABARI bring with them (Phoenix.Countries.actors.txt,
// Phoenix.agents.txt, CAMEO.2.0.txt and friends).
//
// # What it promises
//
// [Load] reads files and folders, detects the kind of each file from its
// content (or, when the content says nothing, from its name), and returns one
// [Set] with the entries of every file in file order. A malformed entry never
// aborts its file: it is skipped and reported as an [*Error] whose text is
// "file:line: reason". Only an unreadable path is a fatal error. No input makes
// the parsers panic; they are fuzzed.
//
// Entries keep their provenance (File and Line) so that a coder can say which
// dictionary line produced a code.
//
// # The formats, briefly
//
// Comments start with '#' anywhere on a line; actor and verb files also accept
// TABARI's ';' comments, and every kind accepts XML comments <!-- ... -->,
// including ones that span lines. Blank lines are ignored. Underscores join
// the words of a phrase and become spaces in the parsed names.
//
// Actors: a primary phrase, optional synonyms on lines starting with '+', and
// codes in brackets, either on the primary line or on their own (indented)
// lines, optionally restricted in time: [USAGOV >20090120] (from that day on),
// [USAELI <20041102] (up to that day), [USAGOV 20090120-20170120] (between the
// days). Dates are YYYYMMDD or YYMMDD (00-30 mean 2000-2030, 31-99 mean
// 1931-1999, as in TABARI). Bounds are inclusive. See [Actor.CodeOn] for the
// choice among several codes. A name written with a blank rather than an
// underscore between two words lets other words stand between them in the
// text ([Actor.Disconnected]: "ITHILEN TELEVISION" names "Ithilen state-run
// television"); package kb matches up to two.
//
// Agents: PHRASE {PLURALS} [~CODE] or [CODE~], with substitution sets
// (!PERSON! = MAN, MEN, WOMAN) expanded in place and regular plurals generated
// unless {...} gives them ({} means no plural).
//
// Discards: one phrase a line; a leading '+' discards the whole story, a
// trailing '_' asks for a whole-word match.
//
// Issues: PHRASE [CODE] inside <ISSUE CATEGORY="..."> sections, with the n:
// (noun plural), v: (verb forms) and '+' (blank or hyphen) expansions, and
// exclusion phrases starting with '~' (sentence) or '~~' (story).
//
// Verbs: synonym sets (&NAME followed by +PHRASE lines), verb blocks opened by
// "--- NAME [CODE] ---" and holding verbs (with irregular forms in {...} and
// multi-word verbs whose verb word is marked by '+'), patterns
// ("- PRE * POST [CODE] # comment") and transformations ("~ a (a b X) Y = a b
// CODE"). See [Pattern] for the pattern syntax.
//
// [Options] are PETRARCH's coding options (require_dyad, new_actor_length,
// the comma-clause bounds) that a coder reading these dictionaries follows.
//
// # Departures from PETRARCH
//
// Regular English plurals and verb forms follow the usual spelling rules
// (CH/SH/X/Z take -ES, a consonant before Y becomes -IES, a vowel before Y
// keeps it) where PETRARCH only looks at a final S or Y. A date restriction
// with a bare date ([MNEGOV 20121204]) is reported and skipped: PETRARCH reads
// it as a garbled lower bound.
package dict
