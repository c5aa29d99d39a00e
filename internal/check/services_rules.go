package check

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A help card is what a frightened reader acts on: the number she dials, the
// chat she opens. services.yaml is checked so that what a card shows is what
// it does: one number shown and dialled, addresses only on the services' own
// sites over https, nothing the layouts do not know how to show.

// serviceFields are the fields of a service (data/services.yaml's header
// describes each); channels are the ways to reach it.
var (
	serviceFields = []string{"id", "name", "short", "phone", "chat", "email", "web", "place", "hours", "anonymous", "free", "interpreter", "audience", "featured", "sources", "reviewed"}
	phoneFields   = []string{"tel", "display", "hours"}
	chatFields    = []string{"url", "hours"}
	hoursFields   = []string{"days", "from", "to", "part", "note"}
	sourceFields  = []string{"url", "title", "date"}
	serviceDays   = []string{"always", "weekdays", "mon-tue", "thursday", "daily"}
	audiences     = []string{"adults", "youth", "everyone", "women"}
	serviceFlags  = []string{"anonymous", "free", "interpreter"}
)

// SameNumber reports whether a tel: number dials the number displayed: the
// same digits, or the display without +47 (a Norwegian number written as it
// is in Norway). The display may hold only digits and spaces.
func SameNumber(tel, display string) bool {
	for _, r := range display {
		if !(r >= '0' && r <= '9' || r == ' ') {
			return false
		}
	}
	d := onlyDigits(display)
	return d != "" && (tel == d || tel == "+"+d || tel == "+47"+d)
}

