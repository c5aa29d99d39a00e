package campaign

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"

	"github.com/redcross-no/familieinnvandring/internal/publish"
)

// qrCacheVersion changes whenever QRSVG or its minifying would draw a code
// differently, so that no old drawing is ever reused.
const qrCacheVersion = "qr-v1"

// qrCache keeps every QR code the build drew, minified, in the user's cache
// folder, by the text it encodes: encoding is the slowest post step (the
// encoder scores eight masks), and a code for the same address never changes.
type qrCache struct{ dir string } // "" when there is no cache folder

func newQRCache() qrCache {
	base, err := os.UserCacheDir()
	if err != nil {
		return qrCache{}
	}
	dir := filepath.Join(base, "familieinnvandring", qrCacheVersion)
	if os.MkdirAll(dir, 0o755) != nil {
		return qrCache{}
	}
	return qrCache{dir: dir}
}

func (c qrCache) file(text string) string {
	sum := sha256.Sum256([]byte(text))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:16])+".svg")
}

// svg returns the minified QR code for text, drawn or from the cache.
func (c qrCache) svg(text string) ([]byte, error) {
	if c.dir != "" {
		// The title is the text: a damaged or foreign file is drawn again.
		if b, err := os.ReadFile(c.file(text)); err == nil && bytes.Contains(b, []byte("<title>"+xmlEscape(text)+"</title>")) && bytes.HasSuffix(bytes.TrimSpace(b), []byte("</svg>")) {
			return b, nil
		}
	}
	raw, err := QRSVG(text)
	if err != nil {
		return nil, err
	}
	svg, err := publish.MinifyFile("qr.svg", raw)
	if err != nil {
		return nil, err
	}
	if c.dir != "" {
		// Written whole under another name, then renamed: a parallel build
		// never reads half a file.
		tmp, err := os.CreateTemp(c.dir, ".tmp-*")
		if err == nil {
			_, werr := tmp.Write(svg)
			cerr := tmp.Close()
			if werr != nil || cerr != nil || os.Rename(tmp.Name(), c.file(text)) != nil {
				os.Remove(tmp.Name())
			}
		}
	}
	return svg, nil
}
