package dict

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Kind is the kind of a dictionary file.
type Kind uint8

// The kinds of dictionary files.
const (
	KindUnknown  Kind = iota // no entries to tell the kind by
	KindActors               // actors: names and dated codes
	KindAgents               // agents: role nouns and sector codes
	KindDiscards             // discards: phrases that stop coding
	KindIssues               // issues: phrases and issue codes
	KindVerbs                // verbs: synsets, verb blocks, patterns, transformations
)

var kindNames = [...]string{"unknown", "actors", "agents", "discards", "issues", "verbs"}

// String returns the kind's name: "actors", "agents", "discards", "issues",
// "verbs" or "unknown".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Error is one skipped dictionary entry.
type Error struct {
	File   string // path of the dictionary file
	Line   int    // 1-based line of the entry
	Reason string // what is wrong with it
}

// Error returns "file:line: reason".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason) }

// ErrUnknownKind is returned by [Parse] for [KindUnknown].
var ErrUnknownKind = errors.New("dict: unknown dictionary kind")

// File records one file read into a [Set].
type File struct {
	Path string
	Kind Kind
}

// Set holds the entries of every dictionary file read, in file order.
type Set struct {
	Files      []File
	Actors     []Actor
	Agents     []Agent
	Discards   []Discard
	Issues     []Issue
	Verbs      []VerbSet   // verb blocks with their verbs and patterns
	Synsets    []Synset    // verb-file synonym sets (&NAME)
	Transforms []Transform // verb-file transformations (~ ...)
}

// Stats counts the entries of a [Set] by kind.
type Stats struct {
	Files      int
	Actors     int // actor entries
	ActorNames int // names of all actors, synonyms included
	Agents     int // agent entries
	AgentNames int // names and plurals of all agents
	Discards   int
	Issues     int
	VerbSets   int // verb blocks
	Verbs      int // verbs in the blocks
	Patterns   int // verb patterns
	Synsets    int
	Transforms int
}

// Stats counts the entries of s.
func (s *Set) Stats() Stats {
	st := Stats{
		Files: len(s.Files), Actors: len(s.Actors), Agents: len(s.Agents),
		Discards: len(s.Discards), Issues: len(s.Issues), VerbSets: len(s.Verbs),
		Synsets: len(s.Synsets), Transforms: len(s.Transforms),
	}
	for i := range s.Actors {
		st.ActorNames += len(s.Actors[i].Names)
	}
	for i := range s.Agents {
		st.AgentNames += len(s.Agents[i].Names) + len(s.Agents[i].Plurals)
	}
	for i := range s.Verbs {
		st.Verbs += len(s.Verbs[i].Verbs)
		st.Patterns += len(s.Verbs[i].Patterns)
	}
	return st
}

// String formats the counts on one line each, "kind count".
func (st Stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "files       %d\n", st.Files)
	fmt.Fprintf(&b, "actors      %d (%d names)\n", st.Actors, st.ActorNames)
	fmt.Fprintf(&b, "agents      %d (%d names and plurals)\n", st.Agents, st.AgentNames)
	fmt.Fprintf(&b, "discards    %d\n", st.Discards)
	fmt.Fprintf(&b, "issues      %d\n", st.Issues)
	fmt.Fprintf(&b, "verb sets   %d (%d verbs, %d patterns)\n", st.VerbSets, st.Verbs, st.Patterns)
	fmt.Fprintf(&b, "synsets     %d\n", st.Synsets)
	fmt.Fprintf(&b, "transforms  %d\n", st.Transforms)
	return b.String()
}

// Synset returns the synonym set name ("&CURRENCY") defined in the verb file
// file: patterns refer to the synsets of their own file.
func (s *Set) Synset(file, name string) (*Synset, bool) {
	for i := range s.Synsets {
		if s.Synsets[i].Name == name && s.Synsets[i].File == file {
			return &s.Synsets[i], true
		}
	}
	return nil, false
}

// add appends the entries of o to s.
func (s *Set) add(o *Set) {
	s.Files = append(s.Files, o.Files...)
	s.Actors = append(s.Actors, o.Actors...)
	s.Agents = append(s.Agents, o.Agents...)
	s.Discards = append(s.Discards, o.Discards...)
	s.Issues = append(s.Issues, o.Issues...)
	s.Verbs = append(s.Verbs, o.Verbs...)
	s.Synsets = append(s.Synsets, o.Synsets...)
	s.Transforms = append(s.Transforms, o.Transforms...)
}

// Load reads dictionary files. Each path is a file or a folder whose *.txt
// files (not its subfolders) are read in name order. The kind of each file is
// detected by [DetectKind]; a file without entries is listed in Files with
// [KindUnknown] and otherwise ignored. Skipped entries are returned as []error
// holding [*Error] values; the final error reports a path that cannot be read,
// and then the Set is nil.
func Load(paths ...string) (*Set, []error, error) {
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("dict: %w", err)
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return nil, nil, fmt.Errorf("dict: %w", err)
		}
		var names []string
		for _, e := range ents {
			if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(e.Name()), ".txt") {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			files = append(files, filepath.Join(p, n))
		}
	}
	set := &Set{}
	var errs []error
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, fmt.Errorf("dict: %w", err)
		}
		kind := DetectKind(f, data)
		if kind == KindUnknown {
			// Only a file without entries has no kind: nothing to read.
			set.Files = append(set.Files, File{Path: f, Kind: KindUnknown})
			continue
		}
		s, e, err := Parse(f, data, kind)
		if err != nil {
			return nil, nil, err
		}
		set.add(s)
		errs = append(errs, e...)
	}
	return set, errs, nil
}

