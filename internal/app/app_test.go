package app_test

import (
	"crypto/sha256"
	"fmt"
	"html"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/redcross-no/familieinnvandring/internal/app"
	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"site": func() { os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// siteFiles are copied from the repository into every script's work
// directory, so scripts run against the real layouts, data and content and
// only add or break what they test.
var siteFiles = []string{"hugo.toml", "netlify.toml", "layouts", "assets", "i18n", "data", "static", "content", "source-versions"}

// TestScripts runs testdata/script/*.txtar: the command line end to end. A
// script that carries its own hugo.toml gets no copy of the real site.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if prebuild.dir != "" {
			os.RemoveAll(prebuild.dir)
		}
	})
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("HUGO_CACHEDIR", filepath.Join(env.WorkDir, ".hugo-cache"))
			if _, err := os.Stat(filepath.Join(env.WorkDir, "hugo.toml")); err == nil {
				env.Setenv("SITE_CHANGED_BY_ARCHIVE", "hugo.toml")
				return nil
			}
			changed, err := archiveSiteFiles(env.WorkDir)
			if err != nil {
				return err
			}
			env.Setenv("SITE_CHANGED_BY_ARCHIVE", strings.Join(changed, " "))
			for _, f := range siteFiles {
				if err := copyMissing(filepath.Join(repo, f), filepath.Join(env.WorkDir, f)); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"treehash":  treehash,
			"shows":     shows,
			"prebuilt":  prebuilt,
			"languages": languages,
		},
	})
}

// treehash prints one SHA-256 over every file path and content under a
// directory: `treehash public` before and after a failed build must match.
func treehash(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: treehash DIR")
	}
	root := ts.MkAbs(args[0])
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, p)
		}
		return err
	})
	ts.Check(err)
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		sum, n, err := fileDigest(p)
		ts.Check(err)
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(h, "%s\x00%d\x00%x", filepath.ToSlash(rel), n, sum)
	}
	fmt.Fprintf(ts.Stdout(), "%d files %x\n", len(paths), h.Sum(nil))
}

// fileDigest is the SHA-256 of one file's content and its length. About 90
// scripts hash the same prebuilt public/ (1,200 files, 27 MB) before and
// after a refused build, and prebuilt hands each of them hard links to the
// same files, so a digest is kept for a file that has not changed since it
// was read: same device and inode, size, modification and change time
// (statKey). Any write to a file changes its change time, which no program
// can set back, so a build that touched a file in place is read again; a
// build that replaced a file has a new inode. A file changed less than two
// seconds before it was read is never kept, so a write within the
// timestamp's granularity of the read cannot hide (the "racy git" rule).
func fileDigest(p string) ([sha256.Size]byte, int64, error) {
	key, ok := statKey(p)
	if ok {
		digests.Lock()
		d, found := digests.m[key]
		digests.Unlock()
		if found {
			return d, key.size, nil
		}
	}
	readAt := time.Now()
	b, err := os.ReadFile(p)
	if err != nil {
		return [sha256.Size]byte{}, 0, err
	}
	d := sha256.Sum256(b)
	if ok && key.size == int64(len(b)) && readAt.Sub(key.ctime) > 2*time.Second {
		if again, still := statKey(p); still && again == key {
			digests.Lock()
			digests.m[key] = d
			digests.Unlock()
		}
	}
	return d, int64(len(b)), nil
}

var digests = struct {
	sync.Mutex
	m map[fileKey][sha256.Size]byte
}{m: map[fileKey][sha256.Size]byte{}}

// The scripts that test a refused build first need a good build to prove
// untouched, and building the 24-language site takes seconds each time. A
// script whose archive changes no site file gets the very output its own
// `exec site build` would write, built once per test run from a copy of the
// repository: `prebuilt` copies it (public/ and published-urls.txt) into the
// work directory.
var prebuild struct {
	once sync.Once
	dir  string
	err  error
}

func prebuilt(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: prebuilt")
	}
	if changed := ts.Getenv("SITE_CHANGED_BY_ARCHIVE"); changed != "" {
		ts.Fatalf("this script's archive changes the site (%s): its build differs from the prebuilt one; use exec site build", changed)
	}
	prebuild.once.Do(func() {
		prebuild.dir, prebuild.err = buildRepoSite()
	})
	ts.Check(prebuild.err)
	ts.Check(linkTree(filepath.Join(prebuild.dir, "public"), ts.MkAbs("public")))
	ts.Check(copyMissing(filepath.Join(prebuild.dir, "published-urls.txt"), ts.MkAbs("published-urls.txt")))
}

