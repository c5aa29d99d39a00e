package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// weighAll runs a page pass over dir that weighs every page, as a build does.
func weighAll(t *testing.T, dir string) []Weight {
	t.Helper()
	w := &Weigh{}
	if err := (PagePass{Checks: []PageCheck{w}}).Run(&Build{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	return w.Sorted()
}

// TestGzipCacheSizesAreExact: a page weighed before is not compressed again,
// but every weight is still the gzip size of the page as it is now: a page
// whose text changed (same address, same length) is weighed anew, and a
// damaged cache file is no reason for a wrong figure.
func TestGzipCacheSizesAreExact(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	page := func(word string) string {
		return "<html><body><p>" + strings.Repeat(word+" ", 200) + "</p>"
	}
	dir := writeTree(t, map[string]string{"nb/index.html": page("aaaa"), "en/index.html": page("bbbb")})
	check := func(ws []Weight) {
		t.Helper()
		if len(ws) != 2 {
			t.Fatalf("weighed %d pages, want 2", len(ws))
		}
		for _, x := range ws {
			b, _ := os.ReadFile(filepath.Join(dir, x.Path))
			if want := GzipSize(b); x.Gzip != want {
				t.Errorf("%s: %d bytes gzip, want %d (a size from another page or build)", x.Path, x.Gzip, want)
			}
		}
	}
	check(weighAll(t, dir))
	files, _ := filepath.Glob(filepath.Join(cache, "familieinnvandring", "gzip-sizes-*"))
	if len(files) != 1 {
		t.Fatalf("cache files %v, want one", files)
	}

	// The same address, other text of the same length, less compressible.
	if err := os.WriteFile(filepath.Join(dir, "nb/index.html"), []byte("<html><body><p>"+strings.Repeat("a1b2c3d4e5f6g7h8i9j0", 50)+"</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	check(weighAll(t, dir))

	// A damaged file: garbage, a cut line, a size that is no number.
	if err := os.WriteFile(files[0], []byte("garbage\n0123 456\n"+strings.Repeat("ab", 32)+" x\n\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	check(weighAll(t, dir))
}
