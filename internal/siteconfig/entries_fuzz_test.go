package siteconfig

import (
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

// FuzzEntries: every setting go-toml decodes from a hugo.toml is one of
// Entries' keys, so no setting, however written (dotted keys, inline
// tables, quoted keys, arrays of tables in either form), escapes the rules
// that check applies to them.
func FuzzEntries(f *testing.F) {
	f.Add([]byte("baseURL = \"https://x/\"\n[params]\nquickExitURL = \"https://www.yr.no/\"\n"))
	f.Add([]byte("markup.goldmark = {renderer = {unsafe = true}}\n"))
	f.Add([]byte("[[module.mounts]]\nsource = \"content/nb\"\n[module.mounts.sites.matrix]\nlanguages = [\"nb\"]\n[[module.mounts]]\nsource = \"i18n\"\n"))
	f.Add([]byte("module = {mounts = [{source = \"a\", excludeFiles = [\"*.md\"]}]}\n[\"languages\".'ar'.params]\nquickExitURL = \"https://x/\"\n"))
	f.Add([]byte("a = [[{b = 1}], 2]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var doc map[string]any
		if toml.Unmarshal(b, &doc) != nil {
			return
		}
		entries, err := Entries(b)
		if err != nil {
			t.Fatalf("go-toml decodes it, Entries does not: %v", err)
		}
		have := map[string]bool{}
		for _, e := range entries {
			have[e.Key] = true
			if e.Line < 1 || e.Line > strings.Count(string(b), "\n")+1 {
				t.Fatalf("%s on line %d", e.Key, e.Line)
			}
		}
		for _, k := range leafKeys(nil, doc) {
			if !have[k] {
				t.Fatalf("setting %q is not among the entries %v", k, have)
			}
		}
	})
}

// leafKeys flattens a decoded document as Entries does: lower case, "[]"
// for an array that holds tables.
func leafKeys(parts []string, m map[string]any) []string {
	var out []string
	for k, v := range m {
		sub := append(append([]string{}, parts...), k)
		key := lowerKey(sub)
		switch t := v.(type) {
		case map[string]any:
			out = append(out, leafKeys(sub, t)...)
		case []any:
			tables := false
			for _, e := range t {
				if _, ok := e.(map[string]any); ok {
					tables = true
				}
			}
			if !tables {
				out = append(out, key)
				continue
			}
			arr := append(append([]string{}, parts...), k+"[]")
			for _, e := range t {
				if table, ok := e.(map[string]any); ok {
					out = append(out, leafKeys(arr, table)...)
				} else {
					out = append(out, key+"[]")
				}
			}
		default:
			out = append(out, key)
		}
	}
	return out
}
