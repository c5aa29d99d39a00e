package check

import (
	"fmt"
	"maps"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// SiteHost is the site's own domain: baseURL must be on it (every QR code,
// canonical link and link preview is made from baseURL), and the quick
// exit must not be. A move to another domain changes it here, in review.
const SiteHost = "dinerettigheter.no"

// configKeys are the settings of hugo.toml this site uses, in Hugo's lower
// case, with "*" for a language code. The set is closed: almost any other
// Hugo setting changes what is published in a way the checks do not
// foresee (disableLanguages, permalinks, uglyURLs, [security],
// [services], per-language params that replace the quick exit for one
// language, a theme or module import, excludeFiles on a mount …). A new
// one is added here, in review, with a rule for its value where needed.
var configKeys = map[string]func(e siteconfig.Entry) string{
	"baseurl":                                baseURLRule,
	"title":                                  isString,
	"defaultcontentlanguage":                 isString,
	"defaultcontentlanguageinsubdir":         mustBe(true, "with false Hugo publishes the source language at the root, in place of the language chooser"),
	"disablekinds":                           disableKindsRule,
	"enablerobotstxt":                        isBool,
	"disablehugogeneratorinject":             isBool,
	"params.quickexiturl":                    quickExitRule,
	"params.languagehints":                   isStringList,
	"params.lixmax":                          anyValue,
	"params.operator.name":                   isString,
	"params.operator.contact":                contactRule,
	"outputs.home":                           withHTML,
	"outputs.page":                           withHTML,
	"markup.goldmark.renderer.unsafe":        mustBe(false, "with true Hugo passes raw HTML in the Markdown on to readers (scripts, forms, a second quick exit)"),
	"minify.minifyoutput":                    isBool,
	"languages.*.label":                      isString,
	"languages.*.locale":                     isString,
	"languages.*.direction":                  isString,
	"languages.*.weight":                     anyValue,
	"module.mounts[].source":                 isString,
	"module.mounts[].target":                 isString,
	"module.mounts[].sites.matrix.languages": isStringList,
}

// The site's own output formats, the campaign poster and the brochure
// ([outputFormats.poster], [outputFormats.print]), take these keys; a
// changed baseName moves published addresses, which the build's URL
// contract then refuses.
func init() {
	for _, k := range []string{"mediatype", "basename", "ishtml", "nougly", "notalternative", "permalinkable"} {
		configKeys["outputformats.*."+k] = anyValue
	}
}

// otherConfigFiles are files Hugo would read as configuration beside or
// over hugo.toml: a second configuration the checks never see.
var otherConfigFiles = []string{"hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// configRules holds hugo.toml to the settings the site uses (class 7 of
// issue 12): every problem at hugo.toml:line.
func (c *checker) configRules() {
	for _, f := range otherConfigFiles {
		if _, err := os.Lstat(filepath.Join(c.root, f)); err == nil {
			c.r.add(f, 0, "Hugo would read this as the site's configuration beside hugo.toml, unchecked: the configuration is hugo.toml alone; move what you need there and delete this file")
		}
	}
	if st, err := os.Lstat(filepath.Join(c.root, "config")); err == nil && st.IsDir() {
		c.r.add("config", 0, "Hugo merges the config folder over hugo.toml, unchecked (a params file there replaces the quick exit): the configuration is hugo.toml alone; move what you need there and delete the folder")
	}
	b, err := os.ReadFile(filepath.Join(c.root, siteconfig.File))
	if err != nil {
		return // siteconfig.Load reported it
	}
	entries, err := siteconfig.Entries(b)
	if err != nil {
		return // siteconfig.Parse reported it with its line
	}
	c.r.Problems = append(c.r.Problems, ConfigProblems(entries, c.cfg)...)
}

// ConfigProblems are the problems of hugo.toml's entries.
func ConfigProblems(entries []siteconfig.Entry, cfg *siteconfig.Config) []Problem {
	var probs []Problem
	add := func(e siteconfig.Entry, format string, args ...any) {
		probs = append(probs, Problem{File: siteconfig.File, Line: e.Line, Msg: fmt.Sprintf(format, args...)})
	}
	seen := map[string]siteconfig.Entry{}
	found := map[string]bool{}
	mounts := map[int][]siteconfig.Entry{}
	for _, e := range entries {
		id := fmt.Sprintf("%s#%d", e.Key, e.Index)
		if first, ok := seen[id]; ok {
			add(e, "%s is set twice (also on line %d as %s): Hugo reads keys in any case and keeps only one; keep one", e.Written, first.Line, first.Written)
			continue
		}
		seen[id] = e
		found[e.Key] = true
		rule, ok := configKeys[configPattern(e.Key)]
		if !ok {
			add(e, "%s is not a setting this site uses: a Hugo setting can hide, move or change published pages, so check accepts only those listed in internal/check/config_rules.go; remove it, or add it there in review", e.Written)
			continue
		}
		if msg := rule(e); msg != "" {
			add(e, "%s %s", e.Written, msg)
		}
		if strings.HasPrefix(e.Key, "module.mounts[].") {
			mounts[e.Index] = append(mounts[e.Index], e)
		}
	}
	if !found["params.quickexiturl"] {
		probs = append(probs, Problem{File: siteconfig.File, Msg: "params.quickExitURL is not set: under [params], set quickExitURL to the neutral site the quick exit leaves for, e.g. \"https://www.yr.no/\""})
	}
	// An empty [[module.mounts]] has no entries: the indexes can skip one.
	for _, i := range slices.Sorted(maps.Keys(mounts)) {
		if msg, e := mountRule(mounts[i], cfg); msg != "" {
			add(e, "%s", msg)
		}
	}
	return probs
}

// configPattern is the key as configKeys lists it: a language's code and
// the site's two output formats' names made general.
func configPattern(key string) string {
	parts := strings.Split(key, ".")
	switch {
	case len(parts) == 3 && parts[0] == "languages":
		parts[1] = "*"
	case len(parts) == 3 && parts[0] == "outputformats" && (parts[1] == "poster" || parts[1] == "print"):
		parts[1] = "*"
	}
	return strings.Join(parts, ".")
}

func anyValue(siteconfig.Entry) string { return "" }

func isString(e siteconfig.Entry) string {
	if _, ok := e.Value.(string); !ok {
		return "must be a quoted string"
	}
	return ""
}

func isBool(e siteconfig.Entry) string {
	if _, ok := e.Value.(bool); !ok {
		return "must be true or false"
	}
	return ""
}

func isStringList(e siteconfig.Entry) string {
	list, ok := e.Value.([]any)
	if !ok {
		return "must be a list of quoted strings, e.g. [\"nb\"]"
	}
	for _, v := range list {
		if _, ok := v.(string); !ok {
			return "must be a list of quoted strings, e.g. [\"nb\"]"
		}
	}
	return ""
}

// mustBe pins a setting to one boolean. Hugo also reads the string "true"
// as true, so only the TOML boolean counts.
func mustBe(want bool, why string) func(siteconfig.Entry) string {
	return func(e siteconfig.Entry) string {
		if v, ok := e.Value.(bool); ok && v == want {
			return ""
		}
		return fmt.Sprintf("must be %t: %s", want, why)
	}
}

func stringList(e siteconfig.Entry) []string {
	list, _ := e.Value.([]any)
	var out []string
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, strings.ToLower(s))
		}
	}
	return out
}

