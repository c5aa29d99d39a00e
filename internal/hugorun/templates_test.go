package hugorun

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"

	"github.com/redcross-no/familieinnvandring/internal/check"
)

// realFiles lists the repository's layouts and assets as txtar entries that
// Hugo's integration builder reads from disk (sourcefilename:), so these
// tests exercise the templates readers actually get.
func realFiles(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, dir := range []string{"layouts", "assets"} {
		err := filepath.WalkDir(filepath.Join("..", "..", dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
			fmt.Fprintf(&b, "-- %s --\nsourcefilename: %s\n", filepath.ToSlash(rel), p)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// site is a small three-language site on the real templates: two services,
// a helpline-only i18n set, and one page per language.
const site = `
-- hugo.toml --
baseURL = "https://example.org/"
defaultContentLanguage = "nb"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "rss", "sitemap"]
[params]
quickExitURL = "https://www.yr.no/"
[languages.nb]
label = "Norsk bokmål"
locale = "nb-NO"
weight = 1
[languages.en]
label = "English"
locale = "en"
weight = 2
[languages.ar]
label = "العربية"
locale = "ar"
direction = "rtl"
weight = 3
[[module.mounts]]
source = "content/nb"
target = "content"
[module.mounts.sites.matrix]
languages = ["nb"]
[[module.mounts]]
source = "content/en"
target = "content"
[module.mounts.sites.matrix]
languages = ["en"]
[[module.mounts]]
source = "content/ar"
target = "content"
[module.mounts.sites.matrix]
languages = ["ar"]
-- data/services.yaml --
- id: police-emergency
  name: Politiet – nødnummer
  phone: {tel: "112", display: "112"}
  hours: [{days: always}]
  sources: ["https://www.politiet.no/"]
  reviewed: 2026-11-21
- id: ambulance
  name: Medisinsk nødtelefon
  phone: {tel: "113", display: "113"}
  sources: ["https://example.org/"]
  reviewed: 2026-11-21
- id: rode-kors-telefonen
  name: Røde Kors-telefonen
  phone: {tel: "+4781555201", display: "815 55 201", hours: [{days: always}]}
  chat: {url: "https://example.org/chat", hours: [{days: weekdays, from: "09:00", to: "16:00"}]}
  anonymous: true
  featured: 1
  sources: ["https://www.regjeringen.no/", {url: "https://example.org/2019/news", date: "2019-10-03"}]
  reviewed: 2026-11-21
-- i18n/nb.toml --
sourcefilename: ../../i18n/nb.toml
-- i18n/en.toml --
sourcefilename: ../../i18n/en.toml
-- i18n/ar.toml --
sourcefilename: ../../i18n/ar.toml
-- content/nb/_index.md --
---
title: "Du har rettigheter"
description: "Hjem"
---
Hei.
-- content/en/_index.md --
---
title: "You have rights"
description: "Home"
---
Hi.
-- content/ar/_index.md --
---
title: "لديك حقوق"
description: "الرئيسية"
---
مرحبا.
-- content/nb/help.md --
---
title: "Hjelp"
description: "Hjelp"
help: [rode-kors-telefonen]
---
Ring {{< phone "police-emergency" >}}. Les [om hjelp](/help/#hvem).

## Hvem
-- content/en/help.md --
---
title: "Help"
description: "Help"
---
Call {{< phone "rode-kors-telefonen" >}}. Back to [the start](/).
-- content/ar/help.md --
---
title: "مساعدة"
description: "مساعدة"
---
اتصلي بالرقم {{< phone "rode-kors-telefonen" >}} الآن.

{{< services "rode-kors-telefonen" >}}
`

func build(t *testing.T, files string) *hugolib.IntegrationTestBuilder {
	t.Helper()
	return hugolib.Test(t, files+realFiles(t))
}

func TestPhoneNumbersAreTapToCallAndIsolated(t *testing.T) {
	b := build(t, site)
	// tel: survives Hugo's URL sanitiser (no #ZgotmplZ) and the number reads
	// left to right inside Arabic text.
	b.AssertFileContent("public/nb/help/index.html",
		`<a class="tel" href="tel:112"><bdi dir="ltr">112</bdi></a>.`,
		"! ZgotmplZ")
	b.AssertFileContent("public/ar/help/index.html",
		`اتصلي بالرقم <a class="tel" href="tel:&#43;4781555201"><bdi dir="ltr">815 55 201</bdi></a> الآن.`)
}

func TestLanguageAndDirection(t *testing.T) {
	b := build(t, site)
	b.AssertFileContent("public/ar/help/index.html", `<html lang="ar" dir="rtl">`)
	b.AssertFileContent("public/nb/help/index.html", `<html lang="nb-NO" dir="ltr">`)
	b.AssertFileContent("public/en/index.html", `<html lang="en" dir="ltr">`)
}

func TestLanguageSwitcherUsesEndonymsAndTranslations(t *testing.T) {
	b := build(t, site)
	b.AssertFileContent("public/en/help/index.html",
		`<a href="/nb/help/" lang="nb-NO" dir="ltr" hreflang="nb-NO">Norsk bokmål</a>`,
		`<a href="/ar/help/" lang="ar" dir="rtl" hreflang="ar">العربية</a>`,
		`hreflang="en" aria-current="true">English</a>`,
		`<link rel="alternate" hreflang="ar" href="https://example.org/ar/help/">`)
}

func TestRootIsALanguageChooser(t *testing.T) {
	b := build(t, site)
	b.AssertFileContent("public/index.html",
		`<a href="/nb/" lang="nb-NO" dir="ltr" hreflang="nb-NO">Norsk bokmål</a>`,
		`<a href="/ar/" lang="ar" dir="rtl" hreflang="ar">العربية</a>`,
		"! http-equiv=\"refresh\"")
}

func TestInternalLinksResolveInTheReadersLanguage(t *testing.T) {
	b := build(t, site)
	b.AssertFileContent("public/nb/help/index.html", `<a href="/nb/help/#hvem">om hjelp</a>`)
	b.AssertFileContent("public/en/help/index.html", `<a href="/en/">the start</a>`)
}

func TestServiceCardsKeepTheNorwegianName(t *testing.T) {
	b := build(t, site)
	// The card shows the translated name and, under it, the Norwegian one
	// (never one bracket inside another); hours come from structured data
	// with translated day names.
	// Where the translation already carries the Norwegian name (the Arabic
	// one does, in brackets), it is not said twice.
	b.AssertFileContent("public/ar/help/index.html",
		`(Røde Kors-telefonen)</h3>`,
		`! <p class="nb-name">`,
		`من الاثنين إلى الجمعة من 09:00 إلى 16:00`)
	b.AssertFileContent("public/nb/help/index.html",
		`<h2 id="who-can-help">Hvem kan hjelpe med dette?</h2>`,
		`Mandag–fredag 09:00–16:00`)
}

func TestServiceCardsGiveEachChannelItsHours(t *testing.T) {
	b := build(t, site)
	// The phone is open day and night, the chat is not: each is named with
	// its own hours, and the home page's call button shows the phone's.
	b.AssertFileContent("public/nb/help/index.html",
		`<dt>Åpent</dt><dd>Telefon: Døgnåpent</dd><dd>Chat: Mandag–fredag 09:00–16:00</dd>`)
	b.AssertFileContent("public/nb/index.html",
		`<span class="hours">Døgnåpent</span>`)
	// A source with its own date shows it, so an old article is not read
	// as a check of today's hours. The card's foot names the sites; the
	// addresses open under it.
	b.AssertFileContent("public/nb/help/index.html",
		`<summary>Sjekket 21. november 2026 · <bdi dir="ltr">regjeringen.no</bdi>, <bdi dir="ltr">example.org</bdi></summary>`,
		`<a href="https://example.org/2019/news" rel="noreferrer"><bdi dir="ltr">example.org/2019/news</bdi></a> (publisert 3. oktober 2019)`)
}

// TestServiceCardNamesEachSourceSiteOnce: two sources on the same site are
// one name on the card ("regjeringen.no", not "regjeringen.no,
// regjeringen.no"); both addresses are under it.
func TestServiceCardNamesEachSourceSiteOnce(t *testing.T) {
	files := strings.Replace(site, `sources: ["https://www.regjeringen.no/", `, `sources: ["https://www.regjeringen.no/", "https://www.regjeringen.no/other/", `, 1)
	if files == site {
		t.Fatal("the test site's sources changed: update this test")
	}
	b := build(t, files)
	b.AssertFileContent("public/nb/help/index.html",
		`<summary>Sjekket 21. november 2026 · <bdi dir="ltr">regjeringen.no</bdi>, <bdi dir="ltr">example.org</bdi></summary>`,
		`<bdi dir="ltr">regjeringen.no/other/</bdi>`)
}

func TestHomeShowsEmergencyNumbersAndHelplines(t *testing.T) {
	b := build(t, site)
	b.AssertFileContent("public/en/index.html",
		`<span class="tel-label">Police</span> <bdi dir="ltr">112</bdi>`,
		`<span class="tel-label">Ambulance</span> <bdi dir="ltr">113</bdi>`,
		`<ul class="helplines"`,
		`<bdi dir="ltr">815 55 201</bdi>`)
}

func TestPluralFormsFollowEachLanguage(t *testing.T) {
	b := build(t, site)
	// three services: English "other", Arabic "few" (3–10)
	b.AssertFileContent("public/en/index.html", `See all 3 places to get help`)
	b.AssertFileContent("public/ar/index.html", `اطّلعوا على جهات المساعدة كلها (3)`)
}

func TestUnknownServiceFailsTheBuild(t *testing.T) {
	files := strings.Replace(site, `{{< services "rode-kors-telefonen" >}}`, `{{< services "no-such-service" >}}`, 1)
	b, err := hugolib.TestE(t, files+realFiles(t))
	if err == nil {
		t.Fatal("build succeeded with an unknown service id")
	}
	b.AssertLogContains(`unknown service id "no-such-service": use an id from data/services.yaml`)
}

func TestLinkToMissingPageFailsTheBuild(t *testing.T) {
	files := strings.Replace(site, "Back to [the start](/).", "Read [this](/nowhere/).", 1)
	b, err := hugolib.TestE(t, files+realFiles(t))
	if err == nil {
		t.Fatal("build succeeded with a link to a missing page")
	}
	b.AssertLogContains(`content/en/help.md: link to missing page "/nowhere/"`)
}

// TestHeadingIDsMatchTheChecker renders headings in several scripts through
// Hugo and requires the ids that `site check` predicts for #anchor links.
func TestHeadingIDsMatchTheChecker(t *testing.T) {
	headings := []string{
		"Hva gjør UDI?",
		"Kan jeg bli i Norge hvis jeg går fra ham?",
		"What if I don't qualify (§ 53 second paragraph)?",
		"هل يمكنني البقاء في النرويج؟",
		"Tolk – gratis og taushetsplikt",
		"Who helps me apply?",
	}
	var body strings.Builder
	for _, h := range headings {
		body.WriteString("## " + h + "\n\nText.\n\n")
	}
	files := strings.Replace(site, "Back to [the start](/).", "\n\n"+body.String(), 1)
	b := build(t, files)
	for _, h := range headings {
		b.AssertFileContent("public/en/help/index.html", fmt.Sprintf(`<h2 id="%s">`, check.HeadingID(h)))
	}
}

func TestOperatorIsNamedOnlyWhenSet(t *testing.T) {
	page := "-- content/nb/about.md --\n---\ntitle: \"Om\"\ndescription: \"Om\"\n---\n{{< operator >}}\n\n{{< report-mistake >}}\n"
	// Empty: no organisation is named as owner, and no address is invented.
	b := build(t, site+page)
	b.AssertFileContent("public/nb/about/index.html",
		"! drives av",
		"<p>Nettsiden har ikke en egen adresse for tilbakemeldinger ennå.")
	set := strings.Replace(site, "quickExitURL = \"https://www.yr.no/\"\n", "quickExitURL = \"https://www.yr.no/\"\n[params.operator]\nname = \"Eksempel\"\ncontact = \"post@example.org\"\n", 1)
	b = build(t, set+page)
	b.AssertFileContent("public/nb/about/index.html",
		"<p>Nettsiden drives av \u2068Eksempel\u2069.</p>",
		`<a href="mailto:post@example.org" rel="noreferrer"><bdi dir="ltr">post@example.org</bdi></a>`)
}
