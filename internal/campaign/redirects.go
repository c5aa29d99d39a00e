package campaign

import (
	"github.com/redcross-no/familieinnvandring/internal/addresses"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// Rules are the generated Netlify rules, in the order Netlify must try them:
//
//  1. the root / and every /go/<slug>: one forced 302 per language, by the
//     browser's first Accept-Language (forced, because a file exists at both
//     paths: the language chooser, which everyone else gets);
//  2. /go itself, to the root;
//  3. each language's own "page not found".
//
// A topic gets a rule for a language only where the page is published in it,
// so a reader is never sent to a missing page. Netlify passes query strings
// (utm_source …) on to the target of 301, 302 and 200 rules that name no
// query parameters themselves, so campaign tags survive the redirect.
func Rules(s *Site) []netlify.Rule {
	routes := Routes(s.Config)
	var rules []netlify.Rule
	for _, slug := range append([]string{Home}, s.Slugs...) {
		first := true
		for _, r := range routes {
			if !s.Has(r.Code, slug) {
				continue
			}
			rule := netlify.Rule{From: addresses.GoPath(slug), To: addresses.PagePath(r.Code, slug), Status: 302, Force: true, Languages: r.Tags}
			if first {
				rule.Comment = addresses.GoPath(slug) + ": the page in the reader's language; other languages get the chooser at " + chooserFile(slug)
				first = false
			}
			rules = append(rules, rule)
		}
	}
	rules = append(rules, netlify.Rule{From: "/go", To: "/", Status: 302, Comment: "/go alone: the site root"})
	for i, l := range s.Config.Languages {
		rule := netlify.Rule{From: "/" + l.Code + "/*", To: "/" + l.Code + "/404.html", Status: 404}
		if i == 0 {
			rule.Comment = "each language's own \"page not found\""
		}
		rules = append(rules, rule)
	}
	return rules
}

func chooserFile(slug string) string {
	if slug == Home {
		return "/index.html"
	}
	return addresses.GoPath(slug) + "/index.html"
}
