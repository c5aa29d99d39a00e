package check

import (
	"net/url"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// FuzzRedirectRules: whatever a static/_redirects file says, a rule that
// the hand-written rules accept never sends a reader off the site, for any
// address it matches: its target, filled in as Netlify fills it and read
// as a browser reads a Location header (a backslash is a slash), stays on
// the site's own host, and the rule is a plain 301 or 302 with no "!".
func FuzzRedirectRules(f *testing.F) {
	f.Add([]byte("/nb/old/*  /nb/new/:splat  301\n/go/old  /go/new  302\n"), "/nb/old/poster/")
	f.Add([]byte("/nb/x/*  /:splat  301\n"), "/nb/x//example.com")
	f.Add([]byte("/nb/x/*  /nb/:splat  301\n"), `/nb/x/\example.com`)
	f.Add([]byte("/nb/x  https://example.com/  301\n/* /nb/ 301!\n/:a/:b  /:b  302\n"), "/example.com/x")
	f.Add([]byte("/nb/x  /\\example.com  301\n/nb/y //example.com 301\n"), "/nb/x")
	f.Fuzz(func(t *testing.T, file []byte, request string) {
		rules, err := netlify.ParseRedirects("static/_redirects", file)
		if err != nil {
			return
		}
		site, _ := url.Parse("https://www." + SiteHost + "/")
		for _, r := range rules {
			if len(RedirectProblems(r, func(string) bool { return true })) > 0 {
				continue
			}
			if (r.Status != 301 && r.Status != 302) || r.Force || len(r.Languages) > 0 || len(r.Conditions) > 0 {
				t.Fatalf("accepted %q", r.String())
			}
			for _, p := range []string{request, r.From, strings.TrimSuffix(r.From, "*") + request} {
				if !r.Matches(p) {
					continue
				}
				target := r.Target(p)
				for _, loc := range []string{target, strings.ReplaceAll(target, `\`, "/")} {
					u, err := url.Parse(loc)
					if err != nil {
						continue // a browser would not follow it either
					}
					if got := site.ResolveReference(u); got.Host != site.Host || got.Scheme != "https" {
						t.Fatalf("accepted %q sends %q to %q, on %q", r.String(), p, target, got.Host)
					}
				}
			}
		}
	})
}
