package pipeline

import (
	"fmt"
	"os"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/actors"
	"github.com/dyadproject/dyad/internal/dict"
	"github.com/dyadproject/dyad/internal/events"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/ontology"
	"github.com/dyadproject/dyad/internal/places"
	"github.com/dyadproject/dyad/internal/quotes"
	"github.com/dyadproject/dyad/internal/themes"
	"github.com/dyadproject/dyad/internal/timex"
)

// Options chooses the resources of the standard stages.
type Options struct {
	// PatternFiles are event pattern files read in addition to the embedded
	// dictionary.
	PatternFiles []string
	// DictPaths are CAMEO/PETRARCH/TABARI dictionary files or folders whose
	// actors and agents extend the knowledge base (see kb.WithDictionaries).
	DictPaths []string
	// Warn, if set, receives each dictionary entry that was skipped as
	// malformed ("file:line: reason"); the rest of the file is used.
	Warn func(error)
	// Note, if set, receives remarks on the dictionaries read: what the
	// verb dictionary holds, the patterns it could not use and why, and
	// the issues, which do not take part in coding yet.
	Note func(string)
	// DictVerbsOnly codes events with the verbs of the dictionaries alone,
	// not dyad's own patterns (as PETRARCH would with them).
	DictVerbsOnly bool
	// DictOptions, if set, are PETRARCH's coding options for the
	// dictionaries' verbs (default: dict.DefaultOptions).
	DictOptions *dict.Options
}

// Language returns the stages of the language layer alone (tokenize, split,
// tag, lemmatize, parse), the part of the pipeline that tools compare with
// other NLP libraries.
func Language() ([]dyad.Stage, error) {
	an, err := lang.Load()
	if err != nil {
		return nil, err
	}
	return []dyad.Stage{an}, nil
}

// Standard returns dyad's stages in order: language, places, time, actors,
// quotes, events, themes and tone, built from the embedded resources.
func Standard(opt Options) ([]dyad.Stage, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, err
	}
	ont, err := ontology.Load()
	if err != nil {
		return nil, err
	}
	pats, err := events.DefaultPatterns(ont)
	if err != nil {
		return nil, err
	}
	var verbs *events.VerbDictionary
	if len(opt.DictPaths) > 0 {
		set, skipped, err := dict.Load(opt.DictPaths...)
		if err != nil {
			return nil, fmt.Errorf("load dictionaries: %w", err)
		}
		for _, e := range skipped {
			if opt.Warn != nil {
				opt.Warn(e)
			}
		}
		k = k.WithDictionaries(set)
		if opt.DictVerbsOnly {
			pats = events.EmptyPatterns()
		}
		if len(set.Verbs) > 0 || len(set.Discards) > 0 {
			verbs = events.NewVerbDictionary(set)
			if st := verbs.Stats(); opt.Note != nil {
				opt.Note(fmt.Sprintf("dictionaries: %d verbs (%d forms), %d patterns, %d synonym sets, %d discards; patterns not used: %v",
					st.Verbs, st.Forms, st.Patterns, st.Synsets, st.Discards, st.Skipped))
			}
		}
		if st := set.Stats(); opt.Note != nil && st.Issues > 0 {
			opt.Note(fmt.Sprintf("dictionaries: %d issues read but not used for coding yet", st.Issues))
		}
	}
	for _, path := range opt.PatternFiles {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("load patterns: %w", err)
		}
		err = pats.Add(path, f, ont)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	coder := events.NewCoder(pats, ont).WithDictionary(verbs)
	if opt.DictOptions != nil {
		coder = coder.WithOptions(*opt.DictOptions)
	}
	tagger, err := themes.NewTagger()
	if err != nil {
		return nil, err
	}
	toner, err := themes.NewToner()
	if err != nil {
		return nil, err
	}
	language, err := Language()
	if err != nil {
		return nil, err
	}
	return append(language,
		places.New(k),
		timex.Stage{},
		actors.New(k),
		quotes.Stage{},
		coder,
		tagger,
		toner,
	), nil
}
