package campaign

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/redcross-no/familieinnvandring/internal/addresses"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// multilingualTemplate is the page for a reader whose language the site
// cannot know: the root /, the chooser behind every /go/<slug> (for browsers
// whose language the site does not have) and the site-wide /404.html
// (Netlify's answer for any unknown address, a mistyped /go/ link on a
// poster included). It speaks every language: the quick exit carries every
// language's label (still one link, one tap), 112 and 113 are tap-to-call,
// and every language is listed by its own name with the topic in it. Plain
// links, no JavaScript needed. From the built home page it takes what every
// page carries: the one inline stylesheet (so the Content-Security-Policy
// hash covers it), the icon and quick-exit script, the quick exit's link and
// hint, the emergency numbers (data/services.yaml through the phone partial)
// and the neutral title (PRIVACY.md). Every piece of content is inside a
// landmark.
var multilingualTemplate = template.Must(template.New("multilingual").Parse(`<!doctype html>
<html lang="mul">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{ .Title }}
<meta name="referrer" content="no-referrer">
{{- if .NoIndex }}
<meta name="robots" content="noindex">
{{- end }}
{{ .Head }}
</head>
<body class="mul">
<nav class="exit-nav" aria-label="{{ .ExitName }}">
{{ .ExitLink }}{{ range $i, $l := .ExitLabels }}{{ if $i }} {{ end }}<span lang="{{ $l.Locale }}" dir="{{ $l.Dir }}">{{ $l.Text }}</span>{{ end }}</a>
{{ .ExitHint }}
</nav>
<header class="mul-header">
<p class="emergency-strip">
{{- range .Numbers }}
<a class="tel" href="{{ .Href }}"><bdi dir="ltr">{{ .Display }}</bdi> <span class="tel-label">{{ range $i, $l := .Labels }}{{ if $i }} · {{ end }}<span lang="{{ $l.Locale }}" dir="{{ $l.Dir }}">{{ $l.Text }}</span>{{ end }}</span></a>
{{- end }}
</p>
</header>
<main id="main" class="chooser">
<h1>{{ range $i, $h := .Headings }}{{ if $i }} · {{ end }}<span lang="{{ $h.Locale }}" dir="{{ $h.Dir }}">{{ $h.Text }}</span>{{ end }}</h1>
<ul class="chooser-list chooser-topics">
{{- range .Links }}
<li><a href="{{ .Href }}" lang="{{ .Locale }}" dir="{{ .Dir }}" hreflang="{{ .Locale }}"><span class="chooser-lang">{{ .Label }}</span>{{ with .Title }} <span class="chooser-title">{{ . }}</span>{{ end }}</a></li>
{{- end }}
</ul>
</main>
</body>
</html>
`))

type chooserText struct{ Locale, Dir, Text string }

type chooserLink struct {
	Href, Locale, Dir, Label, Title string
}

type emergencyNumber struct {
	Href          template.URL
	Display       string
	Labels        []chooserText
	labelKey, tel string
}

type multilingualPage struct {
	Title, Head, ExitLink, ExitHint template.HTML
	NoIndex                         bool
	ExitName                        string
	ExitLabels, Headings            []chooserText
	Numbers                         []emergencyNumber
	Links                           []chooserLink
}

// What the multilingual pages copy from the built home page.
var (
	titleRE    = regexp.MustCompile(`<title>[^<]*</title>`)
	headRE     = regexp.MustCompile(`(?s)<link rel=icon[^>]*>|<style>.*?</style>|<script src=[^>]*quick-exit[^>]*></script>`)
	exitLinkRE = regexp.MustCompile(`<a id=quick-exit[^>]*>`)
	exitHintRE = regexp.MustCompile(`<span id=quick-exit-hint[^>]*>[^<]*</span>`)
	telRE      = regexp.MustCompile(`<a class=tel href=tel:(\+?[0-9]+)>.*?<bdi dir=ltr>([^<]*)</bdi></a>`)
)

// headingLanguages is how many languages (the first in hugo.toml) a
// multilingual heading or label names: it stays short, and every language
// is in the list below it.
const headingLanguages = 3

