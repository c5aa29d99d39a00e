package sitetest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// PRIVACY.md's table of security headers is what the build writes: every
// header of the built _headers is in the table with the same value (the
// stylesheet's hash written 'sha256-…'), and the table names no header the
// build does not send.
func TestPrivacyTableMatchesHeaders(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(repo, "PRIVACY.md"))
	if err != nil {
		t.Fatal(err)
	}
	table, err := privacyHeaderTable(string(doc))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(builtSite(t), netlify.HeadersFile))
	if err != nil {
		t.Fatal(err)
	}
	rules := netlify.ParseHeaders(b)
	if len(rules) != 1 || rules[0].Path != "/*" {
		t.Fatalf("_headers has %d rules, PRIVACY.md describes one for /*: update its table", len(rules))
	}
	for _, d := range headerTableDiff(table, rules[0].Headers) {
		t.Error("PRIVACY.md, \"Security headers\": " + d)
	}
}

// The comparison finds each kind of disagreement.
func TestHeaderTableDiff(t *testing.T) {
	table, err := privacyHeaderTable("## Security headers\n\n| header | value | why |\n|---|---|---|\n| A | `1` | |\n| B | `2` | |\n| C | `style-src 'sha256-…'` | |\n")
	if err != nil {
		t.Fatal(err)
	}
	built := []netlify.Header{{Name: "A", Value: "1"}, {Name: "B", Value: "3"}, {Name: "C", Value: "style-src 'sha256-abc+/='"}, {Name: "D", Value: "4"}}
	got := strings.Join(headerTableDiff(table, built), "\n")
	want := "B is `3` in the built _headers, the table says `2`\nD: `4` is in the built _headers but not in the table"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if d := headerTableDiff(table, built[:1]); len(d) != 2 {
		t.Errorf("headers missing from the build are not reported: %q", d)
	}
}

var styleHashRE = regexp.MustCompile(`'sha256-[A-Za-z0-9+/]+=*'`)

// headerTableDiff lists where the table and the built headers disagree.
func headerTableDiff(table map[string]string, built []netlify.Header) []string {
	var out []string
	seen := map[string]bool{}
	for _, h := range built {
		seen[h.Name] = true
		v := styleHashRE.ReplaceAllString(h.Value, "'sha256-…'")
		doc, ok := table[h.Name]
		switch {
		case !ok:
			out = append(out, h.Name+": `"+v+"` is in the built _headers but not in the table")
		case doc != v:
			out = append(out, h.Name+" is `"+v+"` in the built _headers, the table says `"+doc+"`")
		}
	}
	for name := range table {
		if !seen[name] {
			out = append(out, name+": in the table but not in the built _headers")
		}
	}
	return out
}

// privacyHeaderTable reads the table under "## Security headers": header
// name → the value in backticks.
func privacyHeaderTable(doc string) (map[string]string, error) {
	_, sec, ok := strings.Cut(doc, "## Security headers")
	if !ok {
		return nil, os.ErrNotExist
	}
	if i := strings.Index(sec, "\n## "); i >= 0 {
		sec = sec[:i]
	}
	rows := map[string]string{}
	for _, line := range strings.Split(sec, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(line), "|") {
			continue
		}
		name, val := strings.TrimSpace(cells[1]), strings.TrimSpace(cells[2])
		if !strings.HasPrefix(val, "`") || !strings.HasSuffix(val, "`") {
			continue // the heading row and the rule under it
		}
		rows[name] = strings.Trim(val, "`")
	}
	return rows, nil
}
