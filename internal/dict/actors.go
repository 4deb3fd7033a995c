package dict

import (
	"fmt"
	"strings"
	"time"
)

// Actor is one actor entry: a primary name, its synonyms and its codes.
type Actor struct {
	Names []string // primary name first, then synonyms; underscores read as blanks
	// Disconnected are the names written with a blank between two words,
	// as written (blanks collapsed, underscores kept): other words may
	// stand between those two in the text ("ITHILEN TELEVISION" names
	// "Ithilen state-run television"), as in TABARI and PETRARCH, while
	// words joined by '_' must be consecutive.
	Disconnected []string
	Codes        []DatedCode // in file order
	File         string
	Line         int // line of the primary name
}

// DatedCode is an actor code with an optional validity period. From and To
// are inclusive days (UTC midnight); the zero time leaves that side open, so a
// code with both zero is undated.
type DatedCode struct {
	Code     string
	From, To time.Time
}

// Dated reports whether c has a date restriction.
func (c DatedCode) Dated() bool { return !c.From.IsZero() || !c.To.IsZero() }

// Covers reports whether the day of t lies within c's period.
func (c DatedCode) Covers(t time.Time) bool {
	d := day(t)
	return (c.From.IsZero() || !d.Before(c.From)) && (c.To.IsZero() || !d.After(c.To))
}

// String writes c back in dictionary form: "USAGOV", "USAGOV >20090120",
// "USAELI <20041102" or "USAGOV 20090120-20170120".
func (c DatedCode) String() string {
	const f = "20060102"
	switch {
	case c.From.IsZero() && c.To.IsZero():
		return c.Code
	case c.To.IsZero():
		return c.Code + " >" + c.From.Format(f)
	case c.From.IsZero():
		return c.Code + " <" + c.To.Format(f)
	}
	return c.Code + " " + c.From.Format(f) + "-" + c.To.Format(f)
}

// Name returns the actor's primary name.
func (a *Actor) Name() string {
	if len(a.Names) == 0 {
		return ""
	}
	return a.Names[0]
}

// CodeOn returns the code valid on the day of t. Among the dated codes whose
// period covers that day, the one that began last wins (on a hand-over day,
// when "<20090120" and ">20090120" both apply, the new office wins); equal
// starts go to the one written first. When no dated code covers the day, the
// first undated code is the default. Without either, CodeOn returns "", false:
// the null code.
func (a *Actor) CodeOn(t time.Time) (string, bool) {
	best := -1
	for i, c := range a.Codes {
		if !c.Dated() || !c.Covers(t) {
			continue
		}
		if best < 0 || c.From.After(a.Codes[best].From) {
			best = i
		}
	}
	if best >= 0 {
		return a.Codes[best].Code, true
	}
	return a.DefaultCode()
}