// Parse reads one dictionary file of the given kind from data; name is used
// in the entries' File and in the errors. It returns the entries, the skipped
// entries as [*Error] values, and [ErrUnknownKind] for [KindUnknown].
func Parse(name string, data []byte, kind Kind) (*Set, []error, error) {
	p := &parser{file: name, set: &Set{Files: []File{{Path: name, Kind: kind}}}}
	text := strings.TrimPrefix(string(data), "\ufeff") // a byte-order mark is no part of the first entry
	switch kind {
	case KindActors:
		p.actors(text)
	case KindAgents:
		p.agents(text)
	case KindDiscards:
		p.discards(text)
	case KindIssues:
		p.issues(text)
	case KindVerbs:
		p.verbs(text)
	default:
		return nil, nil, fmt.Errorf("dict: %s: %w", name, ErrUnknownKind)
	}
	return p.set, p.errs, nil
}

// parser holds the state shared by the readers of every kind.
type parser struct {
	file string
	set  *Set
	errs []error
}

func (p *parser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Reason: fmt.Sprintf(format, args...)})
}

// DetectKind tells the kind of a dictionary file from its content, and from
// its name when the content is not conclusive (it returns [KindUnknown] only
// for a file without entries and without a telling name): verb files have "--- NAME
// [CODE] ---" blocks or &SYNSET lines, issue files <ISSUE> sections, agent
// files codes with '~' or !MARKER! = definitions, actor files bracketed codes
// without '~', and discard files no brackets at all.
func DetectKind(name string, data []byte) Kind {
	var verbs, issues, agents, actors, plain int
	eachLine(string(data), true, func(no int, text, _ string) bool {
		t := strings.TrimSpace(text)
		switch {
		case strings.HasPrefix(t, "<ISSUE") || strings.HasPrefix(t, "</ISSUE"):
			issues++
		case strings.HasPrefix(t, "---") && strings.Contains(t, "["):
			verbs++
		case len(t) > 1 && t[0] == '&' && isUpperASCII(t[1]):
			verbs++
		case len(t) > 1 && t[0] == '-' && strings.Contains(t, "*") && strings.Contains(t, "["):
			verbs++
		case strings.Contains(t, "[~") || strings.Contains(t, "~]") || (strings.HasPrefix(t, "!") && strings.Contains(t, "=")):
			agents++
		case strings.Contains(t, "["):
			actors++
		default:
			plain++
		}
		return true
	})
	switch {
	case verbs > 0 && verbs >= issues && verbs >= agents:
		return KindVerbs
	case issues > 0:
		return KindIssues
	case agents > 0:
		return KindAgents
	case actors > 0:
		return KindActors
	}
	if k := kindFromName(name); k != KindUnknown {
		return k
	}
	if plain > 0 {
		return KindDiscards
	}
	return KindUnknown
}

func kindFromName(name string) Kind {
	n := strings.ToLower(filepath.Base(name))
	switch {
	case strings.Contains(n, "verb") || strings.HasPrefix(n, "cameo"):
		return KindVerbs
	case strings.Contains(n, "agent"):
		return KindAgents
	case strings.Contains(n, "discard"):
		return KindDiscards
	case strings.Contains(n, "issue"):
		return KindIssues
	case strings.Contains(n, "actor"):
		return KindActors
	}
	return KindUnknown
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// eachLine calls fn for every line of text that holds something besides
// comments, with its 1-based number, its text without comments (leading
// blanks kept, trailing blanks removed) and the comment that followed '#' (or
// ';' when semicolon is set). XML comments <!-- ... --> are removed, also
// across lines. fn returns false to stop.
func eachLine(text string, semicolon bool, fn func(no int, text, comment string) bool) {
	no := 0
	inXML := false
	for len(text) > 0 {
		var line string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			line, text = text, ""
		}
		no++
		line = strings.TrimSuffix(line, "\r")
		if inXML {
			end := strings.Index(line, "-->")
			if end < 0 {
				continue
			}
			line = line[end+3:]
			inXML = false
		}
		for {
			start := strings.Index(line, "<!--")
			if start < 0 {
				break
			}
			end := strings.Index(line[start+4:], "-->")
			if end < 0 {
				line = line[:start]
				inXML = true
				break
			}
			line = line[:start] + line[start+4+end+3:]
		}
		comment := ""
		cut := strings.IndexByte(line, '#')
		if semicolon {
			if j := strings.IndexByte(line, ';'); j >= 0 && (cut < 0 || j < cut) {
				cut = j
			}
		}
		if cut >= 0 {
			line, comment = line[:cut], strings.TrimSpace(line[cut+1:])
		}
		line = strings.TrimRight(line, " \t\v\f")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !fn(no, line, comment) {
			return
		}
	}
}

// phrase turns a dictionary phrase into words joined by single blanks:
// underscores become blanks and runs of blanks collapse.
func phrase(s string) string {
	if strings.IndexByte(s, '_') < 0 && !strings.Contains(s, "  ") && strings.TrimSpace(s) == s && strings.IndexByte(s, '\t') < 0 {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

var _ error = (*Error)(nil)
