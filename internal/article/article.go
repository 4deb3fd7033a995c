package article

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// DefaultMaxBytes is the largest body text, in bytes, accepted for one article
// when Options.MaxBytes is zero: 2 MiB, some hundred times a long news story.
const DefaultMaxBytes = 2 << 20

// RawFactor bounds the raw form of one article: an HTML page, a feed file, a
// CSV record, a JSON line or a JSON array element may be RawFactor times
// MaxBytes (16 MiB by default), because markup is larger than the text it
// holds. See the package documentation for every limit.
const RawFactor = 8

// titleAllowance is what a plain-text file may hold beyond MaxBytes: its title
// line and the blank lines after it.
const titleAllowance = 4 << 10

// Options controls reading. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest body text accepted per article; 0 means
	// DefaultMaxBytes. Larger articles are refused with ErrTooLarge, never
	// truncated.
	MaxBytes int
	// Date is the publication date of articles whose input gives none (the
	// CLI's --date). It is used without a time of day.
	Date time.Time
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// Format, when not Unknown, skips content sniffing and reads every input
	// in this format.
	Format Format
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) maxRaw() int { return RawFactor * o.maxBytes() }

// Sentinel errors, wrapped in an *Error; test for them with errors.Is.
var (
	ErrEmpty         = errors.New("article: empty input")
	ErrBinary        = errors.New("article: binary input")
	ErrInvalidUTF8   = errors.New("article: invalid UTF-8")
	ErrTooLarge      = errors.New("article: too large")
	ErrNoText        = errors.New("article: no text")
	ErrMissingColumn = errors.New("article: missing column")
	ErrSyntax        = errors.New("article: syntax error")
)

// Error is a failure to read one input or one record of it.
type Error struct {
	// Input names the input as Article.Input would: the path ("-" for
	// standard input), "path[i]" for an element of a JSON array and "path#i"
	// for a feed item. CSV and JSON Lines errors name the file and set Line.
	Input string
	// Line is the 1-based line where the failing record starts, 0 if unknown.
	Line int
	// Record is the 1-based CSV data record (the header is not counted), 0
	// when the error is not about one record.
	Record int
	Err    error
}

