package campaign

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite generated files kept in the repository")

// TestPreviewImage keeps the committed link-preview image what PreviewPNG
// draws: 1200×630 (what link previews expect), small, a valid PNG.
func TestPreviewImage(t *testing.T) {
	want := PreviewPNG()
	file := filepath.Join("..", "..", filepath.FromSlash(PreviewImageFile))
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v: run go test ./internal/campaign -run TestPreviewImage -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not what PreviewPNG draws: run go test ./internal/campaign -run TestPreviewImage -update", PreviewImageFile)
	}
	img, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
		t.Errorf("image is %dx%d, want 1200x630", b.Dx(), b.Dy())
	}
	if len(got) > 8<<10 {
		t.Errorf("image is %d bytes: keep it under 8 KB for readers on prepaid data", len(got))
	}
}
