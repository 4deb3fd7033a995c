package dict

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Options are the coding options of PETRARCH (its config.ini [Options], and
// the <Config> elements of its validation suite) that dyad's dictionary
// coder follows.
type Options struct {
	// RequireDyad: an event needs both a source and a target; when off,
	// the missing or uncoded one is written "---".
	RequireDyad bool
	// Comma-delimited clause elimination: the words between two commas
	// (internal), before the first comma (initial) or after the last one
	// (terminal) are not coded when their number of words lies within
	// [min, max]; a max of 0 turns that kind off. Only whole phrases
	// inside the span are dropped, and only commas between clauses count
	// (not those of a list or an apposition, inside a noun phrase).
	CommaMin, CommaMax   int
	CommaBMin, CommaBMax int
	CommaEMin, CommaEMax int
	// NewActorLength: a noun phrase the dictionaries do not code, of at
	// most this many words, is an actor of its own, coded with its words
	// in capitals between double quotes ('"THE MINISTRY OF MAGIC"'); 0
	// (the default) turns it off.
	NewActorLength int
}

// DefaultOptions returns PETRARCH's defaults: require_dyad on, internal
// clauses of 2 to 8 words and terminal ones of 2 to 8 words dropped,
// initial ones kept.
func DefaultOptions() Options {
	return Options{RequireDyad: true, CommaMin: 2, CommaMax: 8, CommaEMin: 2, CommaEMax: 8}
}

// ErrUnknownOption is returned by [Options.Set] for an option dyad does not
// follow (PETRARCH's stop_on_error among them).
var ErrUnknownOption = errors.New("dict: option dyad does not follow")

// Set sets one option by PETRARCH's name (require_dyad, new_actor_length,
// comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax) as PETRARCH
// reads it: require_dyad is off when the value holds "false" in any letter
// case. Another option is [ErrUnknownOption]; a comma value that is no
// integer is an error naming it.
func (o *Options) Set(option, value string) error {
	if option == "require_dyad" {
		o.RequireDyad = !strings.Contains(strings.ToLower(value), "false")
		return nil
	}
	fields := map[string]*int{"new_actor_length": &o.NewActorLength, "comma_min": &o.CommaMin, "comma_max": &o.CommaMax, "comma_bmin": &o.CommaBMin,
		"comma_bmax": &o.CommaBMax, "comma_emin": &o.CommaEMin, "comma_emax": &o.CommaEMax}
	f, ok := fields[option]
	if !ok {
		return fmt.Errorf("%w: %q", ErrUnknownOption, option)
	}
	n, err := strconv.Atoi(strings.TrimSpace(value))
	if err != nil {
		return fmt.Errorf("option %s: value %q is not an integer", option, value)
	}
	*f = n
	return nil
}
