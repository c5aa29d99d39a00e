package translation

import (
	"fmt"
	"io"
	"strings"
)

// Op is one paragraph of a diff: Kind ' ' unchanged, '-' removed, '+' added.
type Op struct {
	Kind byte
	Text string
}

// Paragraphs splits a normalised text into the title line, the description
// line and the body's paragraphs (blocks between blank lines).
func Paragraphs(normalised string) []string {
	head, body, _ := strings.Cut(normalised, "\n\n")
	out := strings.Split(head, "\n")
	body = strings.TrimSpace(body)
	if body != "" {
		out = append(out, strings.Split(body, "\n\n")...)
	}
	return out
}

// Diff compares two normalised texts paragraph by paragraph (longest common
// subsequence): a paragraph that changed shows as removed, then added.
func Diff(old, new string) []Op {
	a, b := Paragraphs(old), Paragraphs(new)
	// lcs[i][j] is the length of the common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []Op
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, Op{' ', a[i]})
			i++
			j++
		case j == len(b) || (i < len(a) && lcs[i+1][j] >= lcs[i][j+1]):
			// On a tie the removal comes first: old text, then new.
			ops = append(ops, Op{'-', a[i]})
			i++
		default:
			ops = append(ops, Op{'+', b[j]})
			j++
		}
	}
	return ops
}

// WriteDiff prints the changed paragraphs, each group under the heading it
// is in, so that a translator can find the place in her own file.
func WriteDiff(w io.Writer, ops []Op) (removed, added int) {
	heading := ""
	inChange := false
	var prev byte
	for _, op := range ops {
		if op.Kind == ' ' {
			if isHeading(op.Text) {
				heading = op.Text
			}
			inChange = false
			continue
		}
		if inChange && prev == op.Kind {
			// A line with only the sign: the blank line between two paragraphs.
			fmt.Fprintf(w, "%c\n", op.Kind)
		}
		prev = op.Kind
		if !inChange {
			fmt.Fprintln(w)
			if heading == "" {
				fmt.Fprintln(w, "at the top of the page:")
			} else {
				fmt.Fprintf(w, "under %s\n", heading)
			}
			inChange = true
		}
		if op.Kind == '-' {
			removed++
		} else {
			added++
		}
		for _, line := range strings.Split(op.Text, "\n") {
			fmt.Fprintf(w, "%c %s\n", op.Kind, line)
		}
	}
	return removed, added
}

func isHeading(p string) bool {
	return strings.HasPrefix(p, "#") && !strings.Contains(p, "\n")
}
