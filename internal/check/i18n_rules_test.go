package check

import (
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

func TestI18nValueProblems(t *testing.T) {
	src := map[string]*i18n.Message{
		"quickExit":    {ID: "quickExit", Other: "Gå ut nå"},
		"lastReviewed": {ID: "lastReviewed", Other: "Sist kontrollert {{ .Date }}"},
		"sep":          {ID: "sep", Other: "·"},
	}
	tests := []struct{ toml, want string }{
		{"quickExit = \"\u200b\"", `i18n/ar.toml:1: quickExit shows no text (only spaces, invisible characters or punctuation): the button a reader taps to leave at once would be empty`},
		{"quickExit = \"\u00a0\u2060\"", `quickExit shows no text`},
		{"quickExit = \"...\"", `quickExit shows no text`},
		{"lastReviewed = \"x {{ .Date \"", `i18n/ar.toml:1: lastReviewed: the placeholder does not parse (`},
		{"lastReviewed = \"x {{ T .Date }}\"", `the placeholder does not parse (`},
		{"lastReviewed = \"x {{ .Dato }}\"", `lastReviewed: placeholder {{ .Dato }} is not in i18n/nb.toml's text ({{ .Date }}): use {{ .Date }}`},
		{"lastReviewed = \"x {{ .Date.Year }}\"", `lastReviewed: the placeholder does not work (`},
		{"quickExit = \"<b>اخرج</b>\"", `i18n/ar.toml:1: quickExit: "<b>" is markup, which the site shows as typed (the layouts print these texts as plain text): write plain text`},
		{"quickExit = \"<span class='x'>اخرج\"", `quickExit: "<span class='x'>" is markup`},
		{"quickExit = \"اخرج&nbsp;الآن\"", `quickExit: "&nbsp;" is markup`},
		{"quickExit = \"**اخرج**\"", `quickExit: "**اخرج**" is markup`},
		{"quickExit = \"[اخرج](https://www.yr.no/)\"", `quickExit: "](https://www.yr.no/)" is markup`},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range I18nValueProblems(parseMessages("i18n/ar.toml", []byte(tt.toml+"\n")), src, "nb") {
			got = append(got, p.String())
		}
		if !strings.Contains(strings.Join(got, "\n"), tt.want) {
			t.Errorf("%s:\n got %q\nwant …%s…", tt.toml, got, tt.want)
		}
	}
	ok := "quickExit = \"اخرج (< 5 s) & 2*3\"\nlastReviewed = \"{{ .Date }}\"\nsep = \"·\"\n"
	if p := I18nValueProblems(parseMessages("i18n/ar.toml", []byte(ok)), src, "nb"); len(p) > 0 {
		t.Errorf("good values: %v", p)
	}
}

func TestNeutralTexts(t *testing.T) {
	terms := []Term{
		{NB: "krisesenter", In: map[string]string{"en": "crisis shelter (krisesenter)", "ar": "مركز الأزمات (krisesenter)"}},
		{NB: "kjønnslemlestelse", In: map[string]string{"en": "female genital mutilation", "fa": "ختنه زنان"}},
		{NB: "tolk", In: map[string]string{"en": "interpreter"}},
	}
	reveal := []struct{ lang, text string }{
		{"en", "Crisis shelter"}, {"en", "Krisesenter info"}, {"ar", "مركز الأزمات"}, {"fa", "ختنه زنان"},
		{"nb", "Vold i nære relasjoner"}, {"ar", "Mishandlingsbestemmelsen"}, {"en", "Domestic matters"},
	}
	for _, tt := range reveal {
		if revealingIn(tt.text, RevealingTerms(terms, tt.lang)) == "" {
			t.Errorf("%s %q: not found revealing", tt.lang, tt.text)
		}
	}
	neutral := []struct{ lang, text string }{
		{"en", "Interpreter"}, {"fa", "سلامت زنان"}, {"en", "Women's health"}, {"en", "Your rights in Norway"}, {"nb", "Et sted å bo"}, {"en", "Phone battery and what we offer"},
	}
	for _, tt := range neutral {
		if w := revealingIn(tt.text, RevealingTerms(terms, tt.lang)); w != "" {
			t.Errorf("%s %q: found %q", tt.lang, tt.text, w)
		}
	}
}

func TestBidiProblems(t *testing.T) {
	for _, s := range []string{"a\u202eb", "a\u200fb", "a\u061cb", "a&#x202E;b", "a&#8238;b", "a&rlm;b", "a&LRM;b", "a&#x0202e;b", `a\u2067b`, `a\U0000202Eb`, `a\u202e1234`} {
		p := BidiProblems("f", []byte("ok\n"+s))
		if len(p) != 1 || p[0].Line != 2 || !strings.Contains(p[0].Msg, "invisible direction character U+") {
			t.Errorf("%q: %v", s, p)
		}
	}
	for _, s := range []string{"می\u200cخواهم", "&amp; &#x20; \\u0041", "a\u200db"} {
		if p := BidiProblems("f", []byte(s)); len(p) > 0 {
			t.Errorf("%q: %v", s, p)
		}
	}
}
