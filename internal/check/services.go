package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ServicesFile holds every help service; phone numbers live only there.
const ServicesFile = "data/services.yaml"

var (
	serviceID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	telRE     = regexp.MustCompile(`^\+?[0-9]{3,15}$`)
	dateRE    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	timeRE    = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)
	// sourceDateRE is a source's own date: a day, or only a year.
	sourceDateRE = regexp.MustCompile(`^\d{4}(-\d{2}-\d{2})?$`)
)

// dataKey is an i18n key that a value in the services file names (a day,
// a time of day, a note, an audience, the service's name): the layouts build
// it at run time, so Hugo would show an empty text where it is missing.
type dataKey struct {
	id   string
	line int
}

// loadServices reads data/services.yaml, checks each entry and remembers the
// ids (for shortcodes and `help:`) and numbers (to spot them typed into text).
func (c *checker) loadServices() {
	c.services = map[string]bool{}
	b, err := os.ReadFile(filepath.Join(c.root, ServicesFile))
	if err != nil {
		c.r.add(ServicesFile, 0, "cannot read the help services: %v", err)
		c.services = nil
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		msg := yamlLineRE.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "")
		c.r.add(ServicesFile, yamlErrLine(err), "not valid YAML (%s): check the quotes and the indentation (spaces, not tabs) on this line and the lines above", strings.TrimLeft(msg, ": "))
		c.services = nil // unreadable: every id would look unknown
		return
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.SequenceNode {
		c.r.add(ServicesFile, 1, "must be a list of services (- id: …)")
		c.services = nil
		return
	}
	c.r.Problems = append(c.r.Problems, ServiceProblems(doc.Content[0])...)
	for _, n := range doc.Content[0].Content {
		fields := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			fields[n.Content[i].Value] = n.Content[i+1]
		}
		idn := fields["id"]
		if idn == nil || !serviceID.MatchString(idn.Value) {
			c.r.add(ServicesFile, n.Line, "a service needs an id of lowercase ASCII letters, digits and dashes")
			continue
		}
		id := idn.Value
		if c.services[id] {
			c.r.add(ServicesFile, idn.Line, "service id %q appears twice: ids must be unique", id)
		}
		c.services[id] = true
		if f := fields["name"]; f == nil || strings.TrimSpace(f.Value) == "" {
			c.r.add(ServicesFile, n.Line, "service %q has no name: add its Norwegian name", id)
		}
		if f := fields["reviewed"]; f == nil || !dateRE.MatchString(f.Value) {
			c.r.add(ServicesFile, n.Line, "service %q needs reviewed: YYYY-MM-DD, the date its facts were last checked", id)
		} else {
			c.staleReview(ServicesFile, f.Line, f.Value)
		}
		if f := fields["sources"]; f == nil || len(f.Content) == 0 {
			c.r.add(ServicesFile, n.Line, "service %q has no sources: add the address its facts come from", id)
		} else {
			c.serviceSources(id, f)
		}
		c.needKey("svc_"+id+"_name", n.Line)
		c.needKey("svc_"+id+"_what", n.Line)
		if f := fields["audience"]; f != nil {
			c.needKey("audience_"+f.Value, f.Line)
		}
		c.serviceHours(id, fields["hours"])
		if ch := fields["chat"]; ch != nil {
			chat := mapping(ch)
			if chat == nil || chat["url"] == nil || strings.TrimSpace(chat["url"].Value) == "" {
				c.r.add(ServicesFile, ch.Line, "service %q: chat needs its address and may have hours of its own: chat: {url: \"https://…\", hours: [...]}", id)
			} else {
				c.serviceHours(id, chat["hours"])
			}
		}
		if p := fields["phone"]; p != nil {
			c.serviceHours(id, mapping(p)["hours"])
			var ph struct{ Tel, Display string }
			_ = p.Decode(&ph)
			digits := onlyDigits(ph.Display)
			switch {
			case !telRE.MatchString(ph.Tel):
				c.r.add(ServicesFile, p.Line, "service %q: phone.tel %q must be digits, optionally after +, e.g. \"+4781555201\"", id, ph.Tel)
			case !SameNumber(ph.Tel, ph.Display):
				// ServiceProblems names it
			default:
				c.phones = append(c.phones, digits)
			}
		}
	}
}

