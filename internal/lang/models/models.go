// Package models embeds dyad's trained language models: the tagger, the
// lemmatizer and the parser, gzip-compressed, as `dyad train` wrote them.
// PROVENANCE.md beside them records the data, the command and the scores.
package models

import "embed"

// FS holds tagger.bin.gz, lemma.bin.gz and parser.bin.gz.
//
//go:embed *.bin.gz
var FS embed.FS
