package check

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Direction controls are invisible. An override (U+202E) shows text in
// reverse, so "815 55 201" can read as another number; embeddings and
// isolates move words and numbers around; a mark (LRM U+200E, RLM U+200F,
// ALM U+061C) can move a number or a Latin name to the other side of its
// neighbours. The site sets the direction itself: dir on every page and
// <bdi> around numbers, addresses and Latin names. So none of them is ever
// needed (the site's text uses none), and all of them are refused, in
// content, i18n and data, however they are written: as the character, as an
// HTML entity (&#x202E; &rlm;) or as an escape in a TOML or YAML string
// (\u202E). Joiners (ZWJ, ZWNJ), which Persian and Indic scripts need, are
// not direction controls and stay allowed.
var bidiNames = map[rune]string{
	0x061C: "ARABIC LETTER MARK",
	0x200E: "LEFT-TO-RIGHT MARK",
	0x200F: "RIGHT-TO-LEFT MARK",
	0x202A: "LEFT-TO-RIGHT EMBEDDING",
	0x202B: "RIGHT-TO-LEFT EMBEDDING",
	0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE",
	0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE",
}

// bidiWritten finds a direction control written out: an HTML entity, named
// or numeric, or a \u / \U escape.
var bidiWritten = regexp.MustCompile(`(?i:&(?:lrm|rlm|#x0*[0-9a-f]{1,6}|#0*[0-9]{1,7});?)|\\U[0-9a-fA-F]{8}|\\u[0-9a-fA-F]{4}`)

// BidiProblems reports every line of a file with a direction control, as
// the character or written out, once per line.
func BidiProblems(rel string, src []byte) []Problem {
	var out []Problem
	for i, line := range bytes.Split(src, []byte("\n")) {
		if p := bidiInLine(string(line)); p != "" {
			out = append(out, Problem{File: rel, Line: i + 1, Msg: p})
		}
	}
	return out
}

func bidiInLine(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf || r == '&' || r == '\\' }) {
		return "" // plain ASCII text, no entity or escape: most lines
	}
	for _, r := range s {
		if name, ok := bidiNames[r]; ok {
			return fmt.Sprintf("invisible direction character U+%04X (%s): delete it (the site sets text direction itself)", r, name)
		}
	}
	if !strings.ContainsAny(s, "&\\") {
		return ""
	}
	for _, m := range bidiWritten.FindAllString(s, -1) {
		r := writtenRune(m)
		if name, ok := bidiNames[r]; ok {
			return fmt.Sprintf("invisible direction character U+%04X (%s) written as %s: delete it (the site sets text direction itself)", r, name, m)
		}
	}
	return ""
}

func writtenRune(m string) rune {
	if m[0] == '\\' {
		n, err := strconv.ParseUint(m[2:], 16, 32) // \u or \U: hex after two bytes
		if err != nil {
			return utf8.RuneError
		}
		return rune(n)
	}
	e := m
	if !strings.HasSuffix(e, ";") {
		e += ";"
	}
	r, _ := utf8.DecodeRuneInString(html.UnescapeString(strings.ToLower(e[:2]) + e[2:]))
	if strings.EqualFold(e, "&lrm;") {
		return 0x200E
	}
	if strings.EqualFold(e, "&rlm;") {
		return 0x200F
	}
	return r
}

// bidiFiles checks i18n/ and data/ (content files are checked as they are read).
func (c *checker) bidiFiles() {
	for _, dir := range []string{"i18n", "data"} {
		entries, _ := os.ReadDir(filepath.Join(c.root, dir))
		for _, e := range entries {
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			rel := dir + "/" + e.Name()
			b, err := os.ReadFile(filepath.Join(c.root, rel))
			if err == nil {
				c.r.Problems = append(c.r.Problems, BidiProblems(rel, b)...)
			}
		}
	}
}