func disableKindsRule(e siteconfig.Entry) string {
	got := stringList(e)
	slices.Sort(got)
	if slices.Equal(got, []string{"rss", "sitemap", "taxonomy", "term"}) {
		return ""
	}
	return "must be [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]: the site publishes home pages and pages only; a feed or sitemap lists every page's title, and disabling a page kind removes published pages"
}

func withHTML(e siteconfig.Entry) string {
	if slices.Contains(stringList(e), "html") {
		return ""
	}
	return "must include \"html\": without it Hugo publishes none of these pages"
}

// baseURLRule: https on the site's own domain, nothing else; every QR code
// and canonical address is made from it.
func baseURLRule(e siteconfig.Entry) string {
	s, _ := e.Value.(string)
	u, err := url.Parse(s)
	want := "https://www." + SiteHost + "/"
	switch {
	case err != nil || u.Scheme != "https" || u.Host == "":
		return fmt.Sprintf("is %q, not an https address: write %q", s, want)
	case u.User != nil || u.Port() != "" || u.RawQuery != "" || u.Fragment != "" || (u.Path != "" && u.Path != "/"):
		return fmt.Sprintf("is %q: write the site's address alone, %q (a path, port or user name would change every published address and QR code)", s, want)
	case strings.ToLower(u.Hostname()) != SiteHost && strings.ToLower(u.Hostname()) != "www."+SiteHost:
		return fmt.Sprintf("is %q, not on the site's own domain %s: every QR code and link preview would point there; write %q (a move to another domain changes SiteHost in internal/check/config_rules.go, in review)", s, SiteHost, want)
	}
	return ""
}

