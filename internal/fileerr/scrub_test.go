package fileerr

import (
	"strings"
	"testing"
)

func TestScrubber(t *testing.T) {
	var out strings.Builder
	s := NewScrubber(&out)
	s.Path("/work/site", "")
	s.Path("/work/site/.public.staging-123", "public")
	s.Path(".public.staging-123", "public")
	for _, in := range []string{
		`ERROR render of "/work/site/content/nb/about.md" failed: "/work/site/layouts/page.html:6:3": x` + "\n",
		"site: open /work/site/.public.staging-123/nb/index.html: no such file\n",
		"site: .public.staging-123/nb/help/index.html: no quick exit\n",
		`content/nb/about.md: link to missing page "HAHAHUGOSHORTCODE43s2HBHB"` + "\n",
		"/work/site2/x and /work/site.\n",
		"no newline at the end",
	} {
		s.Write([]byte(in[:len(in)/2]))
		s.Write([]byte(in[len(in)/2:]))
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	want := `ERROR render of "content/nb/about.md" failed: "layouts/page.html:6:3": x
site: open public/nb/index.html: no such file
site: public/nb/help/index.html: no quick exit
content/nb/about.md: link to missing page "{{< … >}}"
/work/site2/x and ..
no newline at the end`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

// FuzzScrubber: whatever a message holds, no placeholder and no registered
// path survives the scrubber, and text without them passes unchanged.
func FuzzScrubber(f *testing.F) {
	f.Add("content/nb/help.md:3: ok", "/tmp/site")
	f.Add(`rendering "/tmp/site/content/nb/x.md" HAHAHUGOSHORTCODEs0HBHB`, "/tmp/site")
	f.Add("/tmp/site/.public.staging-1/a", "/tmp/site/.public.staging-1")
	f.Fuzz(func(t *testing.T, msg, path string) {
		if strings.ContainsAny(msg, "\n") || !strings.HasPrefix(path, "/") || len(path) < 2 || strings.HasSuffix(path, "/") {
			return
		}
		s := NewScrubber(nil)
		s.Path(path, "")
		got := s.Line(msg)
		if HasInternal(got) != "" {
			t.Fatalf("%q → %q still holds a placeholder", msg, got)
		}
		if strings.Contains(got, path+"/") {
			t.Fatalf("%q → %q still names %s/", msg, got, path)
		}
		if !strings.Contains(msg, path) && HasInternal(msg) == "" && got != msg {
			t.Fatalf("%q changed to %q", msg, got)
		}
	})
}