// mapping returns the fields of a YAML mapping, nil for any other node.
func mapping(n *yaml.Node) map[string]*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	m := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		m[n.Content[i].Value] = n.Content[i+1]
	}
	return m
}

// serviceHours checks a list of opening hours (a service's, or one
// channel's) and notes the i18n keys its values name.
func (c *checker) serviceHours(id string, n *yaml.Node) {
	if n == nil {
		return
	}
	const shapes = "{days: always}, {days: weekdays, from: \"09:00\", to: \"16:00\"}, {days: weekdays, part: …} or {note: …}"
	if n.Kind != yaml.SequenceNode {
		c.r.add(ServicesFile, n.Line, "service %q: hours must be a list, e.g. [%s]", id, shapes)
		return
	}
	for _, e := range n.Content {
		h := mapping(e)
		switch {
		case h == nil:
			c.r.add(ServicesFile, e.Line, "service %q: each entry of hours is one of %s", id, shapes)
		case h["note"] != nil:
			c.needKey("hoursNote_"+h["note"].Value, e.Line)
		case h["days"] == nil:
			c.r.add(ServicesFile, e.Line, "service %q: an entry of hours needs days (always, weekdays, mon-tue, thursday, daily) or a note", id)
		case h["days"].Value == "always":
		default:
			c.needKey("days_"+h["days"].Value, e.Line)
			from, to := h["from"], h["to"]
			if (from == nil) != (to == nil) || from != nil && (!validClock(from.Value) || !validClock(to.Value)) {
				c.r.add(ServicesFile, e.Line, "service %q: hours need both from and to as HH:MM in quotes, e.g. from: \"09:00\", to: \"16:00\"", id)
			}
			if p := h["part"]; p != nil {
				c.needKey("part_"+p.Value, e.Line)
			}
		}
	}
}

// serviceSources checks that each source is an address, {url, date} or
// {title, date}, with the source's own date as YYYY-MM-DD or YYYY.
func (c *checker) serviceSources(id string, n *yaml.Node) {
	for _, e := range n.Content {
		if e.Kind == yaml.ScalarNode && strings.TrimSpace(e.Value) != "" {
			continue
		}
		m := mapping(e)
		if m == nil || (m["url"] == nil && m["title"] == nil) {
			c.r.add(ServicesFile, e.Line, "service %q: a source is an address, {url: …, date: …} or {title: …, date: …}", id)
			continue
		}
		if d := m["date"]; d != nil && !sourceDateRE.MatchString(d.Value) {
			c.r.add(ServicesFile, d.Line, "service %q: the source's date %q must be YYYY-MM-DD or YYYY", id, d.Value)
		}
	}
}

func (c *checker) needKey(id string, line int) {
	c.dataKeys = append(c.dataKeys, dataKey{id, line})
}

// unknownService reports an id that is not in the services file. While the
// file cannot be read, no id is unknown: its own error is the one to fix.
func (c *checker) unknownService(id string) bool {
	return c.services != nil && !c.services[id]
}

func yamlErrLine(err error) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		n := 0
		for _, ch := range m[1] {
			n = n*10 + int(ch-'0')
		}
		return n
	}
	return 1
}

var yamlLineRE = regexp.MustCompile(`line (\d+):?`)

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// builtinShortcodes are Hugo's embedded shortcodes that content may use:
// none, as no page needs one (see hugoShortcodes for why each is refused).
var builtinShortcodes = []string{}

func (c *checker) loadShortcodes() {
	c.shortcodes = map[string]bool{}
	for _, s := range builtinShortcodes {
		c.shortcodes[s] = true
	}
	files, _ := filepath.Glob(filepath.Join(c.root, "layouts", "_shortcodes", "*.html"))
	for _, f := range files {
		c.shortcodes[strings.TrimSuffix(filepath.Base(f), ".html")] = true
	}
}