// quickExitRule: the quick exit leaves at once for a neutral site: an
// absolute https address on another site, one of AllowedHosts (compared
// in punycode, so no lookalike).
func quickExitRule(e siteconfig.Entry) string {
	s, _ := e.Value.(string)
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Scheme != "https" || u.Host == "" || u.Opaque != "":
		return fmt.Sprintf("is %q, not an absolute https address: the quick exit must leave for a neutral site on its own, e.g. \"https://www.yr.no/\"", s)
	case u.User != nil || u.Port() != "":
		return fmt.Sprintf("is %q: write the neutral site's plain address, without a user name or port", s)
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == SiteHost || strings.HasSuffix(host, "."+SiteHost) {
		return fmt.Sprintf("is %q, on this site: the quick exit must leave the site (and its history entry) for a neutral one, e.g. \"https://www.yr.no/\"", s)
	}
	if ok, why := AllowedHost(u.Hostname()); !ok {
		return fmt.Sprintf("%q %s", s, why)
	}
	return ""
}

// contactRule: the about page links the operator's contact: a plain
// e-mail address or an https address on an allowed host.
func contactRule(e siteconfig.Entry) string {
	s, _ := e.Value.(string)
	if s == "" {
		return ""
	}
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil || u.Scheme != "https" || u.User != nil {
			return fmt.Sprintf("is %q: write a plain e-mail address or an https address", s)
		}
		if ok, why := AllowedHost(u.Hostname()); !ok {
			return fmt.Sprintf("%q %s", s, why)
		}
		return ""
	}
	if a, err := mail.ParseAddress(s); err != nil || a.Address != s || strings.ContainsAny(s, "?&") {
		return fmt.Sprintf("is %q: write a plain e-mail address (name@example.no) or an https address", s)
	}
	return ""
}

var i18nFileRE = regexp.MustCompile(`^i18n/([a-z]{2,3})\.toml$`)

// mountRule: Hugo reads content and interface text through the mounts,
// and nothing else: each language's content folder for that language, the
// fallback adapter for every language, the i18n folder, and a language's
// i18n file under its locale (siteconfig.AddI18nMount).
func mountRule(m []siteconfig.Entry, cfg *siteconfig.Config) (string, siteconfig.Entry) {
	var src, target string
	var langs []string
	at := m[0]
	for _, e := range m {
		switch e.Key {
		case "module.mounts[].source":
			src, _ = e.Value.(string)
		case "module.mounts[].target":
			target, _ = e.Value.(string)
		case "module.mounts[].sites.matrix.languages":
			langs = stringList(e)
		}
	}
	bad := fmt.Sprintf("the mount of %q as %q is not one this site uses: mounts give Hugo each language's content folder (content/<lang>, for that language), content/_fallback (for every language) and the i18n files; write it as `site new-language` does", src, target)
	switch {
	case target == "content" && src == "content/_fallback":
		if !slices.Equal(langs, []string{"**"}) {
			return bad, at
		}
	case target == "content" && strings.HasPrefix(src, "content/"):
		code := strings.TrimPrefix(src, "content/")
		if _, ok := cfg.Language(code); !ok || !slices.Equal(langs, []string{code}) {
			return bad, at
		}
	case target == "i18n" && src == "i18n" && langs == nil:
	case strings.HasPrefix(target, "i18n/") && langs == nil:
		m := i18nFileRE.FindStringSubmatch(src)
		if m == nil {
			return bad, at
		}
		if _, ok := cfg.Language(m[1]); !ok {
			return bad, at
		}
	default:
		return bad, at
	}
	return "", at
}
