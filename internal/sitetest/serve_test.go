package sitetest

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// preview is `site serve` running on a copy of the real site.
type preview struct {
	dir  string // the copy
	base string // http://127.0.0.1:PORT
	log  *syncBuffer
}

// startServe starts `site serve` on a copy of the real site and waits until
// it serves the nb help page. The process is stopped when the test ends.
func startServe(tb testing.TB) *preview {
	tb.Helper()
	bin := tool(tb)
	src := tb.TempDir()
	if err := copySite(repo, src); err != nil {
		tb.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(bin, "serve", "--port", fmt.Sprint(port))
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(src, ".cache"))
	p := &preview{dir: src, base: fmt.Sprintf("http://127.0.0.1:%d", port), log: &syncBuffer{}}
	cmd.Stdout, cmd.Stderr = p.log, p.log
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	// The first build: the preview is up when the page is served.
	if _, err := waitFor(p.base+"/nb/help/", "</html>", 5*time.Minute); err != nil {
		tb.Fatalf("%v\n%s", err, p.log)
	}
	return p
}

// TestServeShowsGoodEditsAndHoldsBackBrokenOnes is what a translator sees
// in `site serve`: a saved sentence appears on the page; a save that `site
// check` refuses shows its file:line problem in the terminal and on the
// page, above the last good version of the page (the broken text is not
// shown); fixing the file shows the new text and takes the notice away.
func TestServeShowsGoodEditsAndHoldsBackBrokenOnes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the real site")
	}
	p := startServe(t)
	page := p.base + "/nb/help/"
	file := filepath.Join(p.dir, "content", "nb", "help.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	save := func(extra string) {
		t.Helper()
		if err := os.WriteFile(file, append(append([]byte(nil), orig...), extra...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The limits below only bound a wait that would otherwise be endless:
	// how fast the preview is, is BenchmarkServe's business.
	const limit = 2 * time.Minute

	// The English page is open too; the Arabic one is not. A save renders
	// the saved language first and the others when they are asked for.
	outdated := map[string]string{"en": outdatedNotice(t, "en"), "ar": outdatedNotice(t, "ar")}
	if body, _ := get(p.base + "/en/help/"); !strings.Contains(body, "</html>") || strings.Contains(body, outdated["en"]) {
		t.Fatalf("/en/help/ before the save: not served, or already says its source changed:\n%s", body)
	}
	save("\nEn ny setning til prøve.\n")
	if _, err := waitFor(page, "En ny setning til prøve.", limit); err != nil {
		t.Fatalf("a good edit: %v\n%s", err, p.log)
	}
	// The translations now say that their source changed.
	for _, lang := range []string{"en", "ar"} {
		if body, _ := get(p.base + "/" + lang + "/help/"); !strings.Contains(body, outdated[lang]) {
			t.Errorf("/%s/help/ after a change of its source does not say %q", lang, outdated[lang])
		}
	}

	// Raw HTML, three lines below the file's last line: check refuses it.
	line := bytes.Count(orig, []byte("\n")) + 3
	save("\nEn ny setning til prøve.\n<b>Ødelagt</b> setning.\n")
	want := fmt.Sprintf("content/nb/help.md:%d: raw HTML is not allowed", line)
	body, err := waitFor(page, want, limit)
	if err != nil {
		t.Fatalf("a broken edit: %v\n%s", err, p.log)
	}
	if !strings.Contains(body, "En ny setning til prøve.") || strings.Contains(body, "Ødelagt") {
		t.Errorf("a broken edit: the page is not the last good one (the good sentence, without the broken one):\n%s", body)
	}
	if !strings.Contains(p.log.String(), want) {
		t.Errorf("the terminal does not say %q:\n%s", want, p.log)
	}
	// Other pages say it too: the translator may be looking at another language.
	if body, _ := get(p.base + "/en/help/"); !strings.Contains(body, want) {
		t.Errorf("/en/help/ does not show %q", want)
	}

	save("\nRettet setning.\n")
	body, err = waitFor(page, "Rettet setning.", limit)
	if err != nil {
		t.Fatalf("the fix: %v\n%s", err, p.log)
	}
	if strings.Contains(body, "raw HTML is not allowed") || strings.Contains(body, "Ødelagt") {
		t.Errorf("after the fix the page still shows the problem or the broken text:\n%s", body)
	}
}

// outdatedNotice is the start of what a translation says when its source
// changed (i18n key translationOutdated, up to the date).
func outdatedNotice(t *testing.T, lang string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repo, "i18n", lang+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	var table map[string]any
	if err := toml.Unmarshal(b, &table); err != nil {
		t.Fatalf("i18n/%s.toml: %v", lang, err)
	}
	s, _ := table["translationOutdated"].(string)
	s, _, _ = strings.Cut(s, "{{")
	if s == "" {
		t.Fatalf("i18n/%s.toml: no translationOutdated text before its date", lang)
	}
	return s
}

// BenchmarkServe measures what a translator waits for: `site serve` runs on
// a copy of the real site (24 languages), the benchmark saves a page with a
// new sentence and asks the preview for the page over HTTP until the
// sentence is there, as the browser does when livereload tells it to. The
// wait includes `site check` of the saved file. Each edit is one iteration;
// the metrics are the median and the slowest wait.
//
//	go test -run '^$' -bench Serve -benchtime 10x ./internal/sitetest/
func BenchmarkServe(b *testing.B) {
	p := startServe(b)
	page := p.base + "/nb/help/"
	file := filepath.Join(p.dir, "content", "nb", "help.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	var waits []time.Duration
	n := 0
	for b.Loop() {
		n++
		marker := fmt.Sprintf("Endret for måling %d.", n)
		start := time.Now()
		if err := os.WriteFile(file, append(append([]byte(nil), orig...), "\n"+marker+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := waitFor(page, marker, time.Minute); err != nil {
			b.Fatalf("%v\n%s", err, p.log)
		}
		waits = append(waits, time.Since(start)) // from the save to the new page
	}
	slices.Sort(waits)
	b.ReportMetric(float64(waits[len(waits)/2].Milliseconds()), "median-ms")
	b.ReportMetric(float64(waits[len(waits)-1].Milliseconds()), "max-ms")
}

// waitFor asks for url until its body contains want, and returns the body.
func waitFor(url, want string, limit time.Duration) (string, error) {
	start := time.Now()
	for time.Since(start) < limit {
		if body, err := get(url); err == nil && strings.Contains(body, want) {
			return body, nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return "", fmt.Errorf("%s did not show %q within %s", url, want, limit)
}

func get(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// syncBuffer is the process's output, written by two copying goroutines
// and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
