package xliff

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/redcross-no/familieinnvandring/internal/check"
)

// glossaryFile lists the terms; `keep` holds the Norwegian names a
// translation must keep where its source uses them (site check verifies it
// per page; the notes tell the reviewer per unit).
const glossaryFile = "data/glossary.yaml"

type term struct {
	NB   string
	Keep []string
	In   map[string]string
}

// loadGlossary reads the terms that have names to keep. A site without a
// glossary has none; one that cannot be read is site check's to report.
func loadGlossary(root string) []term {
	b, err := os.ReadFile(filepath.Join(root, glossaryFile))
	if err != nil {
		return nil
	}
	var raw []map[string]any
	if yaml.Unmarshal(b, &raw) != nil {
		return nil
	}
	var terms []term
	for _, m := range raw {
		t := term{In: map[string]string{}}
		t.NB, _ = m["nb"].(string)
		if keep, ok := m["keep"].([]any); ok {
			for _, k := range keep {
				if s, ok := k.(string); ok && s != "" {
					t.Keep = append(t.Keep, s)
				}
			}
		}
		for k, v := range m {
			if s, ok := v.(string); ok && k != "nb" && k != "note" {
				t.In[k] = s
			}
		}
		if len(t.Keep) > 0 {
			terms = append(terms, t)
		}
	}
	return terms
}

// glossaryNotes are the notes for a unit: each name its source uses that
// the translation must keep, with the glossary's wording in lang.
func glossaryNotes(terms []term, source Segment, lang string) []string {
	var text strings.Builder
	for _, p := range source {
		if p.Kind == Text {
			text.WriteString(p.Native)
			text.WriteByte(' ')
		}
	}
	var notes []string
	for _, t := range terms {
		if !check.ContainsTerm(text.String(), t.Keep) {
			continue
		}
		n := fmt.Sprintf("glossary: keep the Norwegian name %s (%s)", t.Keep[0], glossaryFile)
		if w := t.In[lang]; w != "" {
			n += fmt.Sprintf(", e.g. %q", w)
		}
		notes = append(notes, n)
	}
	return notes
}
