// Package events is dyad's event coder: it finds who did what to whom in each
// sentence and codes it in CAMEO and PLOVER.
//
// # Patterns
//
// Events come from a dictionary of verb patterns in a readable text format
// (patterns/*.txt, embedded; users may add their own files), and, when
// the user gives them, from CAMEO/PETRARCH/TABARI verb dictionaries read in
// their own semantics (see [VerbDictionary]). Each line of dyad's format is
// a CAMEO code and a pattern:
//
//	042  visit +                    # "France's president visited India"
//	0874 withdraw troops from +
//	163  impose ... sanction|sanctions on|against +
//
// The first word of a pattern is a verb lemma and matches its inflections
// (visit, visits, visited, visiting); a word prefixed with = is matched as
// written. Words are matched case-insensitively, and a word written with
// hyphens also as one without ("anti-semitism" is "antisemitism"); a|b
// matches either word (a day or an adverb may stand between a verb and the
// particle or preposition after it, "called Wednesday for", and a span of
// time between any two words, "cooperation in the last few years with");
// ... skips up to three tokens that are neither actors
// nor punctuation (quotation marks and articles pass uncounted: 'gave its
// "deepest sympathies"', "signed a trade and investment agreement"; so does
// the comma before a participle, "the attack, reportedly carried out by";
// a conjunct ending on another of a word's alternatives stands for it,
// "missiles and more than 300 drones at"); + is the target: an actor mention that starts within the
// next three tokens, past determiners, one modifier (adjectives of the
// actor's own noun pass uncounted: "praised Republican presidential
// candidate Donald Trump"), "such as" ("urged
// allies such as Germany to") and an aside between commas ("alleged, by
// way of example, Iran had"); when the pattern goes on after it, an
// apposition naming the target's members or a relative clause on it is
// passed ("asked Carrie Lam, who is supported by Beijing, to resign"), and
// an appeal's final "to" must open an active infinitive ("pushing her to
// victory", "called for X to be fired" are no appeals to her or X). A pattern's word may be the last word of a
// role mention ("send ... troops to +" in "sent French troops to Mali"),
// and a pattern without + that spells a role takes that role as its target
// unless it is the source's own ("114 summon ... ambassador": "Iraq
// summoned the Turkish ambassador"; not "recalled its ambassador");
// $ is the source, found the same way, for nominal events that name it after
// the trigger ("111 =condemnation from $ of|over +"), and for what a verb's
// subject receives, the subject being the target ("072 receive ... weapons
// from $": "Ukraine received jets from Denmark" is Denmark's aid to Ukraine). A target after
// "between" or "among" ("046 =talks between +") makes its coordinated actors
// the parties, each acting on the others. @, in a pattern without + or $
// ("111 call @ a|an"), is an act the story reports, named by a noun after
// a determiner or a possessor ("111 condemn @": "condemned the launch",
// "condemned Russia's strikes"); the act's doer is the target, from the
// phrase (a possessor, a by- or of-phrase, a name modifying the noun) or
// else from the story, by another actor: the latest event named by a noun
// of the same family (fifteen sentences back; an act of several doers gives
// one event for each), else the latest act named by
// the same noun, or by any generic one for "the move", that the story gave
// an owner ("a move by Johnson", "he announced this change"; twelve back),
// else the latest event of a fitting kind (five back): "North Korea fired
// a missile ... South Korea condemned the launch"; a passive reaction
// finds the act in its subject the same way ("The operation was condemned
// by the EU"). Without a doer an @ pattern codes nothing. A pattern without +
// or @ codes an event with no target, unless the noun it ends on has an
// owner by the same rules ("attacked the proclamation by the president"),
// or none when it ends on "together": a mutual act needs others, the
// members of a compound subject acting on each other ("France and India
// agreed to work together").
// A pattern written "CODE ! words" is a judgment in someone's words
// ("111 ! lie", "111 ! =reckless|corrupt"): the subject of its words is the
// target, by the tree (or the actor whose act or thing is the subject: "the
// behavior of my colleagues is anti-democratic"; never "it", "this" or
// "that"), and the source is who says it, the subject of the verb of saying
// whose clause holds it ("France said India was reckless"), else the
// speaker of the direct quote around it. A predicate word needs its copula
// ("India is reckless", not "a reckless move"); the writer's own words and a
// speaker judging itself code nothing. A judged act with a definite
// determiner and no owner ("'These sanctions are illegal,' Iran said") is
// the story's, its doer found as for @.
// # starts a comment. A bad line is reported as "file:line: reason" and
// the file is refused.
//
// # The coder
//
// Patterns match words; the dependency tree of the language layer decides who
// acts. The source is the trigger's subject (nsubj), or the subject of the
// verb that controls it ("France agreed to visit India"; a coordinated verb
// shares its head's subject), or the possessor of a nominal trigger
// ("Russia's invasion of Ukraine"), with the subject's conjuncts ("France and
// India" gives one event per source); in a passive (nsubj:pass) the subject is
// the target and the agent ("by X", or the doer of the violent act it
// happened in: "was killed in an Israeli airstrike") the source; a pattern
// that spells "by" itself ("=disappointed with|by +") keeps its subject as
// the source. A person's supporters, allies and critics are not the person
// ("a Trump supporter"), and what a thing is designed to do has no doer.
// When the tree gives no
// subject that is an actor, word order decides: the actor group nearest
// before the trigger in the same sentence that is not the object of a
// preposition; a nominal trigger ("strikes", "talks") takes only its owner
// ("Russian strikes", "its inquiry") or the subject of a verb of doing
// ("orchestrated the attacks") or, for talks and visits, of the verb it
// hangs on ("flew to Jakarta for talks"). A participle clause shares its
// head's subject ("responded by throwing stones"); a relative clause on a
// thing that is no actor has no source. The target is the
// pattern's + slot, with its coordinated actors. Inside a direct quote whose
// source is a first-person pronoun or missing, the quote's speaker is the
// source.
//
// Events need actors that belong to a country or an organization: a role
// alone ("officials" in a story whose country the actor layer cannot tell)
// gives no event, since its code would be a bare sector.
//
// An arrest in the passive without its agent ("two suspects were
// arrested") is the act of the police, army, intelligence service or court
// whose verb of saying reports it ("Police said ..."), and of no one else.
//
// A verb pattern does not fire on a noun or adjective of the same spelling
// (unless the tree coordinates it with a verb: "pointed it, and shot at"),
// nor on a verb's particle ("win back the Senate"), nor on the first part
// of a compound adjective ("battle-hardened"), nor
// right after an article, a possessive or a preposition ("a live round
// on", "over alleged plots"). A target slot does not reach past the verb's
// object to an actor after it ("meet the pledge he offered", "support the
// policies Trump mentioned"), unless the actor names the object ("her rival
// Donald Trump"). A bare "meet", "march", "demonstrate", "interrupt" or
// "disrupt" with an object other than a date is no meeting or protest
// ("meets the requirement", "interrupted himself"), and
// calling an actor a name ("calls Libya a 'mess'") is no phone call, nor is
// asking a question ("asked Trump if ...") an appeal.
// Politicians fight each other with words and votes: between two political
// actors (governments, legislatures, parties, elites, politicians) an attack
// or assault without named arms is criticism (111, "Harris attacked Biden
// during the debate"), and between politicians, parties and legislatures a
// beating, fight, battle, capture or blockade is an election or a political
// struggle, no event ("beat Donald Trump in Florida", "Cruz's battle with
// Trump"); killing, abduction and a punch keep their codes. A denial with no one named ("Israel denied the
// accusation") answers the latest accusation against the denier's country
// in the four sentences before it; so does a promised retaliation with no
// one named ("Russia said it would retaliate") the latest hostile act
// against the threatener's country. A threat with no one named is against
// the actor its "if" or "unless" clause names ("warned it would act if
// Taipei pursued independence"). An appeal for de-escalation with no one
// named (0256, "urged restraint") addresses the belligerents: the sources
// of the story's violent events (18-20) up to fifteen sentences before. An
// arrest or a violent dispersal (173, 175) by police or soldiers with no one
// named is against the crowd of the protest (root 14) of their country
// nearest to it, three sentences either way ("police arrested 37 people
// after clashes"; "riot police, who responded with tear gas": a relative
// pronoun after a comma has the actor before the comma for antecedent,
// however the parser hung its clause). Aid
// or a visit with no recipient or host named goes to the country of the
// place it is delivered or made in, when that is not the giver's or the
// visitor's ("distributing rice in Cebu", "signed in Hanoi during a visit
// by Brazil's vice president"). An "also"
// event repeats the latest act of its kind by another source: it takes
// that act's target when it has none, and its more specific code ("also
// pledged aid" after "pledged emergency aid" is 0333). An expulsion (174)
// of an ambassador, envoy or diplomat is coded 161, as the CAMEO codebook
// says, and reduced relations with diplomats or a consulate are with their
// country.
//
// A sentence about sport, entertainment or games codes no event: discards.txt
// (embedded, in the CAMEO discard format) lists the phrases that mark one
// ("wickets", "World Cup", "semi-final", "box office"), and a user's
// discard dictionaries add theirs. An act one actor urges or asks another to
// do ("France urged India to sanction Russia") is not coded as done: the
// appeal is the event. An article's reports of the same event in several
// sentences are one event, the later ones kept as its Mentions.
//
// Negation (a "not" or "never" dependent of the trigger, or "not", "n't",
// "never", "no longer" just before it; or a refusal whose infinitive the
// trigger is: "declined to criticize", "refused to attack", "Ryan's refusal
// to support him", "failed to endorse", "was reluctant to endorse", "his
// reluctance to send troops", "instead of visiting", "rather than
// meeting") sets Negated; the event is still
// reported, flagged, so that users can drop or keep it. Modality is future
// ("will", "is due to"), intended ("plans to", "agreed to", "its intention to",
// "a commitment to"), hypothetical
// ("would", "could", "can", "should", "must", "if", what one likes or
// loves doing; but "would" in what a verb of saying
// reports is the future: "announced that she would launch an inquiry"; and
// a pattern that spells a modal, as threats do, is asserted), reported
// ("reportedly", "allegedly") or asserted, read from the trigger's
// auxiliaries and controlling verb in the tree and from the words before it;
// a noun or participle clause hanging on a future verb is future too. With dyad's own patterns, a future or
// intended consultation, cooperation, aid or concession is coded as the
// matching CAMEO intent code (04x → 036, 05x → 032, 06x → 031, 07x → 033,
// 08x → 035), the specific one where CAMEO has it (061-064 → 0311-0314,
// 071-074 → 0331-0334, 081, 082, 084-087 → 0351-0356, 083 → 034); intended
// force (18, 19, 20) as a threat of military force (138); a threatened
// protest, reduction of relations or coercion as CAMEO's threat of it (133,
// 131-136, 132, 137). A claim that an actor did a hostile act is an
// accusation of it (112); what a "whether" clause holds is hypothetical;
// "unable to", "without" and "has no plans to" negate. A verb dictionary's code is kept as its author wrote it.
//
// The event's date is the date expression of its sentence when there is one,
// else the dateline's date, else the article's; its location is a place named
// in the sentence after "in", "at", "near" or "outside", else the dateline's
// place. Each event carries its evidence: the sentence, the trigger span and
// the pattern (file:line and text). Two patterns firing on the same trigger
// for the same actors give one event, from the longer pattern.
package events
