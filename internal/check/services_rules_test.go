package check

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/idna"
)

// TestServiceProblems: what a help card shows is what it does.
func TestServiceProblems(t *testing.T) {
	base := "- id: x\n  name: X\n"
	tests := []struct{ yaml, want string }{
		{`  phone: {tel: "+4781555201", display: "815 55 202"}`, `3: service "x": phone.display "815 55 202" is not the number phone.tel "+4781555201" dials`},
		{`  phone: {tel: "+4681555201", display: "815 55 201"}`, `is not the number phone.tel "+4681555201" dials`},
		{`  phone: {tel: "+4781555201", display: "815 55 201 (chat)"}`, `is not the number`},
		{`  phone: {tel: "+4781555201", display: "٨١٥ ٥٥ ٢٠١"}`, `is not the number`},
		{`  web: http://www.udi.no/`, `3: service "x": web "http://www.udi.no/" is not https`},
		{`  web: https://www.udi.no.example.com/`, `which is not one of the sites`},
		{`  web: https://www.udі.no/`, `written with letters that only look like Latin ones (its real name is www.xn--ud-`},
		{`  web: https://udi.no@evil.example/`, `has a user name or port`},
		{`  chat: {url: "https://wa.me/4781555201"}`, `chat.url "https://wa.me/4781555201" is on wa.me, which is not one of the sites`},
		{`  email: "x@y.no?cc=spy@example.com"`, `email "x@y.no?cc=spy@example.com" is not a plain address`},
		{`  email: "alarm@116lll.no"`, `email "alarm@116lll.no" is on 116lll.no, which is not one of the sites`},
		{`  email: "seif@seif.no.example.com"`, `email "seif@seif.no.example.com" is on seif.no.example.com, which is not one of the sites`},
		{`  whatsapp: "+4781555201"`, `3: service "x": unknown field "whatsapp"`},
		{`  phone: {tel: "112", display: "112", sms: "112"}`, `phone has tel, display, hours only, not "sms"`},
		{`  audience: men`, `audience "men" is not one of adults, youth, everyone, women`},
		{`  hours: [{days: sunday}]`, `days "sunday" is not one of`},
		{`  hours: [{days: daily, from: "16:00", to: "09:00"}]`, `the service must open before it closes`},
		{`  free: "yes"`, `free is true where a source says so`},
		{"  sources: [\"http://udi.no/x\"]", `source "http://udi.no/x" is not https`},
	}
	for _, tt := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(base+tt.yaml+"\n"), &doc); err != nil {
			t.Fatalf("%s: %v", tt.yaml, err)
		}
		var got []string
		for _, p := range ServiceProblems(doc.Content[0]) {
			got = append(got, p.String())
		}
		if !strings.Contains(strings.Join(got, "\n"), tt.want) {
			t.Errorf("%s:\n got %q\nwant …%s…", tt.yaml, got, tt.want)
		}
	}
	var doc yaml.Node
	ok := base + "  phone: {tel: \"+4781555201\", display: \"815 55 201\", hours: [{days: weekdays, from: \"09:00\", to: \"24:00\"}]}\n  web: https://www.udi.no/\n  email: alarm@116111.no\n  free: true\n"
	_ = yaml.Unmarshal([]byte(ok), &doc)
	if p := ServiceProblems(doc.Content[0]); len(p) > 0 {
		t.Errorf("a good service: %v", p)
	}
}

// FuzzAllowedHost: a host that passes is, in its ASCII form, an allowed
// host or below one; so no lookalike letter gets a host through.
func FuzzAllowedHost(f *testing.F) {
	for _, h := range []string{"udi.no", "www.udi.no", "udі.no", "udi.no.evil.com", "xn--ud-ikc.no", "UDI.NO.", "evil-udi.no"} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		ok, why := AllowedHost(h)
		if !ok {
			if why == "" {
				t.Fatalf("%q refused without a reason", h)
			}
			return
		}
		// What a browser resolves (UTS 46, as idna.Lookup does) is an
		// allowed site, and no label of it is a punycode lookalike.
		ascii, err := idna.Lookup.ToASCII(strings.TrimSuffix(strings.ToLower(h), "."))
		if err != nil || strings.Contains(ascii, "xn--") {
			t.Fatalf("%q passed as %q (%v)", h, ascii, err)
		}
		for _, a := range AllowedHosts {
			if ascii == a || strings.HasSuffix(ascii, "."+a) {
				return
			}
		}
		t.Fatalf("%q passed as %q", h, ascii)
	})
}
