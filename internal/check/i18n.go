package check

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// pluralSamples cover every CLDR plural category of the site's languages:
// Arabic zero/one/two/few/many, Slavic and Baltic few/many, fractions, and
// the "many" of French, Spanish and Portuguese for large round numbers.
var pluralSamples = []any{0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 14, 19, 20, 21, 22, 25, 100, 101, 102, 111, 1000, 1000000, "0.5", "1.5", "2.5", "0.0", "1.0"}

var allForms = []string{"zero", "one", "two", "few", "many", "other"}

// PluralForms returns the CLDR plural forms a language's grammar uses, as
// go-i18n's rules apply them. It asks go-i18n which form each sample number
// takes, since go-i18n keeps its rule tables internal.
func PluralForms(code string) []string {
	tag, err := language.Parse(code)
	if err != nil {
		return []string{"one", "other"}
	}
	b := i18n.NewBundle(tag)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err != nil {
		return []string{"one", "other"}
	}
	loc := i18n.NewLocalizer(b, code)
	seen := map[string]bool{}
	ok := func() (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false // no CLDR rule for this language
			}
		}()
		for _, n := range pluralSamples {
			s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n})
			if err == nil {
				seen[s] = true
			}
		}
		return true
	}()
	if !ok || len(seen) == 0 {
		return []string{"one", "other"}
	}
	var out []string
	for _, f := range allForms {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}

func forms(m *i18n.Message) map[string]string {
	return map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other}
}

func isPlural(m *i18n.Message) bool {
	return m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != ""
}

// i18n checks that every language's message file has every key of the source
// language, and every plural form its grammar needs.
func (c *checker) i18n() {
	type file struct {
		path  string
		src   []byte
		msgs  map[string]*i18n.Message
		lines map[string]int // key → the line that defines it
	}
	files := map[string]*file{}
	unmarshal := map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}
	for _, l := range c.cfg.Languages {
		rel := "i18n/" + l.Code + ".toml"
		b, err := os.ReadFile(filepath.Join(c.root, rel))
		if err != nil {
			c.r.add(rel, 0, "the interface text for %s is missing: create %s with every key of i18n/%s.toml (site new-language does it)", l.Code, rel, c.cfg.Default)
			continue
		}
		mf, err := i18n.ParseMessageFileBytes(b, rel, unmarshal)
		if err != nil && c.pluralKeyTypo(rel, b) {
			continue
		}
		if err != nil {
			var de *toml.DecodeError
			line := 0
			if errors.As(err, &de) {
				line, _ = de.Position()
			}
			c.r.add(rel, line, "not a valid message file (%s): text goes in quotes: key = \"text\"", strings.TrimPrefix(firstLine(err.Error()), "toml: "))
			continue
		}
		f := &file{path: rel, src: b, msgs: map[string]*i18n.Message{}, lines: keyLines(b)}
		for _, m := range mf.Messages {
			f.msgs[m.ID] = m
		}
		files[l.Code] = f
	}
	if entries, err := os.ReadDir(filepath.Join(c.root, "i18n")); err == nil {
		for _, e := range entries {
			code := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))
			if _, ok := c.cfg.Language(code); !ok {
				c.r.add("i18n/"+e.Name(), 0, "no language %q in hugo.toml: rename the file to one of %s, or add the language", code, quoteList(c.cfg.Codes()))
			}
		}
	}
	src := files[c.cfg.Default]
	if src == nil {
		return
	}
	c.layoutKeys(src.msgs)
	for _, k := range c.dataKeys {
		if src.msgs[k.id] == nil {
			c.r.add(ServicesFile, k.line, "i18n key %q is not in i18n/%s.toml: fix the value on this line, or add the key to every i18n file", k.id, c.cfg.Default)
		}
	}
	ids := make([]string, 0, len(src.msgs))
	for id := range src.msgs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if !c.cfg.I18nFolderMounted() {
		c.r.add(siteconfig.File, 0, "a [[module.mounts]] targets i18n but none mounts the folder, so Hugo reads only the mounted files: add [[module.mounts]] source = \"i18n\" target = \"i18n\"")
	}
	hugo := newHugoI18n(c.root, c.cfg)
	for _, l := range c.cfg.Languages {
		f := files[l.Code]
		if f == nil {
			continue
		}
		tag := c.pluralTag(hugo, l)
		if l.Code == c.cfg.Default {
			continue
		}
		need := PluralForms(tag)
		for _, id := range ids {
			sm := src.msgs[id]
			m, ok := f.msgs[id]
			if !ok {
				c.r.add(f.path, 0, "key %q is missing: add %s = \"…\" (in %s: %q)", id, id, c.cfg.Default, sm.Other)
				continue
			}
			line := f.lines[id]
			if !isPlural(sm) {
				if strings.TrimSpace(m.Other) == "" {
					c.r.add(f.path, line, "key %q has no text: translate it", id)
				}
				continue
			}
			have := forms(m)
			var missing []string
			for _, form := range need {
				if strings.TrimSpace(have[form]) == "" {
					missing = append(missing, form)
				}
			}
			if len(missing) > 0 {
				c.r.add(f.path, line, "key %q lacks plural form %s: %s grammar needs %s", id, strings.Join(missing, ", "), l.Label, strings.Join(need, ", "))
			}
		}
		for id := range f.msgs {
			if _, ok := src.msgs[id]; !ok {
				c.r.warn(f.path, f.lines[id], "key %q is not in i18n/%s.toml: remove it, or check its spelling", id, c.cfg.Default)
			}
		}
	}
}

