// Package translation knows which version of a source-language page each
// translation was made from, so that a changed source makes its translations
// outdated. Hugo has no such notion; the layouts compute the same hash
// (layouts/_partials/funcs/source-hash.html), so stock Hugo shows readers
// the same notices as this tool shows translators.
//
// A source version is the page's normalised title, description and body
// (Normalise); its short SHA-256 (Hash) goes into each translation's front
// matter as source_hash, and a copy of the text is kept in source-versions/
// so that `site status --diff` can show what changed, without git.
package translation

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"
)

// HashLen is the number of hex digits kept of the SHA-256.
const HashLen = 12

// The same three expressions are in layouts/_partials/funcs/source-hash.html;
// a test in internal/hugorun checks that both give the same hash for every page.
var (
	lineEnds       = regexp.MustCompile(`\r\n?`)
	trailingSpaces = regexp.MustCompile(`[ \t]+\n`)
	blankLines     = regexp.MustCompile(`\n{3,}`)
)

// Normalise returns the text of a source version: what a translator
// translates. Line endings, spaces at line ends, the number of blank lines
// between paragraphs and leading or trailing space do not count as changes:
// editors and operating systems change them without changing the text.
func Normalise(title, description, body string) string {
	// Each expression runs only where it can match: most pages have none of
	// these, and the expressions are most of the time `site serve` spends
	// checking a save.
	if strings.Contains(body, "\r") {
		body = lineEnds.ReplaceAllString(body, "\n")
	}
	if strings.Contains(body, " \n") || strings.Contains(body, "\t\n") {
		body = trailingSpaces.ReplaceAllString(body, "\n")
	}
	if strings.Contains(body, "\n\n\n") {
		body = blankLines.ReplaceAllString(body, "\n\n")
	}
	body = strings.TrimSpace(body)
	return "title: " + strings.TrimSpace(title) + "\ndescription: " + strings.TrimSpace(description) + "\n\n" + body + "\n"
}

// Hash returns the short hash of a normalised text.
func Hash(normalised string) string {
	sum := sha256.Sum256([]byte(normalised))
	return hex.EncodeToString(sum[:])[:HashLen]
}

var hashRE = regexp.MustCompile(`^[0-9a-f]{` + strconv.Itoa(HashLen) + `}$`)

// ValidHash reports whether s looks like a hash made by Hash.
func ValidHash(s string) bool { return hashRE.MatchString(s) }
