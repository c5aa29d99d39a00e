package publish

import (
	"reflect"
	"testing"
)

func TestIsolateLatin(t *testing.T) {
	tests := []struct {
		name, in, want string
		raw            bool // text the tokenizer reads raw: the rewrite cannot tell the tokens
	}{
		{"bracketed name",
			`<html dir=rtl><body><p>عيادة الطوارئ (legevakt).</p>`,
			`<html dir=rtl><body><p>عيادة الطوارئ <bdi>(legevakt)</bdi>.</p>`, false},
		{"name, dash and number are one run",
			`<html dir=rtl><body><p>اتصلوا بـ Politiet – 112 الآن</p>`,
			`<html dir=rtl><body><p>اتصلوا بـ <bdi>Politiet – 112</bdi> الآن</p>`, false},
		{"name with its own brackets",
			`<html dir=rtl><body><p>الشرطة Politiet (nødnummer) الآن</p>`,
			`<html dir=rtl><body><p>الشرطة <bdi>Politiet (nødnummer)</bdi> الآن</p>`, false},
		{"unbalanced bracket stays outside",
			`<html dir=rtl><body><p>(الشرطة Politiet) و</p>`,
			`<html dir=rtl><body><p>(الشرطة <bdi>Politiet</bdi>) و</p>`, false},
		{"character references are never cut",
			`<html dir=rtl><body><p>مثال A&amp;B&nbsp;و</p>`,
			`<html dir=rtl><body><p>مثال <bdi>A&amp;B</bdi>&nbsp;و</p>`, false},
		{"service card name",
			`<html dir=rtl><body><p class=nb-name><span lang=nb>Vold- og overgrepslinjen</span></p>`,
			`<html dir=rtl><body><p class=nb-name><span lang=nb><bdi>Vold- og overgrepslinjen</bdi></span></p>`, false},
		{"attributes, head, script and style untouched",
			`<html dir=rtl><head><title>Title نص</title><style>a{b:c}</style></head><body><a href="/x-1/" title="Abc">نص</a><script src=/js/q.js></script>`,
			`<html dir=rtl><head><title>Title نص</title><style>a{b:c}</style></head><body><a href="/x-1/" title="Abc">نص</a><script src=/js/q.js></script>`, false},
		{"already isolated",
			`<html dir=rtl><body><p>نص <bdi dir=ltr>112</bdi> <a dir=ltr lang=nb>Norsk</a> ` + "\u2068Røde Kors\u2069" + `</p>`,
			`<html dir=rtl><body><p>نص <bdi dir=ltr>112</bdi> <a dir=ltr lang=nb>Norsk</a> ` + "\u2068Røde Kors\u2069" + `</p>`, false},
		{"right-to-left element inside left-to-right page",
			`<html dir=ltr><body><p>Norsk <span dir=rtl>نص UDI نص</span> (UDI)</p>`,
			`<html dir=ltr><body><p>Norsk <span dir=rtl>نص <bdi>UDI</bdi> نص</span> (UDI)</p>`, false},
		{"void elements do not end the context",
			`<html dir=rtl><body><p>نص<br>UDI<img src=a.png alt="">نص</p><p dir=ltr>UDI</p><p>و 2026</p>`,
			`<html dir=rtl><body><p>نص<br><bdi>UDI</bdi><img src=a.png alt="">نص</p><p dir=ltr>UDI</p><p>و <bdi>2026</bdi></p>`, false},
		{"tags and attributes byte for byte, whatever their case and entities",
			`<html dir=rtl><body><P Title="x&amp;y" class=a>نص UDI</P><a href="/x?a=1&amp;b=2">و</a>`,
			`<html dir=rtl><body><P Title="x&amp;y" class=a>نص <bdi>UDI</bdi></P><a href="/x?a=1&amp;b=2">و</a>`, false},
		{"text cut at character references and a lone <",
			"<html dir=rtl><body><p>نص A&amp;B &lt; C&ampD < (E) و\r\nF</p>",
			"<html dir=rtl><body><p>نص <bdi>A&amp;B &lt; C&ampD < (E)</bdi> و\r\n<bdi>F</bdi></p>", false},
		{"raw text is rewritten as text",
			`<html dir=rtl><body><noscript>نص UDI</noscript><p>و</p>`,
			`<html dir=rtl><body><noscript>نص <bdi>UDI</bdi></noscript><p>و</p>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(isolateLatin([]byte(tt.in))); got != tt.want {
				t.Errorf("isolateLatin:\n got %s\nwant %s", got, tt.want)
			}
			// The page pass hands the checks the rewrite's tokens: they
			// must be those of the page as published.
			s := &scratch{names: map[string]string{}}
			out, tokens := IsolateRTL{}.rewriteTokens("x.html", []byte(tt.in), s)
			if tokens == nil && !tt.raw {
				t.Errorf("rewrite gave no tokens")
			}
			if want := tokenize(out); tokens != nil && !reflect.DeepEqual(tokens, want) {
				t.Errorf("tokens:\n got %v\nwant %v", tokens, want)
			}
			if string(out) != tt.want {
				t.Errorf("rewrite:\n got %s\nwant %s", out, tt.want)
			}
		})
	}
}
