package translation

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
)

var (
	i18nKeyRE   = regexp.MustCompile(`^\s*"?([A-Za-z0-9_.-]+)"?\s*=`)
	i18nTableRE = regexp.MustCompile(`^\s*\[\s*"?([A-Za-z0-9_.-]+)"?\s*\]`)
)

// I18nSkeleton writes the interface-text file of a new language: every key
// of the source file src, in its order and form, with an empty text to fill
// in and the source (and English, when en is not nil) text as a comment
// above it. Plural keys get the forms the language needs (forms).
func I18nSkeleton(src, en []byte, source, code, label string, forms []string) ([]byte, error) {
	srcMsgs, err := messages(src, "i18n/"+source+".toml")
	if err != nil {
		return nil, err
	}
	enMsgs := map[string]*i18n.Message{}
	if en != nil {
		if enMsgs, err = messages(en, "i18n/en.toml"); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Interface text, %s (%s). Written by `site new-language %s`.\n", label, code, code)
	fmt.Fprintf(&b, "# Translate the text between the quotes after each key. Keep the keys, and\n")
	fmt.Fprintf(&b, "# keep {{ .Placeholders }} as they are. Above each key: the %s text\n", source)
	if en != nil {
		fmt.Fprintf(&b, "# and the English text. ")
	} else {
		fmt.Fprintf(&b, "# ")
	}
	fmt.Fprintf(&b, "`site check` lists the keys that are still empty.\n")
	comment := func(id string) {
		for _, v := range []struct {
			lang string
			m    *i18n.Message
		}{{source, srcMsgs[id]}, {"en", enMsgs[id]}} {
			if v.m == nil || v.lang == code {
				continue
			}
			fmt.Fprintf(&b, "# %s: %s\n", v.lang, describe(v.m))
		}
	}
	inTable := false
	for _, line := range strings.Split(string(src), "\n") {
		if m := i18nTableRE.FindStringSubmatch(line); m != nil {
			inTable = true
			id := m[1]
			msg := srcMsgs[id]
			if msg == nil {
				continue
			}
			b.WriteString("\n")
			comment(id)
			fmt.Fprintf(&b, "[%s]\n", id)
			if isPlural(msg) {
				for _, f := range forms {
					fmt.Fprintf(&b, "%s = \"\"\n", f)
				}
			} else {
				b.WriteString("other = \"\"\n")
			}
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(line), "# ---") {
			fmt.Fprintf(&b, "\n%s", line)
			continue
		}
		if m := i18nKeyRE.FindStringSubmatch(line); m != nil && !inTable {
			b.WriteString("\n")
			comment(m[1])
			fmt.Fprintf(&b, "%s = \"\"\n", m[1])
		}
	}
	return b.Bytes(), nil
}

func messages(b []byte, path string) (map[string]*i18n.Message, error) {
	mf, err := i18n.ParseMessageFileBytes(b, path, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := map[string]*i18n.Message{}
	for _, m := range mf.Messages {
		out[m.ID] = m
	}
	return out, nil
}

func isPlural(m *i18n.Message) bool {
	return m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != ""
}

// describe shows a message's text on one line: "text", or each plural form.
func describe(m *i18n.Message) string {
	if !isPlural(m) {
		return strconv.Quote(m.Other)
	}
	var parts []string
	for _, f := range []struct{ name, text string }{{"zero", m.Zero}, {"one", m.One}, {"two", m.Two}, {"few", m.Few}, {"many", m.Many}, {"other", m.Other}} {
		if f.text != "" {
			parts = append(parts, f.name+" = "+strconv.Quote(f.text))
		}
	}
	return strings.Join(parts, ", ")
}
