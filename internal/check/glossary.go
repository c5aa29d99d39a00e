package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/redcross-no/familieinnvandring/internal/translation"
)

// GlossaryFile lists the legal and service terms with their translations.
const GlossaryFile = "data/glossary.yaml"

// Term is one glossary entry. Keep holds the forms of a Norwegian name that
// readers must be able to recognise (they meet it at UDI, at NAV, on letters):
// where a source page uses one, each translation of it must use one too.
type Term struct {
	NB   string
	Keep []string
	In   map[string]string // language → the term in that language
	Line int
}

// loadGlossary reads data/glossary.yaml; a site without one has no terms.
func (c *checker) loadGlossary() []Term {
	b, err := os.ReadFile(filepath.Join(c.root, GlossaryFile))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		c.r.add(GlossaryFile, 0, "cannot read the glossary: %v", err)
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		c.r.add(GlossaryFile, yamlErrLine(err), "not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.SequenceNode {
		c.r.add(GlossaryFile, 1, "must be a list of terms (- nb: …)")
		return nil
	}
	var terms []Term
	for _, n := range doc.Content[0].Content {
		t := Term{In: map[string]string{}, Line: n.Line}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			switch k {
			case "nb":
				t.NB = strings.TrimSpace(v.Value)
			case "keep":
				if err := v.Decode(&t.Keep); err != nil {
					c.r.add(GlossaryFile, v.Line, "keep must be a list of the Norwegian forms, e.g. keep: [krisesenter, krisesenteret]")
				}
			case "note":
			default:
				t.In[k] = v.Value
			}
		}
		if t.NB == "" {
			c.r.add(GlossaryFile, n.Line, "a term needs its Norwegian text: nb: …")
			continue
		}
		terms = append(terms, t)
	}
	return terms
}

// glossary: a translation keeps the Norwegian names that its source version uses.
func (c *checker) glossary(site *translation.Site) {
	terms := c.loadGlossary()
	if len(terms) == 0 {
		return
	}
	for _, l := range site.Languages {
		for _, p := range l.Pages {
			if p.State == translation.Missing || p.State == translation.Broken {
				continue
			}
			src := site.SourcePage(p.Slug)
			if !c.opt.scoped(p.File, src.File) {
				continue
			}
			// Compare with the version that was translated, not with later edits.
			srcText, ok, _ := site.Version(p.Slug, p.SourceHash)
			if !ok {
				srcText = src.Text
			}
			// Lower case once a page, not once a term (containsLower).
			srcText, text := strings.ToLower(plainText(srcText)), strings.ToLower(plainText(p.Text))
			for _, t := range terms {
				if len(t.Keep) == 0 || !containsLower(srcText, t.Keep) || containsLower(text, t.Keep) {
					continue
				}
				example := t.In[l.Code]
				if example == "" {
					example = t.NB
				}
				c.r.add(p.File, 0, "%s says %q but this translation never does: keep the Norwegian name so that readers recognise it, e.g. %q (%s:%d)", src.File, t.NB, example, GlossaryFile, t.Line)
			}
		}
	}
}

var (
	shortcodeRE = regexp.MustCompile(`\{\{[<%].*?[>%]\}\}`)
	linkDestRE  = regexp.MustCompile(`\]\([^)]*\)`)
	bareURLRE   = regexp.MustCompile(`https?://\S+`)
)

// plainText leaves out what readers do not read as text: shortcodes, link
// addresses and web addresses ("nav.no" is not the name NAV).
func plainText(s string) string {
	s = shortcodeRE.ReplaceAllString(s, " ")
	s = linkDestRE.ReplaceAllString(s, "]")
	return bareURLRE.ReplaceAllString(s, " ")
}

// ContainsTerm reports whether text has one of the forms as a whole word, in
// any case: "NAV" is found in "Ring NAV." and "Nav", never in "navn". Only
// Latin letters and digits join a word: in Arabic or Tigrinya text a
// Norwegian name may sit right next to a letter of the other script.
//
// Lower case and a plain search, not a case-insensitive regexp per form: at
// 24 languages the regexps were most of the time `site check` took.
func ContainsTerm(text string, forms []string) bool {
	return containsLower(strings.ToLower(text), forms)
}

// containsLower is ContainsTerm for a text in lower case already.
func containsLower(lower string, forms []string) bool {
	for _, f := range forms {
		f = strings.ToLower(f)
		if f == "" {
			continue
		}
		for i := 0; i < len(lower); {
			j := strings.Index(lower[i:], f)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(f)
			before, _ := utf8.DecodeLastRuneInString(lower[:start])
			after, _ := utf8.DecodeRuneInString(lower[end:])
			if !isWordRune(before) && !isWordRune(after) {
				return true
			}
			_, size := utf8.DecodeRuneInString(lower[start:])
			i = start + size
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.Is(unicode.Latin, r) || unicode.IsDigit(r))
}
