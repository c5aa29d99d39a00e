// Package frontmatter splits a content file into its front matter and body and
// parses the front matter, keeping line numbers so that every error can point
// a translator at the line to fix.
package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/redcross-no/familieinnvandring/internal/fileerr"
	"go.yaml.in/yaml/v3"
)

// Error is a problem at a line of the file (1-based); the caller names the
// file.
type Error = fileerr.Error

// Doc is a parsed content file.
type Doc struct {
	Format   string         // "yaml" or "toml"
	Params   map[string]any // the front matter
	KeyLines map[string]int // top-level key → line in the file
	Raw      []byte         // the front matter text between the delimiters
	Body     []byte         // everything after the closing delimiter
	BodyLine int            // the file line on which Body starts
}

// Line returns the line of a front-matter key, or the first line when the key is absent.
func (d *Doc) Line(key string) int {
	if l, ok := d.KeyLines[key]; ok {
		return l
	}
	return 1
}

// String returns a front-matter value as a string ("" when absent or not a string).
func (d *Doc) String(key string) string {
	s, _ := d.Params[key].(string)
	return s
}

var bom = []byte("\xef\xbb\xbf")

// Parse splits and parses src. It returns *Error for anything a translator can fix.
func Parse(src []byte) (*Doc, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, &Error{Line: 1, Msg: "the file is empty: start it with front matter (---, title: …, description: …, ---) and the text"}
	}
	if bytes.HasPrefix(src, bom) {
		return nil, &Error{Line: 1, Msg: "the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"}
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	first = bytes.TrimRight(first, " \t\r")
	var delim, format string
	switch string(first) {
	case "---":
		delim, format = "---", "yaml"
	case "+++":
		delim, format = "+++", "toml"
	default:
		if dashLine(first) && !bytes.HasPrefix(first, []byte("--")) {
			return nil, &Error{Line: 1, Msg: fmt.Sprintf("front matter must start with a line of exactly --- (three hyphens; found %q): a word processor may have turned them into a dash", first)}
		}
		if bytes.HasPrefix(first, []byte("--")) || bytes.HasPrefix(first, []byte("++")) {
			return nil, &Error{Line: 1, Msg: fmt.Sprintf("front matter must start with a line of exactly --- (found %q)", first)}
		}
		return nil, &Error{Line: 1, Msg: "no front matter: the first line must be --- followed by title: and description:"}
	}
	// Find the closing delimiter on a line of its own.
	lines := bytes.SplitAfter(rest, []byte("\n"))
	off := 0
	for i, l := range lines {
		t := bytes.TrimRight(l, " \t\r\n")
		if string(t) == delim || (format == "yaml" && string(t) == "...") {
			raw := rest[:off]
			d := &Doc{Format: format, Raw: raw, Body: rest[off+len(l):], BodyLine: i + 3}
			if err := d.parse(); err != nil {
				return nil, err
			}
			return d, nil
		}
		// "--- text" would start a second YAML document, whose keys are silently dropped.
		if format == "yaml" && (dashLine(t) || bytes.HasPrefix(t, []byte("--- "))) {
			return nil, &Error{Line: i + 2, Msg: fmt.Sprintf("front matter must end with a line of exactly %s (three hyphens; found %q)", delim, t)}
		}
		off += len(l)
	}
	return nil, &Error{Line: 1, Msg: fmt.Sprintf("front matter is not closed: add a line with %s after the last key", delim)}
}

// dashLine reports a line of nothing but hyphens and the dashes a word
// processor puts in their place (– — ‐ −).
func dashLine(t []byte) bool {
	if len(t) == 0 {
		return false
	}
	for _, r := range string(t) {
		if !strings.ContainsRune("-‐‑‒–—―−", r) {
			return false
		}
	}
	return true
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

func (d *Doc) parse() error {
	d.KeyLines = map[string]int{}
	d.Params = map[string]any{}
	switch d.Format {
	case "yaml":
		var n yaml.Node
		if err := yaml.Unmarshal(d.Raw, &n); err != nil {
			return yamlError(err)
		}
		if len(n.Content) == 0 {
			return nil
		}
		root := n.Content[0]
		if root.Kind != yaml.MappingNode {
			return &Error{Line: root.Line + 1, Msg: "front matter must be a list of keys (key: value)"}
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			k := root.Content[i]
			if _, dup := d.KeyLines[k.Value]; dup {
				return &Error{Line: k.Line + 1, Msg: fmt.Sprintf("key %q appears twice: keep one", k.Value)}
			}
			d.KeyLines[k.Value] = k.Line + 1
		}
		if err := root.Decode(&d.Params); err != nil {
			return yamlError(err)
		}
	case "toml":
		if err := toml.Unmarshal(d.Raw, &d.Params); err != nil {
			var de *toml.DecodeError
			if errors.As(err, &de) {
				l, _ := de.Position()
				return &Error{Line: l + 1, Msg: fmt.Sprintf("front matter is not valid TOML (%s): check quotes and the = after each key", strings.TrimPrefix(de.Error(), "toml: "))}
			}
			return &Error{Line: 1, Msg: fmt.Sprintf("front matter is not valid TOML (%v): check quotes and the = after each key", strings.TrimPrefix(err.Error(), "toml: "))}
		}
		d.KeyLines = tomlKeyLines(d.Raw)
	}
	return nil
}

func yamlError(err error) error {
	msg := err.Error()
	// yaml.v3 leaves out "line N" for problems on the first line.
	line := 2
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = n + 1
	}
	msg = yamlLine.ReplaceAllString(msg, "")
	msg = regexp.MustCompile(`^yaml:\s*:?\s*`).ReplaceAllString(msg, "")
	return &Error{Line: line, Msg: fmt.Sprintf("front matter is not valid YAML (%s): check quotes and the colon after each key", msg)}
}
