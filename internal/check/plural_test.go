package check

import (
	"strings"
	"testing"
)

// TestPluralTagForLanguagesWithoutRules: go-i18n has no rules for prs and
// kmr; their locales have Persian and Kurdish ones, which need the forms
// one and other like the languages themselves.
func TestPluralTagForLanguagesWithoutRules(t *testing.T) {
	for _, code := range []string{"prs", "kmr"} {
		if HasPluralRule(code) {
			t.Errorf("go-i18n now has plural rules for %s: the i18n mount under its locale may go", code)
		}
	}
	tests := []struct{ code, locale, want, forms string }{
		{"prs", "fa-AF", "fa-AF", "one other"},
		{"kmr", "ku", "ku", "one other"},
		{"kmr", "kmr", "", "one other"},
		{"tl", "fil", "tl", "one other"},
		{"ar", "ar", "ar", "zero one two few many other"},
		{"ckb", "ckb", "ckb", "one other"},
		{"ti", "ti", "ti", "one other"},
	}
	for _, tt := range tests {
		got := PluralTag(tt.code, tt.locale)
		if got != tt.want {
			t.Errorf("PluralTag(%q, %q) = %q, want %q", tt.code, tt.locale, got, tt.want)
		}
		if forms := strings.Join(PluralForms(got), " "); forms != tt.forms {
			t.Errorf("%s: forms %q, want %q", tt.code, forms, tt.forms)
		}
	}
}

// TestHugoKey: the key Hugo's i18n files a file name under.
func TestHugoKey(t *testing.T) {
	tests := []struct {
		name, key string
		rules     bool
	}{
		{"nb", "nb", true},
		{"tl", "fil", true},
		{"fa-AF", "fa-af", true},
		{"prs", "prs", false},
		{"kmr", "kmr", false},
	}
	for _, tt := range tests {
		if key, rules := hugoKey(tt.name); key != tt.key || rules != tt.rules {
			t.Errorf("hugoKey(%q) = %q, %v; want %q, %v", tt.name, key, rules, tt.key, tt.rules)
		}
	}
}
