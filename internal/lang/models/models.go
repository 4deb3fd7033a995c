// Package models embeds dyad's trained language models: the tagger, the
// lemmatizer, the parser and the named-entity recognizer, gzip-compressed,
// as `dyad train` wrote them. PROVENANCE.md beside them records the data,
// the command and the scores.
package models

import "embed"

// FS holds tagger.bin.gz, lemma.bin.gz, parser.bin.gz and ner.bin.gz.
//
//go:embed *.bin.gz
var FS embed.FS
