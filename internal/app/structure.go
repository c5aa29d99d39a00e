package app

import (
	"fmt"

	"github.com/redcross-no/familieinnvandring/internal/check"
)

// structureGuard refuses to record a translation as up to date when it lacks
// part of its source's structure (check.CompareStructure): it prints the
// difference as `site check` does and returns an error saying nothing was
// written.
func (e *env) structureGuard(file, sourceFile, lang, slug string) error {
	p := check.StructureOfFiles(e.root, sourceFile, file)
	if p == nil {
		return nil
	}
	fmt.Fprintln(e.stderr, p)
	return fmt.Errorf("%s: not marked up to date with %s: it does not have the source's structure (above); fix that, then run site translated %s/%s again", file, sourceFile, lang, slug)
}
