package check

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
)

// The interface text is on every page: the quick-exit button, the site's
// name in the browser tab, the link preview in a chat. A value that is there
// but shows nothing, a placeholder that breaks the page's layout, or a word
// in the tab title that says what the reader is reading, is found here, at
// the i18n file's line.

// i18nFiles: Hugo reads every file in i18n/ whatever its format (.json,
// .yaml, .yml, .toml) and lets one override another without a word; the
// checks read only i18n/<lang>.toml. So only those may be there.
func (c *checker) i18nFiles() {
	entries, err := os.ReadDir(filepath.Join(c.root, "i18n"))
	if err != nil {
		return // i18n() reports the missing files
	}
	for _, e := range entries {
		name := e.Name()
		rel := "i18n/" + name
		ext := filepath.Ext(name)
		code := strings.TrimSuffix(name, ext)
		switch {
		case strings.HasPrefix(name, "."):
		case e.IsDir():
			c.r.add(rel, 0, "Hugo reads the interface text in this folder too, unchecked: move its keys into i18n/<lang>.toml and delete the folder")
		case ext != ".toml":
			want := "i18n/" + code + ".toml"
			c.r.add(rel, 0, "Hugo reads this file too and may take its texts over %s's, unchecked: move its keys into %s (TOML) and delete this file", want, want)
		}
	}
}

// i18nRules checks every value of every language's i18n file.
func (c *checker) i18nRules() {
	src := readMessages(filepath.Join(c.root, "i18n", c.cfg.Default+".toml"))
	terms := c.loadGlossaryQuiet()
	revealing := map[string][]string{}
	for _, l := range c.cfg.Languages {
		revealing[l.Code] = RevealingTerms(terms, l.Code)
	}
	for _, l := range c.cfg.Languages {
		if c.opt.Only != nil {
			break // a saved page changes no i18n file
		}
		rel := "i18n/" + l.Code + ".toml"
		b, err := os.ReadFile(filepath.Join(c.root, rel))
		if err != nil {
			continue // i18n() reports it
		}
		var source map[string]*i18n.Message
		if l.Code != c.cfg.Default {
			source = src
		}
		msgs := parseMessages(rel, b)
		if msgs == nil {
			continue // i18n() reports it
		}
		c.r.Problems = append(c.r.Problems, I18nValueProblems(msgs, source, c.cfg.Default)...)
		c.r.Problems = append(c.r.Problems, NeutralI18nProblems(msgs, revealing[l.Code])...)
		c.r.Problems = append(c.r.Problems, FindPhonesInI18n(msgs, c.phones)...)
	}
	for _, p := range c.r.Pages {
		doc := c.docs[p.File]
		if doc == nil {
			continue
		}
		if s, ok := doc.Params["tabTitle"].(string); ok {
			if w := revealingIn(s, revealing[p.Lang]); w != "" {
				c.r.add(p.File, doc.Line("tabTitle"), "tabTitle %q says what the page is about (%q): the browser's tabs and history and a chat's link preview show it to anyone who sees the phone; use a plain word (e.g. \"Help\", \"A place to stay\")", s, w)
			}
		}
	}
}

// Messages is one i18n file, parsed: its messages in key order and the line
// of each key.
type Messages struct {
	File  string
	List  []*i18n.Message
	Lines map[string]int
}

// parseMessages parses an i18n file as go-i18n does; nil when it does not
// parse (i18n() reports why).
func parseMessages(rel string, b []byte) *Messages {
	mf, err := i18n.ParseMessageFileBytes(b, rel, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		return nil
	}
	slices.SortFunc(mf.Messages, func(a, b *i18n.Message) int { return strings.Compare(a.ID, b.ID) })
	return &Messages{File: rel, List: mf.Messages, Lines: keyLines(b)}
}

func readMessages(path string) map[string]*i18n.Message {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	mf, err := i18n.ParseMessageFileBytes(b, filepath.Base(path), map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		return nil
	}
	m := map[string]*i18n.Message{}
	for _, msg := range mf.Messages {
		m[msg.ID] = msg
	}
	return m
}

