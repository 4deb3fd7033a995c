package article

import (
	"regexp"
	"strings"
	"unicode"
)

// maxDebrisLine is the longest line the word rules below may call debris; a
// longer line is a paragraph, whatever its first words.
const maxDebrisLine = 300

// maxCell is the longest average cell of a line with pipes that is a table
// row; a paragraph with two pipes in it (wiki markup) is not one.
const maxCell = 60

// debrisWords are whole lines that are page furniture, compared without case.
var debrisWords = []string{
	"advertisement", "advertisements", "sponsored", "sponsored content",
	"share", "share this", "share this article", "share this story",
	"skip advertisement", "story continues below advertisement", "continue reading",
}

// rxDebrisPrefix matches the start of a credit, link or copyright line.
var rxDebrisPrefix = regexp.MustCompile(`(?i)^(?:` +
	`photos?\s*:|photo\s+by\s|photograph\s*:|image\s*:|picture\s*:|file\s+photo\s*:|` +
	`read\s+more\s*:|related\s*:|see\s+also\s*:|also\s+read\s*:|` +
	`©|\(c\)\s*\d{4}|copyright\s+(?:©|\(c\)|\d{4}))`)

// rxPhotoCredit matches a line that ends with a photo credit in
// parentheses: "(AP Photo/Evan Vucci)", "(Photo: Reuters)".
var rxPhotoCredit = regexp.MustCompile(`\((?:[^()]*[\s/])?(?:Photo|PHOTO|Photograph|Image|IMAGE)\b[^()]*\)$`)

// isDebris reports whether a line of text is scrape debris, kept in the text
// but not analyzed. The rules, on the line without surrounding spaces:
//
//   - a table row or caption: the line starts or ends with "|", or holds
//     two or more "|" between cells of 60 bytes or less on average;
//   - a line of page furniture alone: "Advertisement", "Share this article";
//   - a line up to 300 bytes that starts a credit, a link or a copyright
//     notice: "Photo: ...", "Read more: ...", "Related: ...", "© 2026 ...",
//     or that ends with a photo credit such as "(AP Photo/Evan Vucci)".
func isDebris(s string) bool {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s == "" {
		return false
	}
	if s[0] == '|' || s[len(s)-1] == '|' {
		return true
	}
	if pipes := strings.Count(s, "|"); pipes >= 2 && len(s) <= maxCell*(pipes+1) {
		return true
	}
	if len(s) > maxDebrisLine {
		return false
	}
	for _, w := range debrisWords {
		if len(s) <= len(w)+1 && strings.EqualFold(strings.TrimRight(s, ":."), w) {
			return true
		}
	}
	// The first byte of every prefix rxDebrisPrefix knows ("\xc2" starts ©).
	const starts = "PpIiRrSsAaFfCc(\xc2"
	return strings.IndexByte(starts, s[0]) >= 0 && rxDebrisPrefix.MatchString(s) ||
		s[len(s)-1] == ')' && rxPhotoCredit.MatchString(s)
}
