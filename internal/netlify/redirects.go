// Package netlify owns what Netlify reads from the published site and how
// it behaves: _headers (the security headers every response carries, and
// the scan of every page against them), _redirects and the [[redirects]] of
// netlify.toml (written, parsed and matched, here only), and Handler, which
// serves a built site as Netlify does for the browser tests and tools.
package netlify

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/redcross-no/familieinnvandring/internal/fileerr"
)

// RedirectsFile is the name Netlify reads in the publish directory. Netlify
// applies its rules before those in netlify.toml.
const RedirectsFile = "_redirects"

// Rule is one redirect or rewrite rule.
type Rule struct {
	From      string
	To        string
	Status    int  // 301, 302, 200 (rewrite) or 404
	Force     bool // apply even when a file exists at From (Netlify "shadowing")
	Languages []string
	// Conditions are the other key=value fields as written (Country=no,
	// Role=admin, a query parameter id=:id): kept so that a check can refuse
	// them; this package does not act on them.
	Conditions []string
	Comment    string // written as a comment line above the rule
	// File and Line say where a parsed rule was written, for messages
	// (empty and 0 for generated rules; netlify.toml rules have no line).
	File string
	Line int
}

// String is the rule in _redirects syntax.
func (r Rule) String() string {
	var b strings.Builder
	b.WriteString(r.From)
	b.WriteString("  ")
	b.WriteString(r.To)
	b.WriteString("  ")
	b.WriteString(strconv.Itoa(r.Status))
	if r.Force {
		b.WriteByte('!')
	}
	if len(r.Languages) > 0 {
		b.WriteString("  Language=")
		b.WriteString(strings.Join(r.Languages, ","))
	}
	for _, c := range r.Conditions {
		b.WriteString("  ")
		b.WriteString(c)
	}
	return b.String()
}

// WriteRedirects writes rules in _redirects syntax, in order: Netlify uses
// the first rule that matches.
func WriteRedirects(w io.Writer, header string, rules []Rule) error {
	bw := bufio.NewWriter(w)
	for _, line := range strings.Split(strings.TrimSpace(header), "\n") {
		fmt.Fprintf(bw, "# %s\n", strings.TrimSpace(strings.TrimPrefix(line, "#")))
	}
	for _, r := range rules {
		if r.Comment != "" {
			fmt.Fprintf(bw, "\n# %s\n", r.Comment)
		}
		fmt.Fprintln(bw, r.String())
	}
	return bw.Flush()
}

// LineError is a problem on one line of a _redirects file.
type LineError = fileerr.Error

// ParseRedirects reads the rules of a _redirects file (the subset this site
// uses: from, to, status with optional "!", and Language=/Country= conditions).
// Errors name the line.
func ParseRedirects(name string, b []byte) ([]Rule, error) {
	var rules []Rule
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			return nil, &LineError{File: name, Line: n, Msg: "a rule needs a path and a target: write `/old-path /new-path 301`"}
		}
		r := Rule{From: f[0], To: f[1], Status: 301, File: name, Line: n}
		for _, opt := range f[2:] {
			switch {
			case strings.HasPrefix(opt, "Language="):
				r.Languages = strings.Split(strings.TrimPrefix(opt, "Language="), ",")
			case strings.Contains(opt, "="):
				// other conditions (Country=, Role=) or query parameters
				r.Conditions = append(r.Conditions, opt)
			default:
				s := strings.TrimSuffix(opt, "!")
				code, err := strconv.Atoi(s)
				if err != nil {
					return nil, &LineError{File: name, Line: n, Msg: fmt.Sprintf("status %q is not a number: use 301, 302, 200 or 404", opt)}
				}
				r.Status, r.Force = code, strings.HasSuffix(opt, "!")
			}
		}
		rules = append(rules, r)
	}
	return rules, sc.Err()
}

// ParseTOMLRedirects reads the [[redirects]] tables of netlify.toml.
func ParseTOMLRedirects(b []byte) ([]Rule, error) {
	var doc struct {
		Redirects []struct {
			From       string              `toml:"from"`
			To         string              `toml:"to"`
			Status     int                 `toml:"status"`
			Force      bool                `toml:"force"`
			Conditions map[string][]string `toml:"conditions"`
		} `toml:"redirects"`
	}
	if err := toml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("netlify.toml: %w", err)
	}
	var rules []Rule
	for _, r := range doc.Redirects {
		status := r.Status
		if status == 0 {
			status = 301
		}
		rule := Rule{From: r.From, To: r.To, Status: status, Force: r.Force, Languages: r.Conditions["Language"], File: "netlify.toml"}
		for k, v := range r.Conditions {
			if k != "Language" {
				rule.Conditions = append(rule.Conditions, k+"="+strings.Join(v, ","))
			}
		}
		slices.Sort(rule.Conditions)
		rules = append(rules, rule)
	}
	return rules, nil
}

// Matches reports whether the rule's From pattern matches a request path,
// as Netlify does: a trailing slash does not matter, "*" at the end matches
// the rest of the path, ":name" matches one segment. Conditions are ignored.
func (r Rule) Matches(p string) bool {
	from := strings.TrimSuffix(r.From, "/")
	p = strings.TrimSuffix(path.Clean("/"+p), "/")
	if splat, ok := strings.CutSuffix(from, "*"); ok {
		splat = strings.TrimSuffix(splat, "/")
		return splat == "" || p == splat || strings.HasPrefix(p, splat+"/")
	}
	fs, ps := strings.Split(from, "/"), strings.Split(p, "/")
	if len(fs) != len(ps) {
		return false
	}
	for i := range fs {
		if !strings.HasPrefix(fs[i], ":") && fs[i] != ps[i] {
			return false
		}
	}
	return true
}

// Target is where the rule sends a request for path p, which it matches:
// its To with :splat replaced by what the "*" matched and each :name by the
// segment it matched, as Netlify fills them in. A target that names neither
// is returned as it is.
func (r Rule) Target(p string) string {
	from := strings.TrimSuffix(r.From, "/")
	p = strings.TrimSuffix(path.Clean("/"+p), "/")
	to := r.To
	if prefix, ok := strings.CutSuffix(from, "*"); ok {
		prefix = strings.TrimSuffix(prefix, "/")
		splat := strings.TrimPrefix(strings.TrimPrefix(p, prefix), "/")
		if prefix == "" {
			splat = strings.TrimPrefix(p, "/")
		}
		return strings.ReplaceAll(to, ":splat", splat)
	}
	fs, ps := strings.Split(from, "/"), strings.Split(p, "/")
	for i := range fs {
		if name, ok := strings.CutPrefix(fs[i], ":"); ok && name != "" && i < len(ps) {
			to = strings.ReplaceAll(to, ":"+name, ps[i])
		}
	}
	return to
}
