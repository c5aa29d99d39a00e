package check

import (
	"os"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// FuzzConfigProblems: any hugo.toml that parses is checked without a
// panic, every problem names hugo.toml and a line of it, and a file with
// unsafe rendering on, however written, never passes.
func FuzzConfigProblems(f *testing.F) {
	if b, err := os.ReadFile("../../hugo.toml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("[[module.mounts]]\n[[module.mounts]]\nsource = \"content/nb\"\ntarget = \"content\"\n"))
	f.Add([]byte("Markup.Goldmark.Renderer.Unsafe = true\n[params]\nquickExitURL = \"https://www.yr.no/\"\n"))
	f.Add([]byte("module = {mounts = [{source = \"i18n/nb.toml\", target = \"i18n/x.toml\"}, 3]}\n"))
	cfg := &siteconfig.Config{Default: "nb", Languages: []siteconfig.Language{{Code: "nb"}, {Code: "prs"}}}
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, err := siteconfig.Entries(b)
		if err != nil {
			return
		}
		probs := ConfigProblems(entries, cfg)
		unsafe := false
		for _, e := range entries {
			if e.Key == "markup.goldmark.renderer.unsafe" && e.Value != false {
				unsafe = true
			}
		}
		lines := 1
		for _, c := range b {
			if c == '\n' {
				lines++
			}
		}
		for _, p := range probs {
			if p.File != siteconfig.File || p.Line < 0 || p.Line > lines {
				t.Fatalf("problem at %s:%d of %d lines: %s", p.File, p.Line, lines, p.Msg)
			}
		}
		if unsafe && len(probs) == 0 {
			t.Fatal("unsafe rendering passed")
		}
	})
}
