package check

import "testing"

func TestContainsTerm(t *testing.T) {
	for _, tt := range []struct {
		text  string
		forms []string
		want  bool
	}{
		{"Ring NAV i dag.", []string{"NAV"}, true},
		{"Nav kan hjelpe.", []string{"NAV"}, true},
		{"Skriv navnet ditt.", []string{"NAV"}, false},
		{"navigate", []string{"NAV"}, false},
		{"NAV-kontoret", []string{"NAV"}, true},
		{"يجب على NAV أن تساعدك", []string{"NAV"}, true},
		{"تواصلي معUDI", []string{"UDI"}, true},
		{"Krisesenteret er åpent.", []string{"krisesenter", "krisesenteret"}, true},
		{"crisis shelter (krisesenter)", []string{"krisesenter", "krisesenteret"}, true},
		{"krisesentrene", []string{"krisesenter"}, false},
		{"", []string{"UDI"}, false},
	} {
		if got := ContainsTerm(tt.text, tt.forms); got != tt.want {
			t.Errorf("ContainsTerm(%q, %q) = %v, want %v", tt.text, tt.forms, got, tt.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	got := plainText(`Les [mer](https://www.nav.no/) på https://udi.no/ og {{< services "nav" >}}.`)
	if ContainsTerm(got, []string{"NAV"}) || ContainsTerm(got, []string{"UDI"}) {
		t.Errorf("plainText() = %q: link addresses and shortcodes count as text", got)
	}
}
