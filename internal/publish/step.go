package publish

import (
	"io"
	"sync"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// Build is the output of one build between Hugo and the swap, as the steps
// see it: where it is, where it came from, and what earlier steps left for
// later ones.
type Build struct {
	Root   string // the site source
	Dir    string // the staging directory Hugo wrote
	Config *siteconfig.Config
	Stderr io.Writer // problems, one line each, before a step fails

	mu       sync.Mutex
	minified map[string]bool
}

// MarkMinified records that a step wrote the file rel (slash-separated,
// relative to Dir) minified already, so that MinifyStatic leaves it alone.
func (b *Build) MarkMinified(rel string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.minified == nil {
		b.minified = map[string]bool{}
	}
	b.minified[rel] = true
}

func (b *Build) isMinified(rel string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.minified[rel]
}

// Step is one thing done to the output after Hugo and before the swap. The
// steps of a build are an ordered list (internal/app/build.go), as goldmark
// registers its extensions: each may rely on the ones before it.
type Step interface {
	// Name says what the step makes or checks, for the reader of the list.
	Name() string
	// Run does it; an error stops the build and nothing is published.
	Run(b *Build) error
}

// RunSteps runs the steps in order and stops at the first error.
func RunSteps(b *Build, steps []Step) error {
	for _, s := range steps {
		if err := s.Run(b); err != nil {
			return err
		}
	}
	return nil
}

// StepFunc makes a Step of a name and a function.
func StepFunc(name string, run func(b *Build) error) Step { return stepFunc{name, run} }

type stepFunc struct {
	name string
	run  func(*Build) error
}

func (s stepFunc) Name() string       { return s.name }
func (s stepFunc) Run(b *Build) error { return s.run(b) }
