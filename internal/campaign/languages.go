// Package campaign makes what organisations put on posters, leaflets and
// social media: language-neutral short links (/go/<slug>), QR codes, the
// browser-language table behind them, and the list of every URL the site has
// ever published.
package campaign

import (
	"slices"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// browserTags lists, for each site language code, the language tags browsers
// send (first entry of Accept-Language) that should open that language. It
// covers every language planned in DESIGN.md, so adding one to hugo.toml
// needs no change here. A tag may appear under more than one code: the first
// configured one wins (see candidates).
//
// Netlify matches a Language condition against the first language of the
// Accept-Language header only, so each regional variant is listed: whether
// Netlify also lets "ar" match "ar-EG" is undocumented, and the rules work
// either way.
//
// Kurdish: "ckb" is Sorani (Central Kurdish, Arabic script), "kmr" Kurmanji
// (Latin script); a browser may send either code, or "ku" with a script or
// a region. Windows calls Sorani "ku-Arab" (ku-Arab-IQ), so ku-Arab goes to
// Sorani, and so does ku with Iraq or Iran, where most Kurdish readers write
// Sorani. Bare "ku", ku-Latn and ku with Turkey, Syria, Armenia or Germany go
// to Kurmanji: CLDR's "ku" is Kurmanji, and Kurmanji speakers are most of
// the Kurds of those countries. Either way the footer lists both by name.
// Dari: browsers send fa-AF (and Windows prs-AF); Persian from Iran is fa.
var browserTags = map[string][]string{
	"nb":  {"nb", "nb-NO", "no", "no-NO", "nn", "nn-NO", "nb-SJ"},
	"en":  {"en", "en-GB", "en-US", "en-AU", "en-CA", "en-IE", "en-IN", "en-NZ", "en-ZA", "en-NG", "en-KE", "en-PK", "en-PH", "en-GH", "en-SG", "en-ER", "en-ET", "en-001", "en-150"},
	"ar":  {"ar", "ar-EG", "ar-SA", "ar-SY", "ar-IQ", "ar-JO", "ar-LB", "ar-MA", "ar-DZ", "ar-TN", "ar-LY", "ar-SD", "ar-YE", "ar-AE", "ar-KW", "ar-QA", "ar-BH", "ar-OM", "ar-PS", "ar-SO", "ar-ER", "ar-DJ", "ar-MR", "ar-TD", "ar-001"},
	"so":  {"so", "so-SO", "so-DJ", "so-ET", "so-KE"},
	"ur":  {"ur", "ur-PK", "ur-IN"},
	"fa":  {"fa", "fa-IR"},
	"prs": {"prs", "prs-AF", "fa-AF", "prs-Arab", "fa-Arab-AF"},
	"ps":  {"ps", "ps-AF", "ps-PK"},
	"ckb": {"ckb", "ckb-IQ", "ckb-IR", "ckb-Arab", "ckb-Arab-IQ", "ku-Arab", "ku-Arab-IQ", "ku-Arab-IR", "ku-IQ", "ku-IR"},
	"kmr": {"kmr", "kmr-TR", "kmr-SY", "kmr-Latn", "ku", "ku-Latn", "ku-Latn-TR", "ku-TR", "ku-SY", "ku-AM", "ku-DE"},
	"ti":  {"ti", "ti-ER", "ti-ET"},
	"am":  {"am", "am-ET"},
	"tr":  {"tr", "tr-TR", "tr-CY"},
	"pl":  {"pl", "pl-PL"},
	"lt":  {"lt", "lt-LT"},
	"th":  {"th", "th-TH"},
	"tl":  {"tl", "tl-PH", "fil", "fil-PH"},
	"vi":  {"vi", "vi-VN"},
	"ru":  {"ru", "ru-RU", "ru-UA", "ru-BY", "ru-KZ", "ru-KG", "ru-MD"},
	"uk":  {"uk", "uk-UA"},
	"ta":  {"ta", "ta-IN", "ta-LK", "ta-SG", "ta-MY"},
	"es":  {"es", "es-ES", "es-419", "es-MX", "es-AR", "es-CO", "es-CL", "es-PE", "es-VE", "es-EC", "es-GT", "es-CU", "es-BO", "es-DO", "es-HN", "es-PY", "es-SV", "es-NI", "es-CR", "es-PA", "es-UY", "es-PR", "es-US"},
	"fr":  {"fr", "fr-FR", "fr-BE", "fr-CH", "fr-CA", "fr-LU", "fr-MA", "fr-DZ", "fr-TN", "fr-SN", "fr-CI", "fr-CM", "fr-CD", "fr-HT", "fr-DJ", "fr-TD", "fr-ML", "fr-NE", "fr-BF", "fr-GN", "fr-RW", "fr-BI", "fr-MG"},
	"pt":  {"pt", "pt-BR", "pt-PT", "pt-AO", "pt-MZ", "pt-CV", "pt-GW", "pt-ST", "pt-TL"},
}

// Fallbacks: where a tag's own language is not on the site yet, the closest
// one that is. Dari readers read Persian; Persian readers read Dari.
var nearLanguages = map[string][]string{
	"prs": {"fa"},
	"fa":  {"prs"},
	"ckb": {"kmr"},
	"kmr": {"ckb"},
	"tl":  {"en"},
}

// LanguageRoute is one site language and the browser tags that open it.
type LanguageRoute struct {
	Code string   // site language code, e.g. "prs"
	Tags []string // Accept-Language tags, e.g. "prs", "prs-AF", "fa-AF"
}

// Routes maps browser language tags to the configured languages. Each tag
// goes to exactly one language: its own if configured, else a near one. A
// configured language missing from browserTags gets its code and its locale
// (from hugo.toml), so a new language works without touching this table.
//
// The routes are ordered so that a language holding a regional tag
// ("fa-AF" under prs) comes before the language whose bare code would
// otherwise catch it ("fa"): rules that match a prefix then still send Dari
// readers to Dari.
func Routes(cfg *siteconfig.Config) []LanguageRoute {
	configured := map[string]bool{}
	for _, l := range cfg.Languages {
		configured[l.Code] = true
	}
	owner := map[string]string{} // lower-case tag → code
	var order []string           // tags in first-seen order, for determinism
	claim := func(tag, code string) {
		k := strings.ToLower(tag)
		if _, taken := owner[k]; taken {
			return
		}
		owner[k] = code
		order = append(order, tag)
	}
	// A language's own tags first, for every configured language…
	for _, l := range cfg.Languages {
		tags, known := browserTags[l.Code]
		if !known {
			tags = []string{l.Code}
			if l.Locale != "" && !strings.EqualFold(l.Locale, l.Code) {
				tags = append(tags, l.Locale)
			}
		}
		for _, t := range tags {
			claim(t, l.Code)
		}
	}
	// …then tags of languages not on the site, sent to a near language.
	codes := make([]string, 0, len(browserTags))
	for code := range browserTags {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		if configured[code] {
			continue
		}
		for _, near := range nearLanguages[code] {
			if configured[near] {
				for _, t := range browserTags[code] {
					claim(t, near)
				}
				break
			}
		}
	}
	byCode := map[string][]string{}
	for _, t := range order {
		c := owner[strings.ToLower(t)]
		byCode[c] = append(byCode[c], t)
	}
	var routes []LanguageRoute
	for _, l := range cfg.Languages {
		if len(byCode[l.Code]) > 0 {
			routes = append(routes, LanguageRoute{Code: l.Code, Tags: byCode[l.Code]})
		}
	}
	return specificFirst(routes)
}

// specificFirst orders routes so that a route with a regional tag X-R comes
// before any route with the bare tag X (stable otherwise: hugo.toml weight).
func specificFirst(routes []LanguageRoute) []LanguageRoute {
	bare := map[string]int{} // bare tag → index of the route holding it
	for i, r := range routes {
		for _, t := range r.Tags {
			if !strings.Contains(t, "-") {
				bare[strings.ToLower(t)] = i
			}
		}
	}
	// before[i] lists the routes that must come after route i.
	mustPrecede := func(a, b int) bool { // route a holds a regional tag whose bare form b holds
		for _, t := range routes[a].Tags {
			primary, _, regional := strings.Cut(strings.ToLower(t), "-")
			if regional {
				if j, ok := bare[primary]; ok && j == b && a != b {
					return true
				}
			}
		}
		return false
	}
	var out []LanguageRoute
	placed := make([]bool, len(routes))
	for len(out) < len(routes) {
		progressed := false
		for i := range routes {
			if placed[i] {
				continue
			}
			ready := true
			for j := range routes {
				if !placed[j] && j != i && mustPrecede(j, i) {
					ready = false
					break
				}
			}
			if ready {
				out = append(out, routes[i])
				placed[i] = true
				progressed = true
				break
			}
		}
		if !progressed { // a cycle: keep the remaining order as it is
			for i := range routes {
				if !placed[i] {
					out = append(out, routes[i])
					placed[i] = true
				}
			}
		}
	}
	return out
}
