package campaign

import (
	"encoding/json"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/publish"
	"github.com/redcross-no/familieinnvandring/internal/testenv"
)

// parsedRule is a rule as @netlify/redirect-parser returns it.
type parsedRule struct {
	From       string              `json:"from"`
	To         string              `json:"to"`
	Status     int                 `json:"status"`
	Force      bool                `json:"force"`
	Query      map[string]string   `json:"query"`
	Conditions map[string][]string `json:"conditions"`
}

// netlifyParse runs Netlify's own parser over a _redirects file and the
// repository's netlify.toml, and fails the test on any error it reports.
func netlifyParse(t *testing.T, redirects string) []parsedRule {
	t.Helper()
	repo, _ := filepath.Abs(filepath.Join("..", ".."))
	testenv.NodeModules(t)
	cmd := exec.Command("node", filepath.Join(repo, "internal", "netlify", "testdata", "parse-redirects.mjs"), redirects, filepath.Join(repo, "netlify.toml"))
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("node: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("node: %v", err)
	}
	var res struct {
		Redirects []parsedRule `json:"redirects"`
		Errors    []string     `json:"errors"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("Netlify's parser: %s", e)
	}
	return res.Redirects
}

// request is what a phone sends.
type request struct {
	path, query, acceptLanguage string
}

// response is what Netlify answers: a redirect, or the file it serves.
type response struct {
	status   int
	location string // for 301/302
	file     string // for 200 and 404: the file served
}

// resolve answers a request the way Netlify applies rules: in order, the
// first rule that matches wins; a rule that is not forced does not apply
// where a file exists at the path (shadowing); a Language condition looks at
// the first language of Accept-Language only, ignoring q-values; the query
// string is passed on to the target when the rule names no query parameters.
// prefix also lets a rule's bare tag ("ar") match a regional one ("ar-EG"):
// Netlify does not document which of the two it does, so the rules must work
// both ways.
func resolve(rules []parsedRule, out string, req request, prefix bool) response {
	first := strings.TrimSpace(strings.Split(strings.Split(req.acceptLanguage, ",")[0], ";")[0])
	file := staticFile(out, req.path)
	for _, r := range rules {
		if !pathMatches(r.From, req.path) || len(r.Query) > 0 {
			continue
		}
		if langs, ok := r.Conditions["Language"]; ok && !languageMatches(langs, first, prefix) {
			continue
		}
		if !r.Force && file != "" {
			return response{status: 200, file: file}
		}
		switch r.Status {
		case 301, 302:
			loc := r.To
			if req.query != "" {
				loc += "?" + req.query
			}
			return response{status: r.Status, location: loc}
		default:
			return response{status: r.Status, file: staticFile(out, r.To)}
		}
	}
	if file != "" {
		return response{status: 200, file: file}
	}
	return response{status: 404}
}

func pathMatches(from, p string) bool {
	from, p = strings.TrimSuffix(from, "/"), strings.TrimSuffix(p, "/")
	if s, ok := strings.CutSuffix(from, "*"); ok {
		return strings.HasPrefix(p+"/", s)
	}
	return from == p
}

func languageMatches(langs []string, first string, prefix bool) bool {
	for _, l := range langs {
		if strings.EqualFold(l, first) {
			return true
		}
		if prefix && !strings.Contains(l, "-") && strings.HasPrefix(strings.ToLower(first), strings.ToLower(l)+"-") {
			return true
		}
	}
	return false
}

// staticFile is the file Netlify serves for a path, or "".
func staticFile(out, p string) string {
	for _, f := range []string{p, path.Join(p, "index.html"), strings.TrimSuffix(p, "/") + ".html"} {
		if st, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err == nil && !st.IsDir() {
			return path.Clean("/" + f)
		}
	}
	return ""
}

// TestRedirectRules writes _redirects for a site with Dari, Persian and
// Arabic, has Netlify's parser read it, and resolves sample requests.
func TestRedirectRules(t *testing.T) {
	cfg := testConfig(t, "nb", "en", "ar", "fa", "prs", "ckb", "kmr")
	site := fakeSite(t, cfg, map[string][]string{
		"abuse-provision": {"nb", "en", "ar", "fa", "prs", "ckb", "kmr"},
		"help":            {"nb", "en", "ar"}, // not (yet) in fa or prs
	})
	kit := &Kit{Site: site}
	b := &publish.Build{Root: t.TempDir(), Dir: site.Out, Config: cfg}
	if err := publish.RunSteps(b, []publish.Step{kit.Choosers(), kit.QRCodes(), kit.Redirects()}); err != nil {
		t.Fatal(err)
	}
	rules := netlifyParse(t, filepath.Join(site.Out, "_redirects"))
	for _, r := range rules {
		if strings.HasPrefix(r.From, "/go/") && len(r.Query) > 0 {
			t.Errorf("rule %s names query parameters: Netlify would then drop the reader's utm_ tags", r.From)
		}
	}
	tests := []struct {
		req  request
		want response
	}{
		{request{"/go/abuse-provision", "", "ar"}, response{status: 302, location: "/ar/abuse-provision/"}},
		{request{"/go/abuse-provision", "", "ar-EG,ar;q=0.9,en;q=0.8"}, response{status: 302, location: "/ar/abuse-provision/"}},
		{request{"/go/abuse-provision/", "", "fa-AF"}, response{status: 302, location: "/prs/abuse-provision/"}},
		{request{"/go/abuse-provision", "", "fa-IR"}, response{status: 302, location: "/fa/abuse-provision/"}},
		{request{"/go/abuse-provision", "", "prs"}, response{status: 302, location: "/prs/abuse-provision/"}},
		{request{"/go/abuse-provision", "", "ku-IQ"}, response{status: 302, location: "/ckb/abuse-provision/"}},
		{request{"/go/abuse-provision", "", "ku"}, response{status: 302, location: "/kmr/abuse-provision/"}},
		{request{"/go/abuse-provision", "", "nn-NO"}, response{status: 302, location: "/nb/abuse-provision/"}},
		{request{"/go/abuse-provision", "utm_source=poster&utm_campaign=shelter", "ar-EG"}, response{status: 302, location: "/ar/abuse-provision/?utm_source=poster&utm_campaign=shelter"}},
		{request{"/go/abuse-provision", "utm_source=poster", "en-US"}, response{status: 302, location: "/en/abuse-provision/?utm_source=poster"}},
		// the first language decides, whatever the q-values
		{request{"/go/abuse-provision", "", "so,ar;q=0.9"}, response{status: 200, file: "/go/abuse-provision/index.html"}},
		{request{"/go/abuse-provision", "", "so"}, response{status: 200, file: "/go/abuse-provision/index.html"}},
		{request{"/go/abuse-provision", "utm_source=sms", "xx-unknown"}, response{status: 200, file: "/go/abuse-provision/index.html"}},
		{request{"/go/abuse-provision", "", ""}, response{status: 200, file: "/go/abuse-provision/index.html"}},
		// a topic not translated: never a missing page, the chooser instead
		{request{"/go/help", "", "fa-AF"}, response{status: 200, file: "/go/help/index.html"}},
		{request{"/go/help", "", "ar"}, response{status: 302, location: "/ar/help/"}},
		// the root
		{request{"/", "", "ar-EG"}, response{status: 302, location: "/ar/"}},
		{request{"/", "utm_medium=qr", "fa-AF"}, response{status: 302, location: "/prs/?utm_medium=qr"}},
		{request{"/", "", "so"}, response{status: 200, file: "/index.html"}},
		// the files next to the short links are not redirected
		{request{"/go/help/qr-go-help.svg", "", "ar"}, response{status: 200, file: "/go/help/qr-go-help.svg"}},
		// a missing page in a language gets that language's 404
		{request{"/ar/no-such-page/", "", "ar"}, response{status: 404, file: "/ar/404.html"}},
		{request{"/go", "", "ar"}, response{status: 302, location: "/"}},
	}
	for _, prefix := range []bool{false, true} {
		for _, tt := range tests {
			got := resolve(rules, site.Out, tt.req, prefix)
			if got != tt.want {
				t.Errorf("prefix matching %v: GET %s?%s Accept-Language: %q\n got %+v\nwant %+v", prefix, tt.req.path, tt.req.query, tt.req.acceptLanguage, got, tt.want)
			}
		}
	}
}
