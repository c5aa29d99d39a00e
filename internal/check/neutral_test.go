package check

import "testing"

func TestRevealingWord(t *testing.T) {
	revealing := []string{
		"abuse-provision", "violence-is-illegal", "crisis-shelter", "forced-marriage",
		"female-genital-mutilation", "fgm", "krisesenter", "mishandlingsbestemmelsen",
		"vold", "tvangsekteskap", "honour-violence", "Domestic-Abuse", "kjonnslemlestelse",
		"marriage", "escape-plan",
	}
	for _, slug := range revealing {
		if RevealingWord(slug) == "" {
			t.Errorf("RevealingWord(%q) = \"\", want the word that gives the topic away", slug)
		}
	}
	neutral := []string{
		"_index", "call", "law", "stay", "permit", "travel", "choice", "health", "housing",
		"money", "children", "lawyer", "interpreter", "help", "safety-online", "about", "partners",
	}
	for _, slug := range neutral {
		if w := RevealingWord(slug); w != "" {
			t.Errorf("RevealingWord(%q) = %q, want \"\" for a neutral address", slug, w)
		}
	}
}
