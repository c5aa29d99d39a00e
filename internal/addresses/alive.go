package addresses

import (
	"fmt"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// keptAlive reports whether the hand-written rules keep the URL u working
// for every reader, as Netlify applies them: the first rule that matches u
// and applies to everyone (no Language condition: those leave other readers
// without a page) decides. It counts only when it is a redirect whose
// target is a page that exists (live): a redirect to nowhere is a dead
// link on a poster all the same. The deciding rule and its target are
// returned for the message (nil when no rule matches).
func keptAlive(rules []netlify.Rule, u string, live func(string) bool) (*netlify.Rule, string, bool) {
	for i := range rules {
		r := &rules[i]
		if len(r.Languages) > 0 || !r.Matches(u) {
			continue
		}
		if r.Status != 301 && r.Status != 302 {
			return r, "", false // 404 is how a page goes missing; 200 serves another page's text
		}
		t := r.Target(u)
		return r, t, LiveTarget(live, t)
	}
	return nil, "", false
}

// LiveTarget reports whether the same-site redirect target t is a page
// that live says exists. Netlify serves /nb/help and /nb/help/ alike (the
// first is redirected to the second), so either form counts. A target on
// another site never does.
func LiveTarget(live func(string) bool, t string) bool {
	if !strings.HasPrefix(t, "/") || strings.HasPrefix(t, "//") {
		return false
	}
	if i := strings.IndexAny(t, "?#"); i >= 0 {
		t = t[:i]
	}
	if live(t) {
		return true
	}
	if strings.HasSuffix(t, "/") {
		return t != "/" && live(strings.TrimSuffix(t, "/"))
	}
	return live(t + "/")
}

// Live returns a predicate for the URLs that the sources publish (pages in
// every language, untranslated fallbacks, posters, brochures, /go/ links,
// aliases), for checks that run before Hugo.
func Live(cfg *siteconfig.Config, pages []*content.Page) func(string) bool {
	return expectedURLs(cfg, pages)
}

// ruleAt names where a rule was written: "static/_redirects:12".
func ruleAt(r *netlify.Rule) string {
	if r.Line > 0 {
		return fmt.Sprintf("%s:%d", r.File, r.Line)
	}
	if r.File != "" {
		return r.File
	}
	return "the generated _redirects"
}
