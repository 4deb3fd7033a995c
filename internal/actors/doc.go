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
//   - a capital is its country when it acts ("Beijing warned") or is
//     visited ("Lavrov visited Pyongyang": the visit is to North Korea, as
//     CAMEO codes it), and only a place after a locative preposition
//     ("talks in Beijing");
//   - a knowledge-base official named in full ("Antony Blinken"), or by
//     title and surname ("Secretary Blinken", "President Xi", "Mr. Putin"),
//     is coded for the article's date (the dateline's date, else the
//     publication date): the office held then (USAGOV), or, out of office,
//     an elite of their country (USAELI, role "former foreign minister").
//     A title picks, among officials who share a surname, the one in a
//     fitting office on that date ("Foreign Minister Wang" is the foreign
//     minister then, not the premier of another year). A bare surname names
//     an official the story introduced, or the single holder on that date of
//     a top office (head of state or government, monarch) or of a
//     distinctive surname of five letters or more that is no given name
//     ("Yusuf", unless the table names the official so: "Tedros"); never a
//     common surname ("Kim", "Wang") or one that is also a month ("May")
//     without a title; nor a surname the story gave a person it named in
//     full ("Dr Ali bin Tamim ... Tamim said") or one after a name particle
//     ("bin", "van") in a longer name. A title finds a holder of the
//     story's country first, else any ("President Reagan" in a story about
//     Mexico), and "Mr." or "Dr." with a surname names an official only of
//     a country the story names ("without asking Mr. Mitchell first" in a
//     Washington story is no prime minister of Grenada); leaders before 2000
//     that news still names are in
//     people/historical.tsv;
//   - bare "members" are no actor, "House members" are the lower house; the
//     president of a body the knowledge base does not know is no head of
//     state ("the president of the Roosevelt Institute");
//     "market forces" and "joined forces" are no troops; a role after "anti-"
//     or "pro-" is a stance; organizations sharing a code are still two
//     actors (the Democratic and Republican parties, both USAPTY);
//   - coordinated adjectives share a role noun ("German and Polish
//     counterparts": DEUGOV and POLGOV);
//   - an acronym in parentheses after a name whose capitals it spells names
//     that actor from there on ("South Korea's Joint Chiefs of Staff (JCS)
//     ... the JCS said"), unless the name's actor is only a place inside it
//     ("the Catholic Bishops' Conference of the Philippines (CBCP)").
//
// # Ambiguous names
//
// Decisions, each tested:
//
//   - Georgia is the country, except after "state of", in "Savannah,
//     Georgia" (an unknown place name before the comma) or in a sentence
//     with marks of American state politics or places (Atlanta,
//     Republican, governor, county), where it is the US state and no actor.
//   - Jordan, Chad (and any country or capital name) right before or after
//     a capitalized proper noun the knowledge base does not know is part of
//     a personal name ("Jordan Peterson", "Michael Jordan", "Chad
//     Reynolds") and no actor, unless the sentence is a title-case headline.
//   - Niger and Nigeria, Turkey and the bird: names match only as spelled
//     (case-sensitive), so "turkey" is never Turkey and "Nigerien" is
//     Niger's adjective.
//   - A person named like a place ("Paris Hilton") follows the same rule as
//     Jordan; an official's surname that is also a country or organization
//     name needs a title.
//
// # Coreference
//
// After the names, a second pass links the words that stand for actors
// already named (see coref.go): singular pronouns to the person who is the
// subject of the nearest sentence naming one, but never an object pronoun to
// the subject of its own clause ("Netanyahu rejects Trump's remarks but will
// meet with him": him is Trump); a subject "it" to the nearest
// country, organization or body ("the government"), unless its verb makes
// it empty ("it is likely") or it is the passive subject right after a
// thing ("a bill ..., but it was dismissed"); "they", "we" and "their" to the most recent
// coordinated group of actors ("the Secretary of State and the Defense
// Secretary ... they said"; a list ends on "and", so "storm parliament,
// police fired" is no group), else to the most recent plural agent;
// definite descriptions ("the secretary", "the ministers", "the US
// secretaries") to the people the story introduced in a fitting office;
// "his South Korean counterpart" to that country's holder of the same
// office; "the two Asian allies", "both countries", "the two sides" to the
// two most recent countries. A plural mention stands for several actors
// (Mention.Also) and the event coder codes one event for each. Nothing is
// linked across more than three sentences; gender is not used.
//
// Every mention keeps its span, its sentence and how it names the actor (its
// kind: name, adjective, people, capital, metonym, organization, agent,
// person, surname). Actors are listed once, in order of first mention, and a
// country named inside a longer mention ("France" in "France's foreign
// minister") is also an actor of its own, so mentions may nest; the event
// coder uses the outermost.
//
// A person the knowledge base lacks takes a role from the words around the
// name the recognizer found: a title before it ("WFP regional director Amira
// Haddad"), an apposition or relative clause after it ("Zalmay Khalilzad, a
// US peace envoy,", "Teresa Varga, who is the foreign minister of Chile,"),
// whose owner may be another person ("Trump's special envoy" is the United
// States'), or a body it belongs to ("Arnel dela Vega of the army's Western
// Command"). Without any of these the person has no code and acts in no
// event. Pronouns take the gender the knowledge base records for officials
// and common given names.
package actors
