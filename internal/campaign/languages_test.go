package campaign

import (
	"slices"
	"strings"
	"testing"
)

func TestRoutes(t *testing.T) {
	tests := []struct {
		name  string
		langs []string
		tag   string
		want  string // site language, "" for none
	}{
		{"own language", []string{"nb", "en", "ar"}, "ar", "ar"},
		{"regional variant", []string{"nb", "en", "ar"}, "ar-EG", "ar"},
		{"nynorsk reads bokmål", []string{"nb", "en"}, "nn-NO", "nb"},
		{"Dari when the site has it", []string{"nb", "fa", "prs"}, "fa-AF", "prs"},
		{"Persian from Iran stays Persian", []string{"nb", "fa", "prs"}, "fa-IR", "fa"},
		{"Dari reads Persian until Dari exists", []string{"nb", "fa"}, "fa-AF", "fa"},
		{"no Persian at all", []string{"nb", "en"}, "fa-AF", ""},
		{"Sorani from Iraq", []string{"nb", "kmr", "ckb"}, "ku-IQ", "ckb"},
		{"Kurdish from Turkey", []string{"nb", "kmr", "ckb"}, "ku-TR", "kmr"},
		{"Kurdish without a region is Kurmanji", []string{"nb", "kmr", "ckb"}, "ku", "kmr"},
		{"Sorani as Windows names it", []string{"nb", "kmr", "ckb"}, "ku-Arab-IQ", "ckb"},
		{"Arabic-script Kurdish", []string{"nb", "kmr", "ckb"}, "ku-Arab", "ckb"},
		{"Kurmanji by its own code", []string{"nb", "kmr", "ckb"}, "kmr", "kmr"},
		{"Dari as Windows names it", []string{"nb", "fa", "prs"}, "prs-AF", "prs"},
		{"Filipino", []string{"nb", "tl"}, "fil-PH", "tl"},
		{"Somali not on the site", []string{"nb", "en", "ar"}, "so", ""},
		{"a language added to hugo.toml only", []string{"nb", "de"}, "de", "de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for _, r := range Routes(testConfig(t, tt.langs...)) {
				if slices.ContainsFunc(r.Tags, func(s string) bool { return strings.EqualFold(s, tt.tag) }) {
					if got != "" {
						t.Fatalf("tag %q goes to both %s and %s", tt.tag, got, r.Code)
					}
					got = r.Code
				}
			}
			if got != tt.want {
				t.Errorf("tag %q goes to %q, want %q", tt.tag, got, tt.want)
			}
		})
	}
}

// TestRoutesSpecificFirst: a language holding a regional tag comes before
// the language whose bare code would catch it under prefix matching.
func TestRoutesSpecificFirst(t *testing.T) {
	routes := Routes(testConfig(t, "nb", "fa", "kmr", "prs", "ckb"))
	pos := map[string]int{}
	for i, r := range routes {
		pos[r.Code] = i
	}
	if pos["prs"] > pos["fa"] {
		t.Errorf("prs (fa-AF) must come before fa: %v", pos)
	}
	if pos["ckb"] > pos["kmr"] {
		t.Errorf("ckb (ku-IQ) must come before kmr (ku): %v", pos)
	}
	if pos["nb"] != 0 {
		t.Errorf("nb should stay first: %v", pos)
	}
}
