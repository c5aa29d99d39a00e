package campaign

import (
	"github.com/redcross-no/familieinnvandring/internal/addresses"

	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Published lists the URL paths in the output that the contract covers:
// every page (…/index.html, posters and /go/ choosers included) and every
// /go/ short link: what people print and link to. Files (QR codes, CSS,
// scripts) are not promised.
func Published(s *Site) ([]string, error) {
	var out []string
	err := filepath.WalkDir(s.Out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(s.Out, p)
		rel = "/" + filepath.ToSlash(rel)
		if path.Base(rel) == "index.html" {
			out = append(out, strings.TrimSuffix(rel, "index.html"))
		}
		return nil
	})
	for _, slug := range s.Slugs {
		out = append(out, addresses.GoPath(slug))
	}
	slices.Sort(out)
	return slices.Compact(out), err
}
