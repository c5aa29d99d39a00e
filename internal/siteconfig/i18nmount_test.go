package siteconfig

import (
	"strings"
	"testing"
)

func TestAddI18nMount(t *testing.T) {
	cfg, _ := Parse([]byte(twoLanguages))
	if !cfg.I18nFolderMounted() {
		t.Fatal("without i18n mounts Hugo reads the folder")
	}
	out, err := AddI18nMount([]byte(twoLanguages), "prs", "fa-AF")
	if err != nil {
		t.Fatal(err)
	}
	out, err = AddI18nMount(out, "kmr", "ku")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.HasPrefix(s, twoLanguages) {
		t.Errorf("the file before the mounts changed:\n%s", s)
	}
	if n := strings.Count(s, "source = \"i18n\"\ntarget = \"i18n\"\n"); n != 1 {
		t.Errorf("the i18n folder is mounted %d times, want once:\n%s", n, s)
	}
	cfg, err = Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.I18nMountFor("prs"); got != "i18n/fa-AF.toml" {
		t.Errorf("prs mounted as %q", got)
	}
	if got := cfg.I18nMountFor("kmr"); got != "i18n/ku.toml" {
		t.Errorf("kmr mounted as %q", got)
	}
	if !cfg.I18nFolderMounted() {
		t.Error("the folder is not mounted")
	}
	if _, err := AddI18nMount(out, "prs", "fa-AF"); err == nil {
		t.Error("a second mount of i18n/prs.toml was accepted")
	}
}
