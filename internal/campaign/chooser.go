package campaign

import (
	"github.com/redcross-no/familieinnvandring/internal/addresses"

	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"regexp"

	"github.com/pelletier/go-toml/v2"
)

// chooserTemplate is the page behind /go/<slug> for readers whose browser
// language the site does not have: the topic in every language, each by its
// own name, as plain links (no JavaScript needed). It takes from the built
// home page what every page carries: the one inline stylesheet (so the
// Content-Security-Policy hash covers it), the icon and quick-exit script,
// the quick-exit control, and the neutral title (PRIVACY.md).
var chooserTemplate = template.Must(template.New("chooser").Parse(`<!doctype html>
<html lang="mul">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{ .Title }}
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
{{ .Head }}
</head>
<body>
{{ .QuickExit }}
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

// What the chooser copies from the built home page.
var (
	titleRE     = regexp.MustCompile(`<title>[^<]*</title>`)
	headRE      = regexp.MustCompile(`(?s)<link rel=icon[^>]*>|<style>.*?</style>|<script src=[^>]*quick-exit[^>]*></script>`)
	quickExitRE = regexp.MustCompile(`(?s)<a id=quick-exit[^>]*>.*?</a>`)
)

// WriteChoosers writes /go/<slug>/index.html for every topic.
func WriteChoosers(s *Site, root string) error {
	home, err := os.ReadFile(filepath.Join(s.Out, s.Config.Default, "index.html"))
	if err != nil {
		return fmt.Errorf("language chooser pages: %w", err)
	}
	head := bytes.Join(headRE.FindAll(home, -1), []byte("\n"))
	quickExit := quickExitRE.Find(home)
	if len(quickExit) == 0 || len(head) == 0 {
		return fmt.Errorf("language chooser pages: %s/index.html has no quick exit or stylesheet to share", s.Config.Default)
	}
	var headings []chooserText
	for i, l := range s.Config.Languages {
		if i == 3 { // the heading stays short; every language is in the list
			break
		}
		if t := i18nString(root, l.Code, "chooseLanguage"); t != "" {
			headings = append(headings, chooserText{Locale: locale(l.Locale, l.Code), Dir: l.Direction, Text: t})
		}
	}
	for _, slug := range s.Slugs {
		data := struct {
			Title, Head, QuickExit template.HTML
			Headings               []chooserText
			Links                  []chooserLink
		}{Title: template.HTML(titleRE.Find(home)), Head: template.HTML(head), QuickExit: template.HTML(quickExit), Headings: headings}
		for _, l := range s.Config.Languages {
			if !s.Has(l.Code, slug) {
				continue
			}
			data.Links = append(data.Links, chooserLink{
				Href: addresses.PagePath(l.Code, slug), Locale: locale(l.Locale, l.Code), Dir: l.Direction,
				Label: l.Label, Title: s.Title(l.Code, slug),
			})
		}
		var b bytes.Buffer
		if err := chooserTemplate.Execute(&b, data); err != nil {
			return err
		}
		dir := filepath.Join(s.Out, "go", slug)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "index.html"), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func locale(loc, code string) string {
	if loc != "" {
		return loc
	}
	return code
}

// i18nString reads one plain string from i18n/<lang>.toml, or "".
func i18nString(root, lang, key string) string {
	b, err := os.ReadFile(filepath.Join(root, "i18n", lang+".toml"))
	if err != nil {
		return ""
	}
	var m map[string]any
	if toml.Unmarshal(b, &m) != nil {
		return ""
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
