// Package actors recognizes the political actors an article mentions and
// resolves them to CAMEO codes.
//
// The stage runs the knowledge base's matcher over the text and reads the
// matches of each sentence left to right:
//
//   - a country's name, adjective or people noun ("France", "French",
//     "Ukrainians") is the country (FRA);
//   - a country word, an organization or a metonym followed by a role noun,
//     directly or through a possessive ("French troops", "France's foreign
//     minister", "NATO officials"), or a role noun followed by "of" and a
//     country ("the foreign minister of France"), is an agent of it: the
//     country's code plus the role's CAMEO sector (FRAMIL, FRAGOV), with the
//     role ("foreign minister") kept; "its" or "their" before a role noun
//     stands for the country last named;
//   - a role noun followed by a capitalized name ("Foreign Minister Kim
//     Ji-ho", "South Korean President Lee Jae-myung") is a person with that
//     role and code; later mentions of the person's first or last name alone
//     ("Kim said") are mentions of the same actor;
//   - a role noun alone belongs to the dateline's country, the wire
//     convention for a story's own officials ("Foreign Minister Kim" under a
//     SEOUL dateline is KORGOV), or without a dateline to no country
//     ("officials", "police": GOV, COP); an organization's agents are the
//     organization (a NATO spokeswoman is NATO's code);
//   - an organization is itself (IGOUNO, NATO); news media are sources, not
//     actors, and are skipped;
//   - a metonym is the part of the state it stands for ("Kremlin": RUSGOV);
//   - a capital is its country when it acts ("Beijing warned") and only a
//     place after a locative preposition ("talks in Beijing").
//
// Every mention keeps its span, its sentence and how it names the actor (its
// kind: name, adjective, people, capital, metonym, organization, agent,
// person, surname). Actors are listed once, in order of first mention, and a
// country named inside a longer mention ("France" in "France's foreign
// minister") is also an actor of its own, so mentions may nest; the event
// coder uses the outermost.
//
// Not yet: pronouns and definite descriptions ("the minister", "the two
// allies"), people without a role noun before their name, appositions
// ("Kim, the foreign minister,"), and the dated list of office holders that
// the knowledge-base issue adds.
package actors