// pluralKeyTypo reports a table that mixes plural forms with a key that is
// not one (ones = …, plural = …), which go-i18n refuses without naming it.
func (c *checker) pluralKeyTypo(rel string, src []byte) bool {
	var doc map[string]any
	if toml.Unmarshal(src, &doc) != nil {
		return false
	}
	found := false
	for _, id := range slices.Sorted(maps.Keys(doc)) {
		table, ok := doc[id].(map[string]any)
		if !ok || !slices.ContainsFunc(allForms, func(f string) bool { return table[f] != nil }) {
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(table)) {
			if slices.Contains(allForms, k) || slices.Contains([]string{"id", "description", "hash", "leftdelim", "rightdelim"}, strings.ToLower(k)) {
				continue
			}
			line := keyLine(src, id)
			if at := keyLine(src[lineOffset(src, line):], k); at > 0 {
				line += at - 1
			}
			c.r.add(rel, line, "key %q: %q is not a plural form: use %s", id, k, strings.Join(allForms, ", "))
			found = true
		}
	}
	return found
}

// lineOffset is the byte offset where a 1-based line starts.
func lineOffset(src []byte, line int) int {
	off := 0
	for i := 1; i < line && off < len(src); i++ {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			return len(src)
		}
		off += j + 1
	}
	return off
}

// keyDef is a line that defines a key: `key = …` or `[key]`.
var keyDef = regexp.MustCompile(`^\s*(?:\[\s*"?([^"\]]+?)"?\s*\]|"?([^"=\s]+)"?\s*=)`)

// keyLines maps every key to the first line that defines it, in one pass
// (a search per key and language took a fifth of the check at 24 languages).
func keyLines(src []byte) map[string]int {
	lines := map[string]int{}
	for i, l := range bytes.Split(src, []byte("\n")) {
		if m := keyDef.FindSubmatch(l); m != nil {
			k := string(m[1]) + string(m[2])
			if _, seen := lines[k]; !seen {
				lines[k] = i + 1
			}
		}
	}
	return lines
}

// keyLine finds the line that defines a key: `key = …` or `[key]`.
func keyLine(src []byte, id string) int {
	re := regexp.MustCompile(`(?m)^\s*(\[\s*"?` + regexp.QuoteMeta(id) + `"?\s*\]|"?` + regexp.QuoteMeta(id) + `"?\s*=)`)
	if loc := re.FindIndex(src); loc != nil {
		return lineAt(src, loc[0])
	}
	return 0
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
