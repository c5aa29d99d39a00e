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

// Minify shrinks the CSS, JavaScript and SVG files in dir that Hugo copied
// from static/ as they were, and those the tool generated (QR codes). Hugo's
// --minify covers only what its templates render.
func Minify(dir string) error {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	types := map[string]string{".css": "text/css", ".js": "application/javascript", ".svg": "image/svg+xml"}
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		mt, ok := types[filepath.Ext(path)]
		if !ok {
			return nil
		}
		in, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := m.Minify(mt, &out, bytes.NewReader(in)); err != nil {
			rel, _ := filepath.Rel(dir, path)
			return fmt.Errorf("minify %s: %w", rel, err)
		}
		if out.Len() < len(in) {
			return os.WriteFile(path, out.Bytes(), 0o644)
		}
		return nil
	})
}
