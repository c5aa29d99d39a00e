package campaign

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// PreviewImageFile is the link-preview image (og:image), committed under
// static/ so that stock Hugo publishes it too. TestPreviewImage rewrites it
// with -update.
const PreviewImageFile = "static/images/link-preview.png"

// PreviewPNG draws the link-preview image: 1200×630, the site's soft paper
// colour with a calm band in its link blue. No text and no symbol, so a
// preview says nothing to someone glancing at a shared phone.
func PreviewPNG() []byte {
	const w, h = 1200, 630
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{
		color.RGBA{0xf3, 0xf1, 0xee, 0xff}, // --soft
		color.RGBA{0x0b, 0x4f, 0x8a, 0xff}, // --link
		color.RGBA{0xc8, 0xc8, 0xc8, 0xff}, // --line
	})
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			switch {
			case y >= 470 && y < 500:
				img.SetColorIndex(x, y, 1)
			case y >= 500 && y < 506:
				img.SetColorIndex(x, y, 2)
			}
		}
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	_ = enc.Encode(&b, img)
	return b.Bytes()
}
