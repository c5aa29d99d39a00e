package check

import (
	"fmt"
	"strings"

	"golang.org/x/net/idna"
)

// AllowedHosts are the sites the help services and the pages' sources are on
// (data/services.yaml and front matter `sources`, as of this list), and
// their subdomains (www.udi.no), and the domains of the services' e-mail
// addresses. It is the one list of other sites a reader may be sent to or
// write to; a new service or source on another site is added here, in
// review, so that no one can slip in a lookalike address.
var AllowedHosts = []string{
	// public bodies
	"udi.no", "udiregelverk.no", "une.no", "nyinorge.no", "imdi.no", "bufdir.no",
	"regjeringen.no", "stortinget.no", "politiet.no", "nav.no", "ldo.no",
	"voldsoffererstatning.no", "norway.no", "dinutvei.no", "ung.no",
	"ardal.kommune.no", "aremark.kommune.no", "kristiansund.kommune.no",
	// help services and organisations
	"volinjen.no", "rodekorstelefonen.no", "116111.no", "uio.no", "jussformidlingen.no",
	"mirasenteret.no", "ikvo.no", "skeivverden.no", "hjelpekilden.no", "nhi.no",
	"redcross.no", "seif.no", // their e-mail addresses (domain-facts.md)
	// research and the press, cited as sources
	"nordlandsforskning.no", "juristen.no", "vg.no", "tv2.no", "nrk.no", "side3.no",
	"fredrikstadavisa.no", "framtida.no", "probonoportugal.com",
	// the site itself and the quick exit's neutral site
	"dinerettigheter.no", "yr.no",
}

// AllowedHost reports whether host is one of AllowedHosts or below one, and
// if not, why. The host is compared in its ASCII (punycode) form: a Cyrillic
// "о" in udi.nо makes a different host, xn--udi-…, which is not on the list.
func AllowedHost(host string) (bool, string) {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	ascii, err := idna.Lookup.ToASCII(h)
	if err != nil {
		return false, fmt.Sprintf("has a host that is not a valid name (%v): write the service's own address", err)
	}
	// No allowed site has a name in other letters, so a non-ASCII or punycode
	// label anywhere in the name (Ă.udi.no as much as udі.no) is refused:
	// a subdomain in lookalike letters still reads as the real site.
	if ascii != h || strings.HasPrefix(ascii, "xn--") || strings.Contains(ascii, ".xn--") {
		return false, fmt.Sprintf("is on %s, written with letters that only look like Latin ones (its real name is %s): write the address with plain letters", host, ascii)
	}
	for _, a := range AllowedHosts {
		if ascii == a || strings.HasSuffix(ascii, "."+a) {
			return true, ""
		}
	}
	return false, fmt.Sprintf("is on %s, which is not one of the sites the services and sources use: check the address; a new site is added to AllowedHosts in internal/check/hosts.go, in review", host)
}

// MailProblem says what is wrong with an e-mail address a reader can write
// to, "" when nothing is: a plain address (PlainEmail) whose domain is one
// of AllowedHosts. A message about abuse sent to a lookalike or mistyped
// domain reaches a stranger, so the domain is held to the same list as the
// links.
func MailProblem(addr string) string {
	if !PlainEmail(addr) {
		return "is not a plain address: write name@example.no, nothing else"
	}
	_, domain, _ := strings.Cut(addr, "@")
	if ok, why := AllowedHost(domain); !ok {
		return why
	}
	return ""
}
