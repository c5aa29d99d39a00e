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
