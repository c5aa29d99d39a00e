package campaign

import "testing"

// BenchmarkQRSVG measures one QR code: a 24-language site needs about 400.
func BenchmarkQRSVG(b *testing.B) {
	for b.Loop() {
		if _, err := QRSVG("https://www.dinerettigheter.no/prs/female-genital-mutilation/"); err != nil {
			b.Fatal(err)
		}
	}
}
