package translation

import (
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

func TestI18nSkeleton(t *testing.T) {
	nb := `# Norsk.
siteName = "Rettigheter i Norge"
checked = "Sjekket {{ .Date }}"

[serviceCount]
one = "{{ .Count }} hjelpetilbud"
other = "{{ .Count }} hjelpetilbud"

# --- Help services
[svc_udi_name]
other = "UDI"
`
	en := `siteName = "Your rights in Norway"
[serviceCount]
one = "{{ .Count }} place"
other = "{{ .Count }} places"
`
	got, err := I18nSkeleton([]byte(nb), []byte(en), "nb", "ar", "العربية", []string{"zero", "one", "two", "few", "many", "other"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{
		"# Interface text, العربية (ar). Written by `site new-language ar`.\n",
		"\n# nb: \"Rettigheter i Norge\"\n# en: \"Your rights in Norway\"\nsiteName = \"\"\n",
		"\n# nb: \"Sjekket {{ .Date }}\"\nchecked = \"\"\n",
		"\n# nb: one = \"{{ .Count }} hjelpetilbud\", other = \"{{ .Count }} hjelpetilbud\"\n# en: one = \"{{ .Count }} place\", other = \"{{ .Count }} places\"\n[serviceCount]\nzero = \"\"\none = \"\"\ntwo = \"\"\nfew = \"\"\nmany = \"\"\nother = \"\"\n",
		"\n# --- Help services\n",
		"\n# nb: \"UDI\"\n[svc_udi_name]\nother = \"\"\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("skeleton lacks %q:\n%s", want, s)
		}
	}
	var v map[string]any
	if err := toml.Unmarshal(got, &v); err != nil {
		t.Errorf("skeleton is not valid TOML: %v\n%s", err, s)
	}
	if strings.Index(s, "siteName") > strings.Index(s, "[serviceCount]") {
		t.Errorf("keys are not in the source order:\n%s", s)
	}
}
