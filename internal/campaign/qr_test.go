package campaign

import (
	"github.com/redcross-no/familieinnvandring/internal/addresses"

	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/testenv"

	"github.com/redcross-no/familieinnvandring/internal/publish"
)

// TestQRCodesDecode writes the QR codes of a small site, minifies them as
// the build does, draws each SVG as a PNG and reads it back with zbarimg:
// every code must give the absolute production URL of its page.
func TestQRCodesDecode(t *testing.T) {
	zbar := testenv.Tool(t, "zbarimg", "zbar-tools")
	cfg := testConfig(t, "nb", "en", "ar")
	site := fakeSite(t, cfg, map[string][]string{
		"abuse-provision":           {"nb", "en", "ar"},
		"female-genital-mutilation": {"nb", "en"},
	})
	n, err := WriteQRCodes(site)
	if err != nil {
		t.Fatal(err)
	}
	if err := publish.Minify(site.Out); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // file → URL it must encode
		"/qr.svg":       "https://www.dinerettigheter.no/",
		"/ar/qr-ar.svg": "https://www.dinerettigheter.no/ar/",
		"/nb/abuse-provision/qr-nb-abuse-provision.svg":                     "https://www.dinerettigheter.no/nb/abuse-provision/",
		"/ar/abuse-provision/qr-ar-abuse-provision.svg":                     "https://www.dinerettigheter.no/ar/abuse-provision/",
		"/go/abuse-provision/qr-go-abuse-provision.svg":                     "https://www.dinerettigheter.no/go/abuse-provision",
		"/go/female-genital-mutilation/qr-go-female-genital-mutilation.svg": "https://www.dinerettigheter.no/go/female-genital-mutilation",
		"/en/female-genital-mutilation/qr-en-female-genital-mutilation.svg": "https://www.dinerettigheter.no/en/female-genital-mutilation/",
	}
	// 3 home pages + root, 2 /go/ links, 5 topic pages
	if n != 11 {
		t.Errorf("wrote %d QR codes, want 11", n)
	}
	for _, p := range Targets(site) {
		if _, ok := want[addresses.QRPath(p)]; !ok {
			want[addresses.QRPath(p)] = addresses.AbsURL(cfg, p)
		}
	}
	dir := t.TempDir()
	for file, url := range want {
		svg, err := os.ReadFile(filepath.Join(site.Out, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"style", "<script", "href", "on"} {
			if bad == "on" {
				if regexp.MustCompile(`\son[a-z]+=`).Match(svg) {
					t.Errorf("%s has an event handler attribute", file)
				}
				continue
			}
			if bytes.Contains(svg, []byte(bad)) {
				t.Errorf("%s contains %q: the CSP (img-src 'self', no inline styles) must not need it", file, bad)
			}
		}
		if c := bytes.Count(svg, []byte("<path")); c != 1 {
			t.Errorf("%s has %d paths, want one", file, c)
		}
		img, err := rasterize(svg, 6)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		pngFile := filepath.Join(dir, strings.ReplaceAll(strings.Trim(file, "/"), "/", "_")+".png")
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(pngFile, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(zbar, "--raw", "-q", pngFile).Output()
		if err != nil {
			t.Errorf("%s: zbarimg found no code: %v", file, err)
			continue
		}
		if got := strings.TrimSpace(string(out)); got != url {
			t.Errorf("%s encodes %q, want %q", file, got, url)
		}
	}
}

var (
	viewBoxRE = regexp.MustCompile(`viewBox="?0 0 (\d+) (\d+)`)
	pathRE    = regexp.MustCompile(`<path[^>]*\sd="?([^">]+)`)
	tokenRE   = regexp.MustCompile(`[MmHhVvLlZz]|-?[0-9]*\.?[0-9]+`)
)

// rasterize draws a QR code SVG (one path of axis-aligned shapes, as QRSVG
// writes it, before or after minification) at scale pixels per unit, with
// the even-odd rule along horizontal scanlines.
func rasterize(svg []byte, scale int) (image.Image, error) {
	vb := viewBoxRE.FindSubmatch(svg)
	pm := pathRE.FindSubmatch(svg)
	if vb == nil || pm == nil {
		return nil, fmt.Errorf("no viewBox or path")
	}
	w, _ := strconv.Atoi(string(vb[1]))
	h, _ := strconv.Atoi(string(vb[2]))
	type edge struct{ x, y0, y1 float64 } // vertical edges only
	var edges []edge
	var cx, cy, sx, sy float64
	toks := tokenRE.FindAllString(string(pm[1]), -1)
	num := func(i *int) float64 {
		*i++
		v, _ := strconv.ParseFloat(toks[*i], 64)
		return v
	}
	line := func(x, y float64) error {
		switch {
		case x == cx:
			edges = append(edges, edge{x, min(cy, y), max(cy, y)})
		case y != cy:
			return fmt.Errorf("diagonal line in a QR code")
		}
		cx, cy = x, y
		return nil
	}
	var cmd string
	for i := 0; i < len(toks); i++ {
		if strings.ContainsAny(toks[i], "MmHhVvLlZz") {
			cmd = toks[i]
		} else {
			i-- // implicit repetition of the last command
			if cmd == "M" {
				cmd = "L"
			} else if cmd == "m" {
				cmd = "l"
			}
		}
		var err error
		switch cmd {
		case "M":
			cx, cy = num(&i), num(&i)
			sx, sy = cx, cy
		case "m":
			cx, cy = cx+num(&i), cy+num(&i)
			sx, sy = cx, cy
		case "H":
			err = line(num(&i), cy)
		case "h":
			err = line(cx+num(&i), cy)
		case "V":
			err = line(cx, num(&i))
		case "v":
			err = line(cx, cy+num(&i))
		case "L":
			x := num(&i)
			err = line(x, num(&i))
		case "l":
			x := cx + num(&i)
			err = line(x, cy+num(&i))
		case "Z", "z":
			err = line(sx, sy)
		}
		if err != nil {
			return nil, err
		}
	}
	img := image.NewGray(image.Rect(0, 0, w*scale, h*scale))
	for py := 0; py < h*scale; py++ {
		y := (float64(py) + .5) / float64(scale)
		var xs []float64
		for _, e := range edges {
			if e.y0 <= y && y < e.y1 {
				xs = append(xs, e.x)
			}
		}
		slices.Sort(xs)
		for px := 0; px < w*scale; px++ {
			x := (float64(px) + .5) / float64(scale)
			inside := false
			for _, ex := range xs {
				if ex <= x {
					inside = !inside
				}
			}
			c := color.Gray{Y: 255}
			if inside {
				c = color.Gray{Y: 0}
			}
			img.SetGray(px, py, c)
		}
	}
	return img, nil
}
