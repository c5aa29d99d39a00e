package translation

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

// Field is one front-matter key to set, with its value written as a string
// (Quote) or bare (a date).
type Field struct {
	Key, Value string
	Quote      bool
}

// SetFields returns src with each field set in its front matter: an existing
// line is replaced where it is, a new key goes at the end of the front matter.
// Everything else in the file stays byte for byte as it was.
func SetFields(src []byte, fields []Field) ([]byte, error) {
	doc, err := frontmatter.Parse(src)
	if err != nil {
		return nil, err
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	closing := doc.BodyLine - 2 // 0-based index of the closing delimiter line
	if closing < 1 || closing >= len(lines) {
		return nil, fmt.Errorf("cannot find the end of the front matter")
	}
	nl := []byte("\n")
	if bytes.HasSuffix(lines[0], []byte("\r\n")) {
		nl = []byte("\r\n")
	}
	var add [][]byte
	for _, f := range fields {
		line := formatField(doc.Format, f, nl)
		if at, ok := doc.KeyLines[f.Key]; ok {
			i := at - 1
			// A YAML value continued on indented lines is replaced whole.
			end := i + 1
			for doc.Format == "yaml" && end < closing && continued.Match(lines[end]) {
				end++
			}
			lines = append(lines[:i], append([][]byte{line}, lines[end:]...)...)
			closing -= end - i - 1
			doc, err = frontmatter.Parse(bytes.Join(lines, nil))
			if err != nil {
				return nil, err
			}
			continue
		}
		add = append(add, line)
	}
	out := bytes.Join(lines[:closing], nil)
	for _, l := range add {
		out = append(out, l...)
	}
	out = append(out, bytes.Join(lines[closing:], nil)...)
	// Front matter in an unusual shape (a YAML {…} mapping, say) could take
	// an added line differently: never write a file that does not say what
	// was asked.
	check, err := frontmatter.Parse(out)
	if err != nil {
		return nil, fmt.Errorf("front matter is not written as one `key: value` per line: rewrite it so, then run again")
	}
	for _, f := range fields {
		if asText(check.Params[f.Key]) != f.Value {
			return nil, fmt.Errorf("front matter is not written as one `key: value` per line (%s could not be set): rewrite it so, then run again", f.Key)
		}
	}
	return out, nil
}

// asText is a front-matter value as it was written: dates as YYYY-MM-DD.
func asText(v any) string {
	if t, ok := v.(time.Time); ok {
		return t.Format(time.DateOnly)
	}
	return fmt.Sprint(v)
}

var (
	continued = regexp.MustCompile(`^[ \t]+\S`)
	dateOnly  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func formatField(format string, f Field, nl []byte) []byte {
	v := f.Value
	// TOML has no bare strings; a date stays bare in both formats.
	if f.Quote || (format == "toml" && !dateOnly.MatchString(v)) {
		v = quote(v)
	}
	if format == "toml" {
		return append([]byte(f.Key+" = "+v), nl...)
	}
	return append([]byte(f.Key+": "+v), nl...)
}

// quote writes s as a double-quoted string that TOML and YAML both read
// back as s. strconv.Quote's \a, \v and \x escapes are Go's, not TOML's.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			switch {
			case r != ' ' && !unicode.IsPrint(r) && r > 0xFFFF:
				fmt.Fprintf(&b, `\U%08X`, r)
			case r != ' ' && !unicode.IsPrint(r):
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