// Error formats the failure as "news.csv: record 3 (line 7): reason".
func (e *Error) Error() string {
	switch {
	case e.Record > 0 && e.Line > 0:
		return fmt.Sprintf("%s: record %d (line %d): %v", e.Input, e.Record, e.Line, e.Err)
	case e.Record > 0:
		return fmt.Sprintf("%s: record %d: %v", e.Input, e.Record, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s: line %d: %v", e.Input, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Input, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// emitFunc receives each article or error; it returns false to stop reading.
type emitFunc func(*dyad.Article, error) bool

// Read yields every article found in paths, in a deterministic order: paths in
// the order given, folders walked recursively in lexical order with hidden
// files and folders (names starting with ".") skipped, and the path "-" read
// from Options.Stdin. For every input or record that cannot be read it yields
// an *Error and goes on with the next one. It stops early only when yield
// returns false or ctx is done; in the latter case it yields ctx.Err() (not
// an *Error) once and returns.
func Read(ctx context.Context, paths []string, opt Options) iter.Seq2[*dyad.Article, error] {
	return func(yield func(*dyad.Article, error) bool) {
		stopped := false
		emit := func(a *dyad.Article, err error) bool {
			if stopped {
				return false
			}
			if cerr := ctx.Err(); cerr != nil {
				stopped = true
				yield(nil, cerr)
				return false
			}
			if !yield(a, err) {
				stopped = true
			}
			return !stopped
		}
		for _, p := range paths {
			if !readPath(p, opt, emit) {
				return
			}
		}
	}
}

// ReadBytes yields the articles of one input held in memory, named name, as
// Read does for a file of that name.
func ReadBytes(name string, data []byte, opt Options) iter.Seq2[*dyad.Article, error] {
	return func(yield func(*dyad.Article, error) bool) {
		readInput(name, bytes.NewReader(data), opt, yield)
	}
}

func readPath(path string, opt Options, emit emitFunc) bool {
	if path == "-" {
		in := opt.Stdin
		if in == nil {
			in = os.Stdin
		}
		return readInput("-", in, opt, emit)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return emit(nil, &Error{Input: path, Err: fmt.Errorf("read: %w", err)})
	}
	if !fi.IsDir() {
		return readFile(path, opt, emit)
	}
	ok := true
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if p != path && d != nil && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err != nil {
			// A folder that cannot be listed: report it, keep walking.
			if ok = emit(nil, &Error{Input: p, Err: fmt.Errorf("read folder: %w", err)}); !ok {
				return filepath.SkipAll
			}
			return nil
		}
		if !wantFile(p, d) {
			return nil
		}
		if ok = readFile(p, opt, emit); !ok {
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		ok = emit(nil, &Error{Input: path, Err: fmt.Errorf("read folder: %w", err)})
	}
	return ok
}

// wantFile reports whether the walk reads p: regular files, and symbolic
// links to regular files (links to folders are not followed, so a walk cannot
// loop).
func wantFile(p string, d fs.DirEntry) bool {
	switch {
	case d.Type().IsRegular():
		return true
	case d.Type()&fs.ModeSymlink != 0:
		fi, err := os.Stat(p)
		return err != nil || fi.Mode().IsRegular() // a broken link is reported by readFile
	}
	return false
}

func readFile(path string, opt Options, emit emitFunc) bool {
	f, err := os.Open(path)
	if err != nil {
		return emit(nil, &Error{Input: path, Err: fmt.Errorf("read: %w", err)})
	}
	defer f.Close()
	return readInput(path, f, opt, emit)
}

// sniffLen is how much of an input Sniff looks at.
const sniffLen = 64 << 10

// input is one input stream after byte-order-mark handling.
type input struct {
	name string
	br   *bufio.Reader
	// base is the number of raw bytes before br's first byte (a UTF-8 BOM),
	// added to byte offsets in error messages.
	base int
	// decoded is set when the input was converted from UTF-16, so that an
	// HTML page's own charset declaration no longer applies.
	decoded bool
}

// readInput sniffs one input and hands it to its format's reader.
func readInput(name string, r io.Reader, opt Options, emit emitFunc) bool {
	in, err := openInput(name, r)
	fail := func(err error) bool { return emit(nil, &Error{Input: name, Err: err}) }
	if err != nil {
		return fail(err)
	}
	head, err := in.br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return fail(fmt.Errorf("read: %w", err))
	}
	if len(bytes.TrimSpace(head)) == 0 && len(head) < sniffLen {
		return fail(ErrEmpty)
	}
	if isBinary(head) {
		return fail(fmt.Errorf("%w: NUL bytes or control characters", ErrBinary))
	}
	format := opt.Format
	if format == Unknown {
		format = sniffDecoded(name, head)
	}
	switch format {
	case CSV:
		return readCSV(in, opt, emit)
	case JSONL:
		return readJSONL(in, opt, emit)
	case JSON:
		return readJSON(in, opt, emit)
	}
	limit := opt.maxRaw()
	if format == Text {
		limit = opt.maxBytes() + titleAllowance
	}
	data, err := readAll(in.br, limit, in.br.Buffered())
	if err != nil {
		return fail(err)
	}
	switch format {
	case HTML:
		return readHTML(in, data, opt, emit)
	case Feed:
		return readFeed(in, data, opt, emit)
	}
	return readText(in, data, opt, emit)
}

// openInput strips a UTF-8 byte-order mark and decodes UTF-16 with one.
func openInput(name string, r io.Reader) (*input, error) {
	size := sniffLen
	if br, ok := r.(*bytes.Reader); ok && br.Len() < size {
		size = br.Len() + 16 // no larger buffer than the input needs
	}
	br := bufio.NewReaderSize(r, size)
	bom, err := br.Peek(3)
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("read: %w", err)
	}
	in := &input{name: name, br: br}
	switch {
	case bytes.HasPrefix(bom, []byte("\xEF\xBB\xBF")):
		br.Discard(3)
		in.base = 3
	case bytes.HasPrefix(bom, []byte("\xFF\xFE")), bytes.HasPrefix(bom, []byte("\xFE\xFF")):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		in.br = bufio.NewReaderSize(transform.NewReader(br, dec), sniffLen)
		in.decoded = true
	}
	return in, nil
}

// readAll reads r to its end, refusing more than limit bytes; hint is the
// expected size.
func readAll(r io.Reader, limit, hint int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(min(hint, limit) + bytes.MinRead)
	_, err := b.ReadFrom(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	data := b.Bytes()
	if len(data) > limit {
		return nil, fmt.Errorf("%w: input is more than %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}
