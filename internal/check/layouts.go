package check

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template/parse"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// layouts parses every template under layouts/ for syntax, so a broken
// layout is named by `site check` too, before Hugo runs. Functions are not
// resolved (Hugo defines them), only the template language itself.
func (c *checker) layouts() {
	c.eachLayout(func(rel string, b []byte) {
		trees := map[string]*parse.Tree{}
		t := parse.New(rel)
		t.Mode = parse.SkipFuncCheck | parse.ParseComments
		if _, err := t.Parse(string(b), "{{", "}}", trees); err != nil {
			line, msg := templateError(err.Error())
			c.r.add(rel, line, "template error: %s: fix the template at this line", msg)
		}
	})
}

// templateErrorRE is text/template's "template: NAME:LINE: message".
var templateErrorRE = regexp.MustCompile(`^template: .*?:(\d+):(?:\d+:)? (.*)$`)

func templateError(s string) (int, string) {
	m := templateErrorRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, s
	}
	n := 0
	for _, ch := range m[1] {
		n = n*10 + int(ch-'0')
	}
	return n, m[2]
}

// layoutT finds the i18n keys a template names literally; Hugo renders a
// misspelt one as empty text, without an error.
var layoutT = regexp.MustCompile(`\b(?:T|i18n|lang\.Translate)\s+"([^"]+)"`)

// layoutKeys checks that every key the layouts name exists in the source language.
func (c *checker) layoutKeys(msgs map[string]*i18n.Message) {
	c.eachLayout(func(rel string, b []byte) {
		for _, m := range layoutT.FindAllSubmatchIndex(b, -1) {
			if id := string(b[m[2]:m[3]]); msgs[id] == nil {
				c.r.add(rel, lineAt(b, m[0]), "i18n key %q is not in i18n/%s.toml: fix its spelling, or add the key to every i18n file", id, c.cfg.Default)
			}
		}
	})
}

func (c *checker) eachLayout(f func(rel string, b []byte)) {
	_ = filepath.WalkDir(filepath.Join(c.root, "layouts"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(c.root, p)
		f(filepath.ToSlash(rel), b)
		return nil
	})
}
