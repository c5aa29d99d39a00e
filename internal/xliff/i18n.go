package xliff

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// ParseTemplate cuts an interface text into words and the Go template
// actions ({{ .Date }}) the site fills in, which a translator must keep.
func ParseTemplate(s string) Segment {
	var out Segment
	n := 0
	for s != "" {
		i := strings.Index(s, "{{")
		j := -1
		if i >= 0 {
			j = strings.Index(s[i:], "}}")
		}
		if i < 0 || j < 0 {
			out = append(out, Part{Kind: Text, Native: s})
			break
		}
		if i > 0 {
			out = append(out, Part{Kind: Text, Native: s[:i]})
		}
		n++
		out = append(out, Part{Kind: Ph, Native: s[i : i+j+2], ID: strconv.Itoa(n), Ctype: "x-placeholder"})
		s = s[i+j+2:]
	}
	return out
}

var (
	tomlKeyRE   = regexp.MustCompile(`^\s*"?([A-Za-z0-9_.-]+)"?\s*=`)
	tomlTableRE = regexp.MustCompile(`^\s*\[\s*"?([A-Za-z0-9_.-]+)"?\s*\]`)
)

// pluralForms is the order CLDR lists plural forms in.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// i18nFile is an interface-text file: its values and the order of its keys.
type i18nFile struct {
	path   string
	raw    []byte
	values map[string]any
	order  []string
}

func loadI18n(root, rel string) (*i18nFile, error) {
	raw, err := os.ReadFile(filepath.Join(root, rel))
	if os.IsNotExist(err) {
		return &i18nFile{path: rel, values: map[string]any{}}, nil
	}
	if err != nil {
		return nil, err
	}
	f := &i18nFile{path: rel, raw: raw}
	if err := toml.Unmarshal(raw, &f.values); err != nil {
		return nil, fmt.Errorf("%s: %v: run site check", rel, err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if m := tomlTableRE.FindStringSubmatch(line); m != nil {
			f.order = append(f.order, m[1])
		} else if m := tomlKeyRE.FindStringSubmatch(line); m != nil && (len(f.order) == 0 || !isTable(f.values[f.order[len(f.order)-1]])) {
			f.order = append(f.order, m[1])
		}
	}
	return f, nil
}

func isTable(v any) bool { _, ok := v.(map[string]any); return ok }

// i18nUnits are the units of the interface text: one per key, one per
// plural form the translation has (the source's forms when it has none).
func i18nUnits(src, tr *i18nFile) ([]*Unit, map[string]string) {
	var units []*Unit
	current := map[string]string{}
	add := func(id, source, target string) {
		u := &Unit{ID: id, Restype: "x-string", Source: ParseTemplate(source), Hash: UnitHash(source)}
		if target != "" {
			u.Target = matchIDs(u.Source, ParseTemplate(target))
			current[id] = target
		}
		if optionalCodes(id) && len(u.Source) > 1 {
			u.Notes = append(u.Notes, "plural form: the number ({{ .Count }}) may be left out, as in \"one\" or \"none\"")
		}
		units = append(units, u)
	}
	for _, key := range src.order {
		switch v := src.values[key].(type) {
		case string:
			t, _ := tr.values[key].(string)
			add(key, v, t)
		case map[string]any:
			forms := map[string]bool{}
			t, _ := tr.values[key].(map[string]any)
			for f := range v {
				forms[f] = true
			}
			if len(t) > 0 {
				forms = map[string]bool{}
				for f := range t {
					forms[f] = true
				}
			}
			for _, f := range pluralForms {
				if !forms[f] {
					continue
				}
				s, ok := v[f].(string)
				if !ok {
					s, _ = v["other"].(string)
				}
				ts, _ := t[f].(string)
				add(key+"["+f+"]", s, ts)
			}
		}
	}
	return units, current
}

// optionalCodes: a plural form other than "other" may leave out the number
// ("one service", "no services"), so its placeholders are not protected.
func optionalCodes(id string) bool {
	return strings.HasSuffix(id, "]") && !strings.HasSuffix(id, "[other]")
}

// setI18n returns the file with each id's text replaced, line by line, so
// that comments and order stay as they were. A key the file lacks is added:
// a plain key before the first table, a plural form as a table at the end.
func setI18n(f *i18nFile, texts map[string]string) ([]byte, error) {
	lines := strings.SplitAfter(string(f.raw), "\n")
	ids := make([]string, 0, len(texts))
	for id := range texts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var newKeys, newTables []string
	for _, id := range ids {
		key, form, plural := strings.Cut(strings.TrimSuffix(id, "]"), "[")
		table := ""
		done := false
		for i, line := range lines {
			if m := tomlTableRE.FindStringSubmatch(line); m != nil {
				table = m[1]
				continue
			}
			m := tomlKeyRE.FindStringSubmatch(line)
			if m == nil || (!plural && (table != "" || m[1] != key)) || (plural && (table != key || m[1] != form)) {
				continue
			}
			eq := strings.Index(line, "=")
			nl := ""
			if strings.HasSuffix(line, "\n") {
				nl = "\n"
			}
			lines[i] = line[:eq+1] + " " + tomlQuote(texts[id]) + nl
			done = true
			break
		}
		if done {
			continue
		}
		if plural {
			newTables = append(newTables, fmt.Sprintf("\n[%s]\n%s = %s\n", key, form, tomlQuote(texts[id])))
		} else {
			newKeys = append(newKeys, fmt.Sprintf("%s = %s\n", key, tomlQuote(texts[id])))
		}
	}
	var out bytes.Buffer
	inserted := len(newKeys) == 0
	for _, line := range lines {
		if !inserted && tomlTableRE.MatchString(line) {
			out.WriteString(strings.Join(newKeys, ""))
			out.WriteString("\n")
			inserted = true
		}
		out.WriteString(line)
	}
	if !inserted {
		if out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
			out.WriteString("\n")
		}
		out.WriteString(strings.Join(newKeys, ""))
	}
	out.WriteString(strings.Join(newTables, ""))
	// Never write a file that does not say what was asked: a value written
	// over several lines ("""…""") is not one line to replace.
	var check map[string]any
	if err := toml.Unmarshal(out.Bytes(), &check); err != nil {
		return nil, fmt.Errorf("%s: the file would not be valid TOML (%v): write its values as one \"…\" per line, then import again", f.path, err)
	}
	for _, id := range ids {
		key, form, plural := strings.Cut(strings.TrimSuffix(id, "]"), "[")
		got, _ := check[key].(string)
		if plural {
			t, _ := check[key].(map[string]any)
			got, _ = t[form].(string)
		}
		if got != texts[id] {
			return nil, fmt.Errorf("%s: %s could not be set: write its value as one \"…\" on the key's line, then import again", f.path, id)
		}
	}
	return out.Bytes(), nil
}

// tomlQuote writes s as a TOML basic string.
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
