package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// neutralKeys are the i18n texts every browser tab, history entry and link
// preview shows (layouts/_partials/funcs/page-title.html, site/link-preview.html):
// someone who glances at the reader's phone sees them.
var neutralKeys = []string{"siteName", "siteTagline"}

// loadGlossaryQuiet reads the glossary's terms without reporting its
// problems (glossary() does); a glossary that does not parse gives none.
func (c *checker) loadGlossaryQuiet() []Term {
	b, err := os.ReadFile(filepath.Join(c.root, GlossaryFile))
	if err != nil {
		return nil
	}
	var raw []map[string]any
	if yaml.Unmarshal(b, &raw) != nil {
		return nil
	}
	var terms []Term
	for _, e := range raw {
		t := Term{In: map[string]string{}}
		for k, v := range e {
			s, _ := v.(string)
			switch k {
			case "nb":
				t.NB = s
			case "keep", "note":
			default:
				t.In[k] = s
			}
		}
		terms = append(terms, t)
	}
	return terms
}

// foldNorwegian writes a Norwegian text as a slug would (æ ae, ø o, å a,
// spaces as dashes), so RevealingWord's stems find it.
func foldNorwegian(s string) string {
	return strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "Æ", "ae", "Ø", "o", "Å", "a", " ", "-").Replace(strings.ToLower(s))
}

// RevealingTerms are the phrases that reveal the topic in language lang:
// that language's translation of every glossary term whose Norwegian form
// reveals it (krisesenter, tvangsekteskap, vold i nære relasjoner …), each
// part of it (the Norwegian name in brackets, alternatives after a comma or
// slash) on its own. Whole phrases, not their words: "women" alone is as
// neutral as "Women's health", the tab title of a page that must stay
// discreet; "genital mutilation" is not.
func RevealingTerms(terms []Term, lang string) []string {
	var out []string
	for _, t := range terms {
		if RevealingWord(foldNorwegian(t.NB)) == "" {
			continue
		}
		text := t.In[lang]
		if lang == "nb" {
			text = t.NB
		}
		for _, part := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return strings.ContainsRune("()[],;/،؛", r) }) {
			part = strings.TrimSpace(part)
			if len([]rune(part)) >= 4 && !slices.Contains(out, part) {
				out = append(out, part)
			}
		}
	}
	slices.Sort(out)
	return out
}

func textWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || r == '\u200c')
	})
}

// everydayStems begin everyday words too (offers, battery, beaten track,
// escape key, Honor phones): in a slug they are avoided anyway, in a text
// they would refuse plain words.
var everydayStems = []string{"offer", "batter", "beat", "escape", "flee", "honor", "honou", "cutting", "forced"}

// revealingIn returns the first revealing word in s: one of words (the
// language's own) anywhere in it, or a Norwegian or English stem at the
// start of a word (in any language: a Latin name can be in any text).
func revealingIn(s string, words []string) string {
	low := strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(low, w) {
			return w
		}
	}
	for _, w := range textWords(s) {
		f := foldNorwegian(w)
		for _, stem := range revealingWords {
			if strings.HasPrefix(f, stem) && !slices.Contains(everydayStems, stem) {
				return w
			}
		}
	}
	return ""
}

// NeutralI18nProblems: the site's name and tagline never say what the
// site is about.
func NeutralI18nProblems(f *Messages, words []string) []Problem {
	var out []Problem
	for _, m := range f.List {
		if !slices.Contains(neutralKeys, m.ID) {
			continue
		}
		if w := revealingIn(m.Other, words); w != "" {
			out = append(out, Problem{File: f.File, Line: f.Lines[m.ID], Msg: fmt.Sprintf("%s %q says what the site is about (%q): every browser tab, history entry and link preview shows it to anyone who sees the phone; keep it neutral, like \"Your rights in Norway\"", m.ID, m.Other, w)})
		}
	}
	return out
}