// I18nValueProblems checks the values of one i18n file: each shows some
// text (not only spaces, invisible characters or punctuation, unless the
// source's does too); each template parses, uses only the placeholders its
// source value uses, and runs. source is the source language's messages,
// nil for the source language itself.
func I18nValueProblems(f *Messages, source map[string]*i18n.Message, srcLang string) []Problem {
	var out []Problem
	add := func(id, format string, args ...any) {
		out = append(out, Problem{File: f.File, Line: f.Lines[id], Msg: fmt.Sprintf(format, args...)})
	}
	for _, m := range f.List {
		var sm *i18n.Message
		if source != nil {
			sm = source[m.ID]
		}
		for _, form := range allForms {
			v := forms(m)[form]
			if v == "" {
				continue // a missing form is i18n()'s to report
			}
			name := m.ID
			if isPlural(m) {
				name = m.ID + "." + form
			}
			srcV := ""
			if sm != nil {
				srcV = forms(sm)[form]
				if srcV == "" {
					srcV = sm.Other
				}
			}
			if strings.TrimSpace(v) != "" && !visible(v) && (sm == nil || visible(srcV)) {
				what := "translate it"
				if m.ID == "quickExit" || m.ID == "skipToContent" {
					what = "the button a reader taps to leave at once would be empty: translate it"
				}
				add(m.ID, "%s shows no text (only spaces, invisible characters or punctuation): %s", name, what)
			}
			if mk := markupIn(v); mk != "" && !strings.Contains(srcV, mk) {
				add(m.ID, "%s: %q is markup, which the site shows as typed (the layouts print these texts as plain text): write plain text", name, mk)
			}
			tmplProblem(name, v, srcV, sm != nil, srcLang, func(format string, args ...any) { add(m.ID, format, args...) })
		}
	}
	return out
}

// markupRE finds HTML tags and entities and Markdown emphasis and links.
var markupRE = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z]+|#[0-9]+|#[xX][0-9A-Fa-f]+);|\*\*[^*]+\*\*|__[^_]+__|\]\([^)]*\)`)

// markupIn is the first piece of markup in an interface text, "" when none.
// The layouts print i18n texts escaped, so a reader would see "<b>" or
// "**" as typed.
func markupIn(s string) string {
	return markupRE.FindString(s)
}

// visible: the text has a letter or digit (after dropping invisible format
// characters), or a placeholder that puts one there.
func visible(s string) bool {
	if strings.Contains(s, "{{") {
		return true
	}
	for _, r := range s {
		if (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) && !unicode.Is(unicode.Cf, r) {
			return true
		}
	}
	return false
}

// tmplProblem parses a value as go-i18n does (text/template, no functions)
// and runs it with the placeholders its source value has; in a translation,
// a placeholder the source does not have would show "<no value>".
func tmplProblem(name, v, srcV string, translated bool, srcLang string, add func(string, ...any)) {
	if !strings.Contains(v, "{{") {
		return
	}
	t, err := template.New(name).Option("missingkey=error").Parse(v)
	if err != nil {
		add("%s: the placeholder does not parse (%s): write placeholders exactly as i18n/%s.toml has them, e.g. {{ .Date }}", name, templateMsg(err), srcLang)
		return
	}
	have := fieldsOf(v)
	if translated {
		want := fieldsOf(srcV)
		wrong := false
		for _, f := range have {
			if !slices.Contains(want, f) {
				add("%s: placeholder {{ .%s }} is not in i18n/%s.toml's text (%s): use %s", name, f, srcLang, strings.Join(braced(want), " "), orNone(braced(want)))
				wrong = true
			}
		}
		if wrong {
			return // running it would only fail on the same placeholder
		}
		have = want
	}
	data := map[string]any{"Count": 2}
	for _, f := range have {
		if f != "Count" {
			data[f] = "x"
		}
	}
	if err := t.Execute(io.Discard, data); err != nil {
		add("%s: the placeholder does not work (%s): write placeholders exactly as i18n/%s.toml has them", name, templateMsg(err), srcLang)
	}
}

func templateMsg(err error) string {
	_, msg := templateError(err.Error())
	return strings.TrimPrefix(msg, "template: ")
}

func braced(fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = "{{ ." + f + " }}"
	}
	return out
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "no placeholder"
	}
	return strings.Join(s, " ")
}

// fieldsOf lists the top-level fields ({{ .Date }}) a template uses.
func fieldsOf(v string) []string {
	trees, err := parse.Parse("x", v, "{{", "}}", map[string]any{})
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, x := range n.Nodes {
					walk(x)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, cmd := range n.Cmds {
					for _, a := range cmd.Args {
						walk(a)
					}
				}
			}
		case *parse.FieldNode:
			if !slices.Contains(out, n.Ident[0]) {
				out = append(out, n.Ident[0])
			}
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	for _, t := range trees {
		walk(t.Root)
	}
	slices.Sort(out)
	return out
}

// FindPhonesInI18n: a number typed into an interface text.
func FindPhonesInI18n(f *Messages, known []string) []Problem {
	var out []Problem
	for _, m := range f.List {
		for _, form := range allForms {
			v := forms(m)[form]
			for _, p := range FindPhones(v, known) {
				out = append(out, Problem{File: f.File, Line: f.Lines[m.ID], Msg: phoneMsg(strings.TrimSpace(v[p.Start:p.End]))})
			}
		}
	}
	return out
}
