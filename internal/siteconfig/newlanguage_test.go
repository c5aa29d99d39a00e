package siteconfig

import (
	"strings"
	"testing"
)

const twoLanguages = `# Site.
defaultContentLanguage = "nb"

[languages.nb]
label = "Norsk bokmål"
weight = 1

[languages.ar]
label = "العربية"
direction = "rtl"
weight = 2
# a comment that stays

# Folders.
[[module.mounts]]
source = "content/nb"
target = "content"
[module.mounts.sites.matrix]
languages = ["nb"]

[[module.mounts]]
source = "content/ar"
target = "content"
[module.mounts.sites.matrix]
languages = ["ar"]

# Fallback.
[[module.mounts]]
source = "content/_fallback"
target = "content"
[module.mounts.sites.matrix]
languages = ["**"]
`

func TestAddLanguage(t *testing.T) {
	out, err := AddLanguage([]byte(twoLanguages), Language{Code: "so", Label: "Soomaali", Locale: "so", Direction: "ltr", Weight: 3})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"weight = 2\n\n[languages.so]\nlabel = \"Soomaali\"\nlocale = \"so\"\ndirection = \"ltr\"\nweight = 3\n# a comment that stays\n",
		"languages = [\"ar\"]\n\n[[module.mounts]]\nsource = \"content/so\"\ntarget = \"content\"\n[module.mounts.sites.matrix]\nlanguages = [\"so\"]\n\n# Fallback.\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("hugo.toml lacks %q:\n%s", want, s)
		}
	}
	if !strings.HasSuffix(s, "languages = [\"**\"]\n") || strings.Count(s, "# Site.") != 1 {
		t.Errorf("the rest of the file changed:\n%s", s)
	}
	cfg, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := cfg.Language("so"); !ok || l.ContentDir != "content/so" || l.Label != "Soomaali" {
		t.Errorf("so = %+v, %v", l, ok)
	}
	if _, err := AddLanguage(out, Language{Code: "so", Label: "Soomaali"}); err == nil {
		t.Error("adding so twice: no error")
	}
}

func TestKnownLanguages(t *testing.T) {
	for code, l := range Known {
		if !CodeRE.MatchString(code) || l.Label == "" || l.Locale == "" || (l.Direction != "ltr" && l.Direction != "rtl") {
			t.Errorf("Known[%q] = %+v: needs a label, a locale and ltr or rtl", code, l)
		}
	}
}
