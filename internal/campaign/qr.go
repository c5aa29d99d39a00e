package campaign

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/boombuler/barcode/qr"
)

// QuietZone is the white margin around a QR code, in modules. The standard
// asks for four; scanners fail on codes printed without it.
const QuietZone = 4

// QRSVG encodes text (an absolute URL) as a QR code and returns it as an SVG
// document that a strict Content-Security-Policy accepts: no style element or
// attribute, no script, colours as fill attributes, all dark modules in one
// path. Error correction level Q (25 %) survives a creased or scuffed poster.
func QRSVG(text string) ([]byte, error) {
	code, err := qr.Encode(text, qr.Q, qr.Unicode)
	if err != nil {
		return nil, fmt.Errorf("qr code for %q: %w", text, err)
	}
	n := code.Bounds().Dx()
	size := n + 2*QuietZone
	var d strings.Builder
	for y := 0; y < n; y++ {
		for x := 0; x < n; {
			if !dark(code.At(x, y)) {
				x++
				continue
			}
			run := 1
			for x+run < n && dark(code.At(x+run, y)) {
				run++
			}
			fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", x+QuietZone, y+QuietZone, run, run)
			x += run
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" shape-rendering="crispEdges" role="img">`, size, size, size*8, size*8)
	fmt.Fprintf(&b, `<title>%s</title>`, xmlEscape(text))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/>`, size, size)
	fmt.Fprintf(&b, `<path fill="#000" d="%s"/>`, d.String())
	b.WriteString("</svg>\n")
	return []byte(b.String()), nil
}

func dark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r+g+b < 3*0x8000
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
