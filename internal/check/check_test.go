package check

import (
	"github.com/redcross-no/familieinnvandring/internal/content"

	"math"
	"strings"
	"testing"
)

func TestPhoneNumbersInText(t *testing.T) {
	c := &checker{r: &Report{}, phones: []string{"112", "113", "02800", "81555201"}}
	tests := []struct {
		text string
		want string // the number reported, "" for none
	}{
		{"Ring 815 55 201 nå.", "815 55 201"},
		{"Ring 81555201.", "81555201"},
		{"Ring +47 815 55 201.", "+47 815 55 201"},
		{"Ring 112 hvis du er i fare.", "112"},
		{"اتصلي بالرقم ١١٢ الآن", "١١٢"},     // Arabic-Indic digits, quoted as typed
		{"تماس با ۸۱۵ ۵۵ ۲۰۱", "۸۱۵ ۵۵ ۲۰۱"}, // Persian digits
		{"Ring 02800.", "02800"},
		{"Siden 2018 gjelder det også svigerfamilien.", ""},
		{"Loven (LOV-2021-06-11-79) gjelder fra 1. januar 2022.", ""},
		{"Etter § 53 første ledd bokstav b.", ""},
		{"Du må være over 18 år, og kan bo der i 9 måneder.", ""},
		{"Gebyret er NOK 1 100.", ""},
		{"Gebyret er 11 000 kr.", ""},
		{"Åpent 09:00–16:00.", ""},
		{"Dato 2026-11-21.", ""},
	}
	for _, tt := range tests {
		c.r.Problems = nil
		c.phoneInText(&Page{Page: &content.Page{File: "p.md"}}, 1, tt.text)
		switch {
		case tt.want == "" && len(c.r.Problems) > 0:
			t.Errorf("%q: reported %s", tt.text, c.r.Problems[0])
		case tt.want != "" && len(c.r.Problems) == 0:
			t.Errorf("%q: %q not reported", tt.text, tt.want)
		case tt.want != "" && !strings.Contains(c.r.Problems[0].Msg, `"`+tt.want+`"`):
			t.Errorf("%q: got %s, want %q named", tt.text, c.r.Problems[0], tt.want)
		}
	}
}

func TestLIX(t *testing.T) {
	tests := []struct {
		name   string
		blocks []string
		want   float64
	}{
		// 6 words, 2 sentences, 0 long words: 6/2 + 0
		{"short", []string{"Du har rett. Du kan ringe."}, 3},
		// 4 words, 1 sentence, 2 long (oppholdstillatelse, mishandlingsbestemmelsen): 4 + 50
		{"long words", []string{"Oppholdstillatelse etter mishandlingsbestemmelsen gjelder."}, 4 + 75},
		// a heading without a full stop still ends a sentence
		{"heading", []string{"Hva gjør UDI", "De ser på saken."}, 7.0/2 + 0},
		{"empty", nil, 0},
	}
	for _, tt := range tests {
		got := LIX(tt.blocks...)
		if math.Abs(got-tt.want) > 0.01 {
			t.Errorf("%s: LIX = %.2f, want %.2f", tt.name, got, tt.want)
		}
	}
}

func TestPluralFormsFromCLDR(t *testing.T) {
	tests := map[string]string{
		"nb": "one other",
		"en": "one other",
		"ar": "zero one two few many other",
		"pl": "one few many other",
		"ru": "one few many other",
		"lt": "one few many other",
		"th": "other",
	}
	for lang, want := range tests {
		if got := strings.Join(PluralForms(lang), " "); got != want {
			t.Errorf("%s: forms %q, want %q", lang, got, want)
		}
	}
}

func TestShortcodesAreBlankedKeepingLines(t *testing.T) {
	c := &checker{r: &Report{}, services: map[string]bool{"vo-linjen": true}, shortcodes: map[string]bool{"phone": true}}
	body := []byte("Ring {{< phone \"vo-linjen\" >}} nå.\n{{< phone\n  \"vo-linjen\" >}}\nSlutt.")
	out := c.blankShortcodes(&Page{Page: &content.Page{File: "p.md"}}, body, 5)
	if len(out) != len(body) || strings.Count(string(out), "\n") != strings.Count(string(body), "\n") {
		t.Fatalf("blanking changed length or lines: %q", out)
	}
	if strings.Contains(string(out), "vo-linjen") || !strings.HasPrefix(string(out), "Ring ") || !strings.HasSuffix(string(out), "Slutt.") {
		t.Errorf("blanked body = %q", out)
	}
	if len(c.r.Problems) != 0 {
		t.Errorf("unexpected problems: %v", c.r.Problems)
	}
	c.blankShortcodes(&Page{Page: &content.Page{File: "p.md"}}, []byte("a\n{{< phone \"x\" >}}\n{{< fone \"vo-linjen\" >}}\n{{< phone \"vo-linjen\" "), 10)
	want := []string{
		`p.md:11: unknown service id "x": use an id from data/services.yaml`,
		`p.md:12: unknown shortcode "fone": did you mean "phone"? (shortcodes: "phone")`,
		`p.md:13: shortcode is not closed: end it with >}}`,
	}
	if len(c.r.Problems) != len(want) {
		t.Fatalf("problems = %v", c.r.Problems)
	}
	for i, w := range want {
		if got := c.r.Problems[i].String(); got != w {
			t.Errorf("problem %d = %q, want %q", i, got, w)
		}
	}
}
