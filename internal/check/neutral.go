package check

import "strings"

// revealingWords may not appear in a page's file name, and so in its
// addresses (/<lang>/<slug>/, /go/<slug>, the QR code's file). An address
// sits in browser history, in a chat's link preview, in the phone camera's
// preview of a QR code and on printed posters: someone checking the reader's
// phone must not learn from it what she has been reading. Each entry is
// matched as a substring of the slug, so a stem catches its forms
// ("mishandl" catches mishandling and mishandlingsbestemmelsen). Norwegian
// and English, and the transliterations a slug could use.
var revealingWords = []string{
	// violence, abuse
	"violen", "abuse", "abusi", "assault", "batter", "beat", "rape", "harass", "stalk",
	"vold", "mishandl", "overgrep", "misbruk", "trakass",
	// shelter, crisis, escape
	"shelter", "crisis", "krise", "refuge", "escape", "flee", "flukt",
	// marriage, partner
	"marri", "marry", "wedding", "spouse", "husband", "divorce",
	"ekteskap", "ektefelle", "bryllup", "skilsmisse", "samliv",
	// genital cutting
	"genital", "mutilat", "fgm", "circumcis", "cutting", "kjonnslemlest", "omskj",
	// force, honour, control, trafficking
	"forced", "tvang", "honou", "honor", "aere", "trafficking", "menneskehandel", "sosial-kontroll",
	// victim, police report
	"victim", "offer", "domestic", "anmeld",
}

// RevealingWord returns the first word of revealingWords that slug contains,
// or "" when the slug is neutral.
func RevealingWord(slug string) string {
	s := strings.ToLower(slug)
	for _, w := range revealingWords {
		if strings.Contains(s, w) {
			return w
		}
	}
	return ""
}
