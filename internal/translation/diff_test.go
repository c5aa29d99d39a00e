package translation

import (
	"bytes"
	"testing"
)

func TestDiff(t *testing.T) {
	old := Normalise("Tittel", "Om", "## Først\n\nA.\n\nB.\n\n## Så\n\nC.\n")
	for _, tt := range []struct {
		name string
		new  string
		want string
	}{
		{"nothing changed", old, ""},
		{"a paragraph changed", Normalise("Tittel", "Om", "## Først\n\nA.\n\nB endret.\n\n## Så\n\nC.\n"),
			"\nunder ## Først\n- B.\n+ B endret.\n"},
		{"a paragraph added at the end", Normalise("Tittel", "Om", "## Først\n\nA.\n\nB.\n\n## Så\n\nC.\n\nD.\n"),
			"\nunder ## Så\n+ D.\n"},
		{"two paragraphs removed", Normalise("Tittel", "Om", "## Først\n\n## Så\n\nC.\n"),
			"\nunder ## Først\n- A.\n-\n- B.\n"},
		{"the title changed", Normalise("Ny tittel", "Om", "## Først\n\nA.\n\nB.\n\n## Så\n\nC.\n"),
			"\nat the top of the page:\n- title: Tittel\n+ title: Ny tittel\n"},
		{"a paragraph of two lines", Normalise("Tittel", "Om", "## Først\n\nA.\n\nB.\n\n## Så\n\nC.\nC2.\n"),
			"\nunder ## Så\n- C.\n+ C.\n+ C2.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			WriteDiff(&b, Diff(old, tt.new))
			if b.String() != tt.want {
				t.Errorf("diff:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	got := Paragraphs(Normalise("T", "D", "A\nA2\n\nB"))
	want := []string{"title: T", "description: D", "A\nA2", "B"}
	if len(got) != len(want) {
		t.Fatalf("Paragraphs() = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Paragraphs()[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	if got := Paragraphs(Normalise("T", "D", "")); len(got) != 2 {
		t.Errorf("empty body: Paragraphs() = %q, want the title and description only", got)
	}
}
