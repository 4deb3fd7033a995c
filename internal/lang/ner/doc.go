// Package ner is dyad's statistical named-entity recognizer: a greedy
// left-to-right averaged perceptron that labels each word of a sentence with
// an IOB2 label over three types, PER (people), ORG (organizations) and LOC
// (locations), trained by dyad itself on Universal NER's English EWT. A
// second pass labels the sentence again with the first pass's labels of the
// words ahead in sight (trained on jackknifed first-pass labels, as they are
// on unseen text), which mends some boundaries a greedy pass gets wrong.
//
// It complements the knowledge base: the knowledge base knows its names
// exactly; the recognizer finds the names it lacks from how they look and
// where they stand.
//
// # Features
//
// For each word the recognizer looks at the word itself (as written and
// normalized), its shape ("Xxxx", "X.X.", "dd"), prefixes and suffixes, the
// two words on each side and their shapes, the part-of-speech tags that
// dyad's tagger predicted (never gold tags), the two labels it predicted
// before, how the sentence uses capitals (web text is often all lower case),
// two granularities of word clusters learnt from unlabelled news text
// ([Cluster]), and whether a gazetteer phrase (a country, capital, city,
// town, region, organization, nationality, role noun or person's name)
// starts or continues at the word, as written or in lower case.
//
// # Model
//
// Weights are the perceptron package's (hashed features, float16 on disk).
// The gazetteer is stored as 48-bit hashes of its phrases' words, not as
// text, and the clusters as hashes of the words with two cluster numbers:
// the model file carries no copy of the lists it learnt from.
//
// # Invariants
//
//   - Labels are valid IOB2: decoding never puts I-X after anything but
//     B-X or I-X.
//   - A [Model] carries everything it needs (weights, clusters, gazetteer
//     phrases as hashes); it is immutable and safe for concurrent use.
//   - Training is deterministic: the same data and options write the same
//     bytes.
package ner
