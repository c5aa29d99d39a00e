package campaign

import (
	"fmt"

	"github.com/redcross-no/familieinnvandring/internal/addresses"
	"github.com/redcross-no/familieinnvandring/internal/publish"
)

// URLContract is the step that holds the output to published-urls.txt:
// every URL ever published is a file of the built site, or a hand-written
// rule redirects it to one (addresses.CheckBuilt). check predicts this from
// the sources; the output is the final word.
func (k *Kit) URLContract() publish.Step {
	return publish.StepFunc("addresses: every published URL is in the output", func(b *publish.Build) error {
		probs := addresses.CheckBuilt(b.Root, b.Dir, b.Config, k.Pages)
		for _, p := range probs {
			fmt.Fprintln(b.Stderr, p.String())
		}
		if len(probs) > 0 {
			return fmt.Errorf("%d published URL(s) missing from the built site (above)", len(probs))
		}
		return nil
	})
}
