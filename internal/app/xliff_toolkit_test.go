package app_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/app"
	"github.com/redcross-no/familieinnvandring/internal/testenv"
)

// TestXliffTranslateToolkit checks the XLIFF against a client nobody here
// wrote: translate-toolkit, the library under Weblate (Debian's
// python3-translate). It must read the real Arabic export with no error and
// see every unit; a target edited and approved through its API, saved by
// it, must import and make the page reviewed, with its shortcode, link and
// structure intact (site check passes).
func TestXliffTranslateToolkit(t *testing.T) {
	testenv.Package(t, "python3-translate", "/usr/lib/python3/dist-packages/translate/storage/xliff.py")
	// Debian's interpreter, which has Debian's packages (a python3 earlier
	// in PATH, from pyenv or a venv, may not).
	python := "/usr/bin/python3"
	script, err := filepath.Abs("testdata/xliff_toolkit.py")
	if err != nil {
		t.Fatal(err)
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range siteFiles {
		if err := copyMissing(filepath.Join(repo, f), filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	t.Setenv("HUGO_CACHEDIR", filepath.Join(dir, ".hugo-cache"))
	site := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := app.Main(args, &stdout, &stderr); code != 0 {
			t.Fatalf("site %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
		}
		return stdout.String()
	}

	site("xliff", "export", "ar", "-o", "ar.xlf")
	exported, err := os.ReadFile("ar.xlf")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	file := ""
	for _, line := range strings.Split(string(exported), "\n") {
		if m := regexp.MustCompile(`<file original="([^"]+)"`).FindStringSubmatch(line); m != nil {
			file = m[1]
		}
		if m := regexp.MustCompile(`<trans-unit id="([^"]+)"`).FindStringSubmatch(line); m != nil {
			want = append(want, "unit "+file+"/"+m[1])
		}
	}

	cmd := exec.Command(python, script, "ar.xlf", "call")
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("translate-toolkit: %v\n%s%s", err, out, stderr)
	}
	var seen, edits []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.HasPrefix(line, "unit ") {
			seen = append(seen, line)
		} else {
			edits = append(edits, line)
		}
	}
	if strings.Join(seen, "\n") != strings.Join(want, "\n") {
		t.Fatalf("translate-toolkit saw %d units, the file has %d:\nsaw  %v\nwant %v", len(seen), len(want), seen, want)
	}
	t.Logf("translate-toolkit read %d units; %s", len(seen), strings.Join(edits, "; "))

	before, err := os.ReadFile("content/ar/call.md")
	if err != nil {
		t.Fatal(err)
	}
	msg := site("xliff", "import", "ar.xlf", "--reviewer", "Test Reviewer", "--date", "2026-12-01")
	if !strings.Contains(msg, "content/ar/call.md: 2 unit(s) changed; every unit approved: translation: reviewed (reviewer Test Reviewer, 2026-12-01)") {
		t.Errorf("import said:\n%s", msg)
	}
	if status := site("status", "--lang", "ar"); !regexp.MustCompile(`(?m)^call +complete +reviewed$`).MatchString(status) {
		t.Errorf("site status --lang ar does not show call reviewed:\n%s", status)
	}
	after, err := os.ReadFile("content/ar/call.md")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(after), "(مُراجَع)"); got != 2 {
		t.Errorf("content/ar/call.md has %d of the two edits:\n%s", got, after)
	}
	// Every shortcode of the page is still there, byte for byte.
	sc := regexp.MustCompile(`\{\{<[^}]*>\}\}`)
	if a, b := sc.FindAllString(string(before), -1), sc.FindAllString(string(after), -1); strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("shortcodes before %v, after %v", a, b)
	}
	site("check")
}
