package check

import (
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// TestConfigProblemsEmptyMount: a [[module.mounts]] whose keys were all
// deleted (an editor removing a mount's lines) is no mount at all; the
// ones around it are still checked.
func TestConfigProblemsEmptyMount(t *testing.T) {
	src := "[params]\nquickExitURL = \"https://www.yr.no/\"\n[[module.mounts]]\n[[module.mounts]]\nsource = \"content/xx\"\ntarget = \"content\"\n"
	entries, err := siteconfig.Entries([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &siteconfig.Config{Default: "nb", Languages: []siteconfig.Language{{Code: "nb"}}}
	probs := ConfigProblems(entries, cfg)
	if len(probs) != 1 || probs[0].Line != 5 || !strings.Contains(probs[0].Msg, `the mount of "content/xx" as "content" is not one this site uses`) {
		t.Fatalf("got %v", probs)
	}
}
