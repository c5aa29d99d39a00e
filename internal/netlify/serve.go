package netlify

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves a built site the way Netlify serves it, for tests and
// tools on this machine: /dir/ is dir/index.html and /dir redirects to
// /dir/; files whose name starts with "_" (_headers, _redirects) are not
// served; a missing page gets its language's 404.html with status 404, or,
// under no language (a mistyped /go/ link from a poster), the site-wide
// /404.html, as Netlify answers any address it has no file for; the
// header rules apply (Netlify's default Cache-Control first); text is
// gzipped when the browser accepts it.
type Handler struct {
	Dir     string
	Headers []HeaderRule // e.g. ParseHeaders of Dir/_headers
}

// NewHandler serves dir with the rules of its own _headers file.
func NewHandler(dir string) *Handler {
	b, _ := os.ReadFile(filepath.Join(dir, HeadersFile))
	return &Handler{Dir: dir, Headers: ParseHeaders(b)}
}

func (s *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
		p += "/"
	}
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=0, must-revalidate") // Netlify's default
	for _, rule := range s.Headers {
		if (Rule{From: rule.Path}).Matches(p) {
			for _, x := range rule.Headers {
				h.Set(x.Name, x.Value)
			}
		}
	}
	file := filepath.Join(s.Dir, filepath.FromSlash(p))
	if st, err := os.Stat(file); err == nil && st.IsDir() {
		if !strings.HasSuffix(p, "/") {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
	}
	status := http.StatusOK
	b, err := os.ReadFile(file)
	if err != nil || strings.HasPrefix(path.Base(p), "_") {
		status = http.StatusNotFound
		lang, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		file = filepath.Join(s.Dir, lang, "404.html")
		if b, err = os.ReadFile(file); err != nil {
			file = filepath.Join(s.Dir, "404.html")
			if b, err = os.ReadFile(file); err != nil {
				http.NotFound(w, r)
				return
			}
		}
	}
	ctype := mime.TypeByExtension(filepath.Ext(file))
	if ctype == "" {
		ctype = http.DetectContentType(b)
	}
	h.Set("Content-Type", ctype)
	compressible := strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") || strings.Contains(ctype, "json") || strings.Contains(ctype, "svg")
	if compressible && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		h.Add("Vary", "Accept-Encoding")
		w.WriteHeader(status)
		gz := gzip.NewWriter(w)
		_, _ = gz.Write(b)
		_ = gz.Close()
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// ParseHeaders reads a _headers file as FormatHeaders writes it: a path
// line, then indented "Name: value" lines. Comments and blank lines are
// skipped.
func ParseHeaders(b []byte) []HeaderRule {
	var rules []HeaderRule
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			rules = append(rules, HeaderRule{Path: t})
			continue
		}
		if len(rules) == 0 {
			continue
		}
		if name, value, ok := strings.Cut(t, ":"); ok {
			last := &rules[len(rules)-1]
			last.Headers = append(last.Headers, Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
		}
	}
	return rules
}