// linkTree recreates the folders under src in dst and hard-links every file,
// where copying 27 MB for each of about 90 scripts cost more than their
// checks. Sharing is safe because nothing writes into a previous build:
// site build writes a staging folder and swaps it in (renames), the scripts
// never edit public/, and treehash would see a file written in place (its
// change time). Where links are refused (another file system), it copies.
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if os.Link(p, target) == nil {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// languages keeps only the named languages of the work directory's site:
// `languages nb en ar`. It removes the others' [languages.X] tables and
// mounts from hugo.toml, their content/X/ and i18n/X.toml, as if they had
// never been added. A script whose point is one page in a few languages
// then builds about a tenth of the pages; the scripts about every language
// (build, campaign, url_contract, the output checks) keep all 24.
func languages(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: languages LANG...")
	}
	keep := map[string]bool{}
	for _, l := range args {
		keep[l] = true
	}
	var out, block []string
	drop := false
	flush := func() {
		if !drop {
			out = append(out, block...)
		}
		block, drop = nil, false
	}
	dropped := map[string]bool{}
	for _, line := range strings.Split(ts.ReadFile("hugo.toml"), "\n") {
		// A block runs from a table header to the next one; a mount's
		// [module.mounts.sites.matrix] belongs to its [[module.mounts]].
		if strings.HasPrefix(line, "[") && !strings.HasPrefix(line, "[module.mounts.") {
			flush()
		}
		block = append(block, line)
		if l, ok := strings.CutPrefix(line, "[languages."); ok {
			l = strings.TrimSuffix(l, "]")
			if !keep[l] {
				drop, dropped[l] = true, true
			}
		}
		for _, prefix := range []string{`languages = ["`, `source = "content/`, `source = "i18n/`} {
			if l, ok := strings.CutPrefix(line, prefix); ok {
				l = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(l, `"]`), `"`), ".toml")
				if l != "**" && l != "_fallback" && !keep[l] {
					drop = true
				}
			}
		}
	}
	flush()
	for _, l := range args {
		if !strings.Contains(ts.ReadFile("hugo.toml"), "[languages."+l+"]") {
			ts.Fatalf("languages: %s is not a language of this site", l)
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs("hugo.toml"), []byte(strings.Join(out, "\n")), 0o644))
	for l := range dropped {
		ts.Check(os.RemoveAll(ts.MkAbs(filepath.Join("content", l))))
		ts.Check(os.RemoveAll(ts.MkAbs(filepath.Join("i18n", l+".toml"))))
	}
}

// buildRepoSite builds a copy of the repository's site files, as Setup
// copies them, with the `site` command testscript put on $PATH.
func buildRepoSite() (string, error) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "app-prebuilt-")
	if err != nil {
		return "", err
	}
	for _, f := range siteFiles {
		if err := copyMissing(filepath.Join(repo, f), filepath.Join(dir, f)); err != nil {
			return "", err
		}
	}
	cmd := exec.Command("site", "build", "--out", "public")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(dir, ".hugo-cache"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("prebuilt site: %v\n%s", err, out)
	}
	return dir, nil
}

// archiveSiteFiles lists the site files a script's archive provides (they
// replace or add to the repository's copy).
func archiveSiteFiles(workDir string) ([]string, error) {
	var changed []string
	for _, f := range siteFiles {
		err := filepath.WalkDir(filepath.Join(workDir, f), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if !d.IsDir() {
				rel, _ := filepath.Rel(workDir, p)
				changed = append(changed, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return changed, nil
}

// shows asserts that a built page shows text as the work directory's sources
// have it, so a script keeps testing the same thing when a translator
// rewords a string: `shows public/ar/help/index.html i18n:ar:notTranslatedTitle
// poster:ar/stay.md`. A poster text counts by its first paragraph.
func shows(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: shows FILE i18n:LANG:KEY|poster:LANG/PAGE.md...")
	}
	page := ts.ReadFile(args[0])
	for _, src := range args[1:] {
		want := sourceText(ts, src)
		found := strings.Contains(page, want) || strings.Contains(page, html.EscapeString(want))
		switch {
		case found && neg:
			ts.Fatalf("%s shows %s (%q)", args[0], src, want)
		case !found && !neg:
			ts.Fatalf("%s does not show %s (%q)", args[0], src, want)
		}
	}
}

// sourceText reads one string from the work directory's i18n or content.
func sourceText(ts *testscript.TestScript, src string) string {
	kind, ref, _ := strings.Cut(src, ":")
	switch kind {
	case "i18n":
		lang, key, ok := strings.Cut(ref, ":")
		if !ok {
			ts.Fatalf("%s: want i18n:LANG:KEY", src)
		}
		var table map[string]any
		ts.Check(toml.Unmarshal([]byte(ts.ReadFile(filepath.Join("i18n", lang+".toml"))), &table))
		switch v := table[key].(type) {
		case string:
			return v
		case map[string]any:
			if s, ok := v["other"].(string); ok {
				return s
			}
		}
		ts.Fatalf("%s: no string %q in i18n/%s.toml", src, key, lang)
	case "poster":
		// As layouts/page.poster.html: the poster text, else the description.
		doc, err := frontmatter.Parse([]byte(ts.ReadFile(filepath.Join("content", ref))))
		ts.Check(err)
		d := strings.TrimSpace(doc.String("poster"))
		if d == "" {
			d = strings.TrimSpace(doc.String("description"))
		}
		if d == "" {
			ts.Fatalf("%s: content/%s has neither poster nor description", src, ref)
		}
		first, _, _ := strings.Cut(d, "\n\n")
		return first
	}
	ts.Fatalf("%s: want i18n:LANG:KEY or poster:LANG/PAGE.md", src)
	return ""
}

// copyMissing copies src to dst, file by file, keeping files that already exist
// (those the script's archive provides).
func copyMissing(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == src {
				return nil
			}
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if _, err := os.Stat(target); err == nil {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
