package netlify

import (
	"errors"
	"testing"
)

func TestRuleMatches(t *testing.T) {
	tests := []struct {
		from, path string
		want       bool
	}{
		{"/go/help", "/go/help", true},
		{"/go/help", "/go/help/", true},
		{"/go/help", "/go/help/qr-go-help.svg", false},
		{"/nb/*", "/nb/old/page/", true},
		{"/nb/*", "/nb", true},
		{"/nb/*", "/nbx/", false},
		{"/*", "/anything", true},
		{"/news/:year/:slug", "/news/2026/x", true},
		{"/news/:year/:slug", "/news/2026", false},
	}
	for _, tt := range tests {
		if got := (Rule{From: tt.from}).Matches(tt.path); got != tt.want {
			t.Errorf("%s matches %s = %v, want %v", tt.from, tt.path, got, tt.want)
		}
	}
}

func TestParseRedirects(t *testing.T) {
	rules, err := ParseRedirects("static/_redirects", []byte("# moved\n/old /new\n/go/x  /go/y  302!  Language=ar,ar-EG\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Rule{{From: "/old", To: "/new", Status: 301}, {From: "/go/x", To: "/go/y", Status: 302, Force: true, Languages: []string{"ar", "ar-EG"}}}
	if len(rules) != 2 || rules[0].String() != want[0].String() || rules[1].String() != want[1].String() {
		t.Fatalf("got %v, want %v", rules, want)
	}
	_, err = ParseRedirects("static/_redirects", []byte("/a /b\n/lonely\n"))
	var le *LineError
	if !errors.As(err, &le) || le.Line != 2 {
		t.Fatalf("want a LineError on line 2, got %v", err)
	}
}