// WriteChoosers writes the pages for readers whose language is not known:
// the root /index.html (over the one Hugo wrote), /go/<slug>/index.html for
// every topic, and /404.html.
func WriteChoosers(s *Site, root string) error {
	home, err := os.ReadFile(filepath.Join(s.Out, s.Config.Default, "index.html"))
	if err != nil {
		return fmt.Errorf("language chooser pages: %w", err)
	}
	head := bytes.Join(headRE.FindAll(home, -1), []byte("\n"))
	exitLink, exitHint := exitLinkRE.Find(home), exitHintRE.Find(home)
	if len(exitLink) == 0 || len(head) == 0 {
		return fmt.Errorf("language chooser pages: %s/index.html has no quick exit or stylesheet to share", s.Config.Default)
	}
	i18n := newI18n(root)
	// every language's own label for the quick exit, each once (Persian and
	// Dari share theirs)
	var exitLabels []chooserText
	seen := map[string]bool{}
	for _, l := range s.Config.Languages {
		if t := i18n.get(l.Code, "quickExit"); t != "" && !seen[t] {
			seen[t] = true
			exitLabels = append(exitLabels, chooserText{locale(l.Locale, l.Code), l.Direction, t})
		}
	}
	// 112 and 113 as the home page shows them (data/services.yaml)
	numbers := []emergencyNumber{{labelKey: "callPolice", tel: "112"}, {labelKey: "callAmbulance", tel: "113"}}
	for i := range numbers {
		n := &numbers[i]
		for _, m := range telRE.FindAllSubmatch(home, -1) {
			if string(m[1]) == n.tel {
				n.Href, n.Display = template.URL("tel:"+string(m[1])), string(m[2])
				break
			}
		}
		if n.Display == "" {
			return fmt.Errorf("language chooser pages: %s/index.html has no tap-to-call link for %s", s.Config.Default, n.tel)
		}
		n.Labels = i18n.first(s, n.labelKey)
	}
	page := func(headingKey string) multilingualPage {
		var names []string
		for _, t := range i18n.first(s, "quickExit") {
			names = append(names, t.Text)
		}
		return multilingualPage{
			Title: template.HTML(titleRE.Find(home)), Head: template.HTML(head),
			ExitLink: template.HTML(exitLink), ExitHint: template.HTML(exitHint),
			ExitName: strings.Join(names, " · "), ExitLabels: exitLabels,
			Numbers: numbers, Headings: i18n.first(s, headingKey),
		}
	}
	link := func(l siteconfig.Language, href, title string) chooserLink {
		return chooserLink{Href: href, Locale: locale(l.Locale, l.Code), Dir: l.Direction, Label: l.Label, Title: title}
	}

	// the root: every language's home page, under the site's name in it
	rootPage := page("chooseLanguage")
	for _, l := range s.Config.Languages {
		rootPage.Links = append(rootPage.Links, link(l, addresses.PagePath(l.Code, Home), i18n.get(l.Code, "siteName")))
	}
	if err := writePage(filepath.Join(s.Out, "index.html"), rootPage); err != nil {
		return err
	}
	// not found: in every language, with the way to its home page
	notFound := page("notFoundTitle")
	notFound.NoIndex = true
	for _, l := range s.Config.Languages {
		title := strings.TrimSpace(i18n.get(l.Code, "notFoundTitle") + " · " + i18n.get(l.Code, "backHome"))
		notFound.Links = append(notFound.Links, link(l, addresses.PagePath(l.Code, Home), strings.Trim(title, "· ")))
	}
	if err := writePage(filepath.Join(s.Out, "404.html"), notFound); err != nil {
		return err
	}
	// a topic's short link: the topic in every language it is published in
	for _, slug := range s.Slugs {
		data := page("chooseLanguage")
		data.NoIndex = true
		for _, l := range s.Config.Languages {
			if s.Has(l.Code, slug) {
				data.Links = append(data.Links, link(l, addresses.PagePath(l.Code, slug), s.Title(l.Code, slug)))
			}
		}
		if err := writePage(filepath.Join(s.Out, "go", slug, "index.html"), data); err != nil {
			return err
		}
	}
	return nil
}

func writePage(file string, data multilingualPage) error {
	var b bytes.Buffer
	if err := multilingualTemplate.Execute(&b, data); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, b.Bytes(), 0o644)
}

func locale(loc, code string) string {
	if loc != "" {
		return loc
	}
	return code
}

// i18nFiles reads i18n/<lang>.toml once per language.
type i18nFiles struct {
	root  string
	files map[string]map[string]any
}

func newI18n(root string) *i18nFiles {
	return &i18nFiles{root: root, files: map[string]map[string]any{}}
}

// get is one plain string of a language's interface text, or "".
func (f *i18nFiles) get(lang, key string) string {
	m, ok := f.files[lang]
	if !ok {
		m = i18nFile(f.root, lang)
		f.files[lang] = m
	}
	switch v := m[key].(type) {
	case string:
		return v
	case map[string]any:
		s, _ := v["other"].(string)
		return s
	}
	return ""
}

// first is key in the first headingLanguages languages that have it.
func (f *i18nFiles) first(s *Site, key string) []chooserText {
	var out []chooserText
	for _, l := range s.Config.Languages {
		if len(out) == headingLanguages {
			break
		}
		if t := f.get(l.Code, key); t != "" {
			out = append(out, chooserText{locale(l.Locale, l.Code), l.Direction, t})
		}
	}
	return out
}

func i18nFile(root, lang string) map[string]any {
	b, err := os.ReadFile(filepath.Join(root, "i18n", lang+".toml"))
	if err != nil {
		return nil
	}
	var m map[string]any
	if toml.Unmarshal(b, &m) != nil {
		return nil
	}
	return m
}
