package netlify

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestParseHeadersReadsWhatFormatHeadersWrites(t *testing.T) {
	rules := HeaderRules("sha256-abc")
	got := ParseHeaders(FormatHeaders(rules))
	if len(got) != len(rules) || len(got[0].Headers) != len(rules[0].Headers) {
		t.Fatalf("read %+v, wrote %+v", got, rules)
	}
	for i, h := range rules[0].Headers {
		if got[0].Headers[i] != h {
			t.Errorf("header %d: read %+v, wrote %+v", i, got[0].Headers[i], h)
		}
	}
}

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"nb/help/index.html": "<p>help", "nb/404.html": "<p>not found", "404.html": "<p>ikke funnet / not found", "_headers": "/*\n  X-Test: yes\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	h := NewHandler(dir)
	for _, tt := range []struct {
		path     string
		status   int
		body     string
		location string
	}{
		{"/nb/help/", 200, "<p>help", ""},
		{"/nb/help", 301, "", "/nb/help/"},
		{"/nb/gone/", 404, "<p>not found", ""},
		{"/_headers", 404, "<p>ikke funnet / not found", ""},
		{"/go/mistyped/", 404, "<p>ikke funnet / not found", ""}, // the site-wide page, as on Netlify
		{"/xx/gone", 404, "<p>ikke funnet / not found", ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != tt.status || (tt.body != "" && rec.Body.String() != tt.body) || rec.Header().Get("Location") != tt.location {
			t.Errorf("GET %s: %d %q (Location %q), want %d %q (Location %q)", tt.path, rec.Code, rec.Body.String(), rec.Header().Get("Location"), tt.status, tt.body, tt.location)
		}
		if tt.status != 301 && rec.Header().Get("X-Test") != "yes" {
			t.Errorf("GET %s: the _headers rule for /* is missing", tt.path)
		}
	}
}
