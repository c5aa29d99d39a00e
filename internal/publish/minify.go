package publish

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
)

var minifier = func() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}()

var minifyTypes = map[string]string{".css": "text/css", ".js": "application/javascript", ".svg": "image/svg+xml"}

// MinifyFile returns the file named name (by its extension: .css, .js,
// .svg) minified, or in itself when that is not smaller or the type is
// not one of these.
func MinifyFile(name string, in []byte) ([]byte, error) {
	mt, ok := minifyTypes[filepath.Ext(name)]
	if !ok {
		return in, nil
	}
	var out bytes.Buffer
	if err := minifier.Minify(mt, &out, bytes.NewReader(in)); err != nil {
		return nil, err
	}
	if out.Len() < len(in) {
		return out.Bytes(), nil
	}
	return in, nil
}

// Minify shrinks the CSS, JavaScript and SVG files in dir.
func Minify(dir string) error { return MinifyStatic{}.Run(&Build{Dir: dir}) }

// MinifyStatic is the step that shrinks the CSS, JavaScript and SVG files
// Hugo copied from static/ as they were (its --minify covers only what its
// templates render), and any a step wrote without MarkMinified.
type MinifyStatic struct{}

// Name implements Step.
func (MinifyStatic) Name() string { return "minify the files Hugo copied" }

// Run implements Step.
func (MinifyStatic) Run(b *Build) error {
	dir := b.Dir
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, ok := minifyTypes[filepath.Ext(path)]; !ok {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		if b.isMinified(filepath.ToSlash(rel)) {
			return nil
		}
		in, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out, err := MinifyFile(path, in)
		if err != nil {
			return fmt.Errorf("minify %s: %w", rel, err)
		}
		if len(out) < len(in) {
			return os.WriteFile(path, out, 0o644)
		}
		return nil
	})
}