// validClock is HH:MM from 00:00 to 24:00.
func validClock(s string) bool {
	if len(s) != 5 || s[2] != ':' {
		return false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	return err1 == nil && err2 == nil && s[0] != '+' && s[3] != '+' && h >= 0 && m >= 0 && m < 60 && (h < 24 || h == 24 && m == 0)
}

// ServiceProblems checks the list of services beyond their shape
// (loadServices): known fields and values only, the shown number dialled,
// https addresses on AllowedHosts, plain e-mail addresses, real opening
// hours.
func ServiceProblems(list *yaml.Node) []Problem {
	var out []Problem
	add := func(line int, format string, args ...any) {
		out = append(out, Problem{File: ServicesFile, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	featured := map[int]string{}
	for _, n := range list.Content {
		fields := mapping(n)
		if fields == nil {
			continue
		}
		id := ""
		if f := fields["id"]; f != nil {
			id = f.Value
		}
		unknownFields(n, serviceFields, func(k *yaml.Node) {
			add(k.Line, "service %q: unknown field %q: a card shows only %s (fix the spelling, or ask for the layouts to show a new field)", id, k.Value, strings.Join(serviceFields, ", "))
		})
		if p := fields["phone"]; p != nil {
			unknownFields(p, phoneFields, func(k *yaml.Node) {
				add(k.Line, "service %q: phone has %s only, not %q", id, strings.Join(phoneFields, ", "), k.Value)
			})
			ph := mapping(p)
			if ph != nil && ph["tel"] != nil && ph["display"] != nil && !SameNumber(ph["tel"].Value, ph["display"].Value) {
				add(p.Line, "service %q: phone.display %q is not the number phone.tel %q dials: write the same digits (only +47 may be left out of display), with spaces between groups", id, ph["display"].Value, ph["tel"].Value)
			}
			hoursProblems(id, mapping(p)["hours"], add)
		}
		if ch := fields["chat"]; ch != nil {
			unknownFields(ch, chatFields, func(k *yaml.Node) {
				add(k.Line, "service %q: chat has %s only, not %q", id, strings.Join(chatFields, ", "), k.Value)
			})
			if u := mapping(ch)["url"]; u != nil {
				addressProblem(id, "chat.url", u, add)
			}
			hoursProblems(id, mapping(ch)["hours"], add)
		}
		if w := fields["web"]; w != nil {
			addressProblem(id, "web", w, add)
		}
		if e := fields["email"]; e != nil {
			if why := MailProblem(e.Value); why != "" {
				add(e.Line, "service %q: email %q %s", id, e.Value, why)
			}
		}
		if a := fields["audience"]; a != nil && !slices.Contains(audiences, a.Value) {
			add(a.Line, "service %q: audience %q is not one of %s", id, a.Value, strings.Join(audiences, ", "))
		}
		for _, flag := range serviceFlags {
			if f := fields[flag]; f != nil && f.Value != "true" {
				add(f.Line, "service %q: %s is true where a source says so; otherwise leave it out (found %q)", id, flag, f.Value)
			}
		}
		if f := fields["featured"]; f != nil {
			k, err := strconv.Atoi(f.Value)
			switch {
			case err != nil || k < 1:
				add(f.Line, "service %q: featured is the position on the home page: 1, 2, 3 …", id)
			case featured[k] != "":
				add(f.Line, "service %q: featured %d is also %q: give each a different position", id, k, featured[k])
			default:
				featured[k] = id
			}
		}
		hoursProblems(id, fields["hours"], add)
		if s := fields["sources"]; s != nil {
			for _, e := range s.Content {
				if e.Kind == yaml.ScalarNode {
					addressProblem(id, "source", e, add)
					continue
				}
				unknownFields(e, sourceFields, func(k *yaml.Node) {
					add(k.Line, "service %q: a source has %s only, not %q", id, strings.Join(sourceFields, ", "), k.Value)
				})
				if u := mapping(e)["url"]; u != nil {
					addressProblem(id, "source", u, add)
				}
			}
		}
	}
	return out
}

func unknownFields(n *yaml.Node, allowed []string, report func(k *yaml.Node)) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !slices.Contains(allowed, k.Value) {
			report(k)
		}
	}
}

// hoursProblems: known days, real times, opening before closing.
func hoursProblems(id string, n *yaml.Node, add func(int, string, ...any)) {
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	for _, e := range n.Content {
		unknownFields(e, hoursFields, func(k *yaml.Node) {
			add(k.Line, "service %q: an entry of hours has %s only, not %q", id, strings.Join(hoursFields, ", "), k.Value)
		})
		h := mapping(e)
		if h == nil {
			continue
		}
		if d := h["days"]; d != nil && !slices.Contains(serviceDays, d.Value) {
			add(d.Line, "service %q: days %q is not one of %s", id, d.Value, strings.Join(serviceDays, ", "))
		}
		from, to := h["from"], h["to"]
		if from == nil || to == nil {
			continue
		}
		switch {
		case !validClock(from.Value) || !validClock(to.Value):
			// serviceHours names it
		case from.Value >= to.Value:
			add(e.Line, "service %q: hours from %s to %s: the service must open before it closes (open past midnight? write to: \"24:00\" and a second entry from \"00:00\")", id, from.Value, to.Value)
		}
	}
}

// addressProblem: an address a reader taps is https, on one of AllowedHosts
// (compared in its punycode form, so a lookalike letter is not the host).
func addressProblem(id, field string, n *yaml.Node, add func(int, string, ...any)) {
	if why := AddressProblem(n.Value); why != "" {
		add(n.Line, "service %q: %s %q %s", id, field, n.Value, why)
	}
}

// AddressProblem says what is wrong with a web address a reader can open,
// "" when nothing is: it must be https, with no user name or port, on an
// allowed host.
func AddressProblem(addr string) string {
	u, err := url.Parse(addr)
	switch {
	case err != nil || u.Host == "":
		return "is not a web address: write the full https:// address"
	case u.Scheme != "https":
		return "is not https: write https:// (a plain http link can be changed on its way to the reader)"
	case u.User != nil || u.Port() != "":
		return "has a user name or port: write the plain address, https://host/path"
	}
	if ok, why := AllowedHost(u.Hostname()); !ok {
		return why
	}
	return ""
}
