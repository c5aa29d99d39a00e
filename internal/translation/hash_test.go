package translation

import (
	"strings"
	"testing"
)

func TestNormalise(t *testing.T) {
	const want = "title: Tittel\ndescription: Om siden\n\nFørste avsnitt.\n\nAndre avsnitt.\n"
	for _, tt := range []struct {
		name, title, description, body string
	}{
		{"plain", "Tittel", "Om siden", "Første avsnitt.\n\nAndre avsnitt.\n"},
		{"windows line endings", "Tittel", "Om siden", "Første avsnitt.\r\n\r\nAndre avsnitt.\r\n"},
		{"old mac line endings", "Tittel", "Om siden", "Første avsnitt.\r\rAndre avsnitt.\r"},
		{"spaces at line ends", "Tittel", "Om siden", "Første avsnitt.  \n\t\nAndre avsnitt.\t\n"},
		{"extra blank lines", "Tittel", "Om siden", "\n\n\nFørste avsnitt.\n\n\n\n\nAndre avsnitt.\n\n\n"},
		{"a tab alone at a line end", "Tittel", "Om siden", "Første avsnitt.\t\n\nAndre avsnitt."},
		{"blank line with spaces", "Tittel", "Om siden", "Første avsnitt.\n   \n \nAndre avsnitt."},
		{"spaces around title and description", "  Tittel ", "\tOm siden\n", "Første avsnitt.\n\nAndre avsnitt."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalise(tt.title, tt.description, tt.body); got != want {
				t.Errorf("Normalise() = %q, want %q", got, want)
			}
		})
	}
}

// TestHashChanges lists edits that are changes: a translator must see them.
func TestHashChanges(t *testing.T) {
	base := Hash(Normalise("Tittel", "Om", "Ett avsnitt.\n\nTo avsnitt.\n"))
	for _, tt := range []struct {
		name, title, description, body string
	}{
		{"a word", "Tittel", "Om", "Ett avsnitt.\n\nTre avsnitt.\n"},
		{"the title", "Ny tittel", "Om", "Ett avsnitt.\n\nTo avsnitt.\n"},
		{"the description", "Tittel", "Om siden", "Ett avsnitt.\n\nTo avsnitt.\n"},
		{"paragraphs joined", "Tittel", "Om", "Ett avsnitt.\nTo avsnitt.\n"},
		{"space inside a line", "Tittel", "Om", "Ett  avsnitt.\n\nTo avsnitt.\n"},
		{"a shortcode", "Tittel", "Om", "Ett avsnitt. {{< phone \"vo-linjen\" >}}\n\nTo avsnitt.\n"},
		{"indentation (a code block)", "Tittel", "Om", "Ett avsnitt.\n\n    To avsnitt.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if Hash(Normalise(tt.title, tt.description, tt.body)) == base {
				t.Errorf("changing %s does not change the hash", tt.name)
			}
		})
	}
}

func TestHash(t *testing.T) {
	h := Hash("title: T\ndescription: D\n\nB\n")
	if !ValidHash(h) || len(h) != HashLen {
		t.Fatalf("Hash() = %q: want %d lowercase hex digits", h, HashLen)
	}
	// printf 'title: T\ndescription: D\n\nB\n' | sha256sum | cut -c1-12
	if h != "61451787d8a2" {
		t.Errorf("Hash() = %q, want the first 12 hex digits of the SHA-256, 61451787d8a2", h)
	}
	for _, s := range []string{"", "0123456789a", "0123456789abc", "0123456789AB", "0123456789ag"} {
		if ValidHash(s) {
			t.Errorf("ValidHash(%q) = true", s)
		}
	}
	if strings.ContainsAny(h, "ABCDEF") {
		t.Errorf("Hash() = %q: want lowercase", h)
	}
}
