package frontmatter

import (
	"bytes"
	"regexp"
	"strings"
)

// tomlKey is the first part of a TOML key at the start of a line: bare,
// "quoted" or 'literal', before a dot, an = or the ] of a table header.
var (
	tomlKeyRE   = regexp.MustCompile(`^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|=)`)
	tomlTableRE = regexp.MustCompile(`^\s*\[\[?\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|\]|$)`)
)

// tomlKeyLines maps each top-level key of TOML front matter to its line in
// the file (the front matter starts on file line 2): plain keys before the
// first table, quoted and dotted keys (`"draft" = true`, `build.list = …`)
// and the first part of table headers ([build], [[cascade]]), so that a key
// written in any of TOML's ways is named at its line.
func tomlKeyLines(raw []byte) map[string]int {
	lines := map[string]int{}
	inTable := false
	for i, l := range bytes.Split(raw, []byte("\n")) {
		if m := tomlTableRE.FindSubmatch(l); m != nil {
			inTable = true
			add(lines, unquoteKey(string(m[1])), i+2)
			continue
		}
		if inTable {
			continue // keys of the table, not of the page
		}
		if m := tomlKeyRE.FindSubmatch(l); m != nil {
			add(lines, unquoteKey(string(m[1])), i+2)
		}
	}
	return lines
}

func add(lines map[string]int, k string, line int) {
	if _, seen := lines[k]; !seen {
		lines[k] = line
	}
}

func unquoteKey(k string) string {
	if len(k) >= 2 && (k[0] == '"' || k[0] == '\'') {
		k = k[1 : len(k)-1]
		if strings.Contains(k, `\`) {
			k = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(k)
		}
	}
	return k
}
