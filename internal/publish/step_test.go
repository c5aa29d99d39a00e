package publish

import (
	"errors"
	"slices"
	"testing"
)

func TestRunStepsInOrderStopsAtFirstError(t *testing.T) {
	var ran []string
	step := func(name string, err error) Step {
		return StepFunc(name, func(*Build) error { ran = append(ran, name); return err })
	}
	boom := errors.New("boom")
	err := RunSteps(&Build{}, []Step{step("a", nil), step("b", boom), step("c", nil)})
	if !errors.Is(err, boom) || !slices.Equal(ran, []string{"a", "b"}) {
		t.Errorf("ran %v, error %v; want a and b, then boom", ran, err)
	}
}

func TestMinifyStaticLeavesMinifiedFilesAlone(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"css/a.css":        "body {\n  color : red ;\n}\n",
		"nb/qr-nb.svg":     "<svg>  <title>x</title>  </svg>\n",
		"js/quick-exit.js": "var  x = 1 ;\n",
		"nb/index.html":    "<p>  x",
		"images/cover.svg": "<svg>  <g>  </g>  </svg>\n",
	})
	b := &Build{Dir: dir}
	b.MarkMinified("nb/qr-nb.svg")
	if err := (MinifyStatic{}).Run(b); err != nil {
		t.Fatal(err)
	}
	for file, minified := range map[string]bool{"css/a.css": true, "js/quick-exit.js": true, "images/cover.svg": true, "nb/qr-nb.svg": false, "nb/index.html": false} {
		got := readFile(t, dir, file)
		if changed := got != map[string]string{
			"css/a.css": "body {\n  color : red ;\n}\n", "nb/qr-nb.svg": "<svg>  <title>x</title>  </svg>\n",
			"js/quick-exit.js": "var  x = 1 ;\n", "nb/index.html": "<p>  x", "images/cover.svg": "<svg>  <g>  </g>  </svg>\n",
		}[file]; changed != minified {
			t.Errorf("%s: minified %v, want %v (%q)", file, changed, minified, got)
		}
	}
}

// TestPagePassChecksPagesAsPublished: the page pass rewrites a page first
// and writes it back, and its checks weigh the page as published, not as
// Hugo wrote it; a page the rewrite leaves alone stays as it was.
func TestPagePassChecksPagesAsPublished(t *testing.T) {
	rtl := `<html dir=rtl><body><p>اتصلوا بـ Politiet الآن</p>`
	ltr := `<html><body><p>Ring Politiet</p>`
	dir := writeTree(t, map[string]string{"ar/index.html": rtl, "nb/index.html": ltr})
	w := &Weigh{}
	pass := PagePass{Rewrites: []PageRewrite{IsolateRTL{}}, Checks: []PageCheck{w}}
	if err := pass.Run(&Build{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	published := readFile(t, dir, "ar/index.html")
	if want := `<html dir=rtl><body><p>اتصلوا بـ <bdi>Politiet</bdi> الآن</p>`; published != want {
		t.Errorf("ar/index.html is %q, want %q", published, want)
	}
	if got := readFile(t, dir, "nb/index.html"); got != ltr {
		t.Errorf("nb/index.html changed: %q", got)
	}
	for _, x := range w.Sorted() {
		if want := len(readFile(t, dir, x.Path)); x.Raw != want {
			t.Errorf("%s weighed %d bytes, published %d", x.Path, x.Raw, want)
		}
	}
}
