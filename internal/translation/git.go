package translation

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

// ErrNoHistory means git could not give an earlier version of a file.
var ErrNoHistory = errors.New("no earlier version in git")

// PreviousVersion returns the newest version of a source page in git history
// whose normalised text differs from current: the text before the edit that is
// being made now (uncommitted) or that was committed last.
func PreviousVersion(root, file, current string) (string, error) {
	out, err := git(root, "log", "--format=%H", "--", file)
	if err != nil {
		return "", err
	}
	for _, rev := range strings.Fields(out) {
		src, err := git(root, "show", rev+":./"+file)
		if err != nil {
			continue // the file had another name in that commit
		}
		d, err := frontmatter.Parse([]byte(src))
		if err != nil {
			continue
		}
		text := Normalise(d.String("title"), d.String("description"), string(d.Body))
		if text != current {
			return text, nil
		}
	}
	return "", ErrNoHistory
}

func git(root string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", root}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("%w (git: %s)", ErrNoHistory, firstLine(msg))
	}
	return stdout.String(), nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
