package fileerr

import (
	"bytes"
	"io"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// A message names the files a reader can open, as the repository has them.
// What a build passes on from Hugo and the file system can name others: the
// absolute path of the site (Hugo's errors say "/home/…/content/nb/x.md"),
// the hidden staging folder a build writes before it publishes
// (".public.staging-123/nb/index.html", gone when the message is read), and
// the placeholder Hugo puts where a shortcode stands while it renders the
// Markdown (HAHAHUGOSHORTCODE…, which appears in no file). Scrubber is the
// last writer every message of a build goes through: it rewrites each of
// those, so that no message can carry one, whichever step wrote it.

// placeholder is Hugo's stand-in for a shortcode in the Markdown it renders
// (hugolib's shortcode placeholders, "HAHAHUGOSHORTCODE" and an id).
var placeholder = regexp.MustCompile(`HAHAHUGOSHORTCODE[0-9A-Za-z]*(HBHB)?`)

// ShortcodeText is what a message shows where Hugo's placeholder stood.
const ShortcodeText = "{{< … >}}"

// Scrubber is an io.Writer that passes on whole lines, each with the paths
// it was told about rewritten and shortcode placeholders replaced.
type Scrubber struct {
	mu    sync.Mutex
	w     io.Writer
	buf   []byte
	paths [][2]string // from, to; longest first
}

// NewScrubber writes scrubbed lines to w. Call Flush at the end.
func NewScrubber(w io.Writer) *Scrubber { return &Scrubber{w: w} }

// Path makes every from/ in a line read to/ (and from alone read to); an
// empty to removes the prefix, so that "/abs/site/content/x.md" reads
// "content/x.md".
func (s *Scrubber) Path(from, to string) {
	if from == "" || from == "." {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paths = append(s.paths, [2]string{strings.TrimSuffix(from, "/"), strings.TrimSuffix(to, "/")})
	// The longest first: the staging folder inside the site before the site.
	sort.SliceStable(s.paths, func(i, j int) bool { return len(s.paths[i][0]) > len(s.paths[j][0]) })
}

func (s *Scrubber) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf = append(s.buf, p...)
	for {
		i := bytes.IndexByte(s.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := s.scrub(string(s.buf[:i]))
		s.buf = s.buf[i+1:]
		if _, err := io.WriteString(s.w, line+"\n"); err != nil {
			return len(p), err
		}
	}
}

// Flush writes what is left after the last newline.
func (s *Scrubber) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.buf) == 0 {
		return nil
	}
	line := s.scrub(string(s.buf))
	s.buf = nil
	_, err := io.WriteString(s.w, line)
	return err
}

// Line scrubs one message.
func (s *Scrubber) Line(msg string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.scrub(msg)
}

func (s *Scrubber) scrub(line string) string {
	line = placeholder.ReplaceAllString(line, ShortcodeText)
	for _, p := range s.paths {
		from, to := p[0], p[1]
		if to == "" {
			line = strings.ReplaceAll(line, from+"/", "")
			line = replaceWhole(line, from, ".")
		} else {
			line = strings.ReplaceAll(line, from+"/", to+"/")
			line = replaceWhole(line, from, to)
		}
	}
	return line
}

// replaceWhole replaces from where it stands as a whole path (not followed
// by more of a name: /tmp/site must not turn /tmp/site2 into ./2).
func replaceWhole(line, from, to string) string {
	var b strings.Builder
	for {
		i := strings.Index(line, from)
		if i < 0 {
			b.WriteString(line)
			return b.String()
		}
		end := i + len(from)
		if end < len(line) && isNameByte(line[end]) && !(line[end] == '.' && (end+1 == len(line) || !isNameByte(line[end+1]))) {
			b.WriteString(line[:end])
		} else {
			b.WriteString(line[:i] + to)
		}
		line = line[end:]
	}
}

func isNameByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// HasInternal reports what of Hugo's internals a message still carries:
// a shortcode placeholder, or "" when it carries none.
func HasInternal(msg string) string {
	return placeholder.FindString(msg)
}