// DefaultCode returns the first undated code, the one that applies when no
// date restriction does.
func (a *Actor) DefaultCode() (string, bool) {
	for _, c := range a.Codes {
		if !c.Dated() {
			return c.Code, true
		}
	}
	return "", false
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// actors reads an actor file. An entry is a primary line, then '+' synonym
// lines and '[...]' code lines; codes written on a synonym line (TABARI
// allowed it) belong to the whole entry. A malformed primary line discards the whole
// entry, so that its synonyms and codes do not stick to the previous actor;
// a malformed synonym or code line is skipped alone.
func (p *parser) actors(text string) {
	var cur *Actor
	skipping := false // the current entry's primary line was bad
	flush := func() {
		if cur != nil {
			p.set.Actors = append(p.set.Actors, *cur)
			cur = nil
		}
	}
	eachLine(text, true, func(no int, line, _ string) bool {
		t := strings.TrimSpace(line)
		switch t[0] {
		case '[':
			if skipping {
				return true
			}
			if cur == nil {
				p.errorf(no, "code %s without an actor name before it", t)
				return true
			}
			codes, err := parseCodes(t)
			if err != nil {
				p.errorf(no, "%v", err)
				return true
			}
			cur.Codes = append(cur.Codes, codes...)
		case '+':
			if skipping {
				return true
			}
			if cur == nil {
				p.errorf(no, "synonym %s without an actor name before it", t)
				return true
			}
			name, codes, err := splitNameCodes(t[1:])
			switch {
			case err != nil:
				p.errorf(no, "%v", err)
			case name == "":
				p.errorf(no, "empty synonym")
			default:
				cur.Names = append(cur.Names, name)
				cur.Codes = append(cur.Codes, codes...)
				if w, ok := disconnected(t[1:]); ok {
					cur.Disconnected = append(cur.Disconnected, w)
				}
			}
		default:
			flush()
			skipping = false
			name, codes, err := splitNameCodes(t)
			switch {
			case err != nil:
				p.errorf(no, "%v; entry skipped", err)
				skipping = true
			case name == "":
				p.errorf(no, "empty actor name; entry skipped")
				skipping = true
			default:
				cur = &Actor{Names: []string{name}, Codes: codes, File: p.file, Line: no}
				if w, ok := disconnected(t); ok {
					cur.Disconnected = []string{w}
				}
			}
		}
		return true
	})
	flush()
}

// splitNameCodes splits "NAME_PHRASE [CODE ...] [CODE ...]" into the phrase
// and its codes.
func splitNameCodes(s string) (string, []DatedCode, error) {
	i := strings.IndexAny(s, "[]")
	if i < 0 {
		return phrase(s), nil, nil
	}
	name := phrase(s[:i])
	codes, err := parseCodes(strings.TrimSpace(s[i:]))
	return name, codes, err
}

// disconnected returns the name of an actor line as written, blanks
// collapsed and underscores kept, when a blank stands between two of its
// words.
func disconnected(line string) (string, bool) {
	if i := strings.IndexAny(line, "[]"); i >= 0 {
		line = line[:i]
	}
	w := strings.Join(strings.Fields(strings.Trim(line, "_ \t")), " ")
	return w, strings.Contains(w, " ")
}

// parseCodes reads one or more bracketed codes: "[AFG]", "[USAGOV >20090120]
// [ELI]".
func parseCodes(s string) ([]DatedCode, error) {
	var out []DatedCode
	for s != "" {
		if s[0] != '[' {
			return nil, fmt.Errorf("unexpected %q after code", s)
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return nil, fmt.Errorf("unclosed bracket in %q", s)
		}
		inner := s[1:end]
		if strings.IndexByte(inner, '[') >= 0 {
			return nil, fmt.Errorf("unclosed bracket in %q", s[:end+1])
		}
		c, err := parseDatedCode(inner)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
		s = strings.TrimSpace(s[end+1:])
	}
	return out, nil
}

// parseDatedCode reads the inside of a code bracket: "CODE", "CODE >DATE",
// "CODE <DATE" or "CODE DATE-DATE" (blanks after < and > are tolerated).
func parseDatedCode(s string) (DatedCode, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return DatedCode{}, fmt.Errorf("empty code []")
	}
	c := DatedCode{Code: f[0]}
	if len(f) == 1 {
		return c, nil
	}
	r := strings.Join(f[1:], "")
	var err error
	switch {
	case r[0] == '>':
		c.From, err = parseDate(r[1:])
	case r[0] == '<':
		c.To, err = parseDate(r[1:])
	case strings.IndexByte(r, '-') >= 0:
		i := strings.IndexByte(r, '-')
		if c.From, err = parseDate(r[:i]); err == nil {
			c.To, err = parseDate(r[i+1:])
		}
		if err == nil && c.To.Before(c.From) {
			err = fmt.Errorf("date range %s ends before it starts", r)
		}
	default:
		err = fmt.Errorf("date restriction %q needs <DATE, >DATE or DATE-DATE", r)
	}
	if err != nil {
		return DatedCode{}, fmt.Errorf("code [%s]: %w", s, err)
	}
	return c, nil
}

// parseDate reads YYYYMMDD or YYMMDD (00-30 mean 20xx, 31-99 mean 19xx).
func parseDate(s string) (time.Time, error) {
	if len(s) != 6 && len(s) != 8 {
		return time.Time{}, fmt.Errorf("bad date %q: want YYYYMMDD or YYMMDD", s)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, fmt.Errorf("bad date %q: want YYYYMMDD or YYMMDD", s)
		}
		n = n*10 + int(s[i]-'0')
	}
	var y, m, d int
	if len(s) == 8 {
		y, m, d = n/10000, n/100%100, n%100
	} else {
		y, m, d = n/10000, n/100%100, n%100
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, fmt.Errorf("bad date %q: no such day", s)
	}
	return t, nil
}
