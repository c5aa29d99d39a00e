// Package netlifytest reads the files the site tool writes for Netlify with
// Netlify's own parsers (npm packages run by node), for tests: what Netlify
// would do with our _headers is what counts, not what our Go code thinks.
package netlifytest

import (
	"encoding/json"
	"errors"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/testenv"
)

// Headers is what @netlify/headers-parser made of a _headers file.
type Headers struct {
	Rules []struct {
		For    string            `json:"for"`
		Values map[string]string `json:"values"`
	} `json:"headers"`
	Errors []string `json:"errors"`
}

// For returns the headers of the rule for path, nil if there is none.
func (h *Headers) For(path string) map[string]string {
	for _, r := range h.Rules {
		if r.For == path {
			return r.Values
		}
	}
	return nil
}

// RepoRoot is the repository root (testenv.RepoRoot).
func RepoRoot(t testing.TB) string { t.Helper(); return testenv.RepoRoot(t) }

// ParseHeaders runs @netlify/headers-parser on headersFile, merged with
// netlifyConfig (netlify.toml) when that is not "". Node and the package
// are installed first when missing (testenv.NodeModules).
func ParseHeaders(t testing.TB, headersFile, netlifyConfig string) *Headers {
	t.Helper()
	root := RepoRoot(t)
	testenv.NodeModules(t)
	args := []string{filepath.Join(root, "internal", "netlify", "netlifytest", "parse-headers.mjs"), headersFile}
	if netlifyConfig != "" {
		args = append(args, netlifyConfig)
	}
	cmd := exec.Command("node", args...)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("node parse-headers.mjs: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("node parse-headers.mjs: %v", err)
	}
	var h Headers
	if err := json.Unmarshal(out, &h); err != nil {
		t.Fatalf("parse-headers.mjs printed %q: %v", out, err)
	}
	return &h
}
