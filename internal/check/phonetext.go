package check

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// phoneMsg is the one message for a number typed where the data should be.
func phoneMsg(typed string) string {
	return fmt.Sprintf("phone number %q typed into the text: numbers live only in %s; use {{< phone \"service-id\" >}}", typed, ServicesFile)
}

// phonesInBlocks looks for typed numbers in the text of every block a reader
// sees (paragraphs, headings, list items, table cells, image descriptions),
// joined across emphasis, links and code spans: "815 **55** 201" is one
// number on the screen, though Markdown splits it into three pieces.
func (c *checker) phonesInBlocks(p *Page, root ast.Node, body []byte, lineOf func(int) int) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if _, ok := n.(*ast.HTMLBlock); ok {
			return ast.WalkSkipChildren, nil // refused on its own
		}
		var text bytes.Buffer
		type seg struct{ at, off int } // text from byte at on comes from body offset off on
		var segs []seg
		var walk func(x ast.Node)
		walk = func(x ast.Node) {
			for ch := x.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if ch.Type() == ast.TypeBlock {
					continue // its own block, scanned on its own
				}
				switch t := ch.(type) {
				case *ast.Text:
					segs = append(segs, seg{text.Len(), t.Segment.Start})
					text.Write(t.Segment.Value(body))
					if t.SoftLineBreak() || t.HardLineBreak() {
						text.WriteByte(' ')
					}
				case *ast.String:
					segs = append(segs, seg{text.Len(), offsetOf(t)})
					text.Write(t.Value)
				case *ast.AutoLink:
					continue // an address: checked as a link
				case *ast.Link:
					// the title shows when the link is held or hovered
					c.phoneInString(p.File, lineOf(offsetOf(t)), string(t.Title))
				case *ast.Image:
					c.phoneInString(p.File, lineOf(offsetOf(t)), string(t.Title))
				}
				walk(ch)
			}
		}
		walk(n)
		s := text.String()
		for _, m := range FindPhones(s, c.phones) {
			off := 0
			for _, sg := range segs {
				if sg.at <= m.Start {
					off = sg.off + (m.Start - sg.at)
				}
			}
			c.r.add(p.File, lineOf(off), "%s", phoneMsg(strings.TrimSpace(s[m.Start:m.End])))
		}
		return ast.WalkContinue, nil
	})
}

// phoneInString refuses a number typed into a front-matter text (title,
// description, tabTitle, poster …), an i18n text or a shortcode argument.
func (c *checker) phoneInString(file string, line int, s string) {
	for _, m := range FindPhones(s, c.phones) {
		c.r.add(file, line, "%s", phoneMsg(strings.TrimSpace(s[m.Start:m.End])))
	}
}

// messagingHosts open a chat or a call with the number in their address.
var messagingHosts = []string{"wa.me", "whatsapp.com", "api.whatsapp.com", "t.me", "telegram.me", "viber.me", "signal.me", "m.me", "imo.im"}

// callSchemes dial or message a number.
var callSchemes = []string{"tel", "sms", "smsto", "mms", "callto", "facetime", "facetime-audio", "whatsapp", "viber", "tg", "skype", "sgnl", "imo", "intent"}

// contactLink refuses a link that dials, messages or mails someone other than
// as the data says: tel:, sms:, WhatsApp and Telegram addresses carry a number;
// a mailto: with ?cc=, ?bcc= or a second address copies someone in. It
// reports whether it refused the link.
func (c *checker) contactLink(file string, line int, dest string, u *url.URL) bool {
	scheme := strings.ToLower(u.Scheme)
	for _, s := range callSchemes {
		if scheme == s {
			c.r.add(file, line, "phone link %q typed into the text: phone numbers live in %s; use {{< phone \"service-id\" >}}", dest, ServicesFile)
			return true
		}
	}
	if scheme == "http" || scheme == "https" {
		host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		for _, h := range messagingHosts {
			if host == h || strings.HasSuffix(host, "."+h) {
				c.r.add(file, line, "link to a chat with a phone number (%s) typed into the text: numbers live in %s; use {{< phone \"service-id\" >}}, or add the chat to the service in %s", host, ServicesFile, ServicesFile)
				return true
			}
		}
	}
	if scheme == "mailto" {
		if !plainMailto(dest) {
			c.r.add(file, line, "e-mail link %q: write a plain address, mailto:name@example.no, with no ?subject, ?cc or ?bcc and one address only", dest)
		} else if why := MailProblem(dest[len("mailto:"):]); why != "" {
			c.r.add(file, line, "e-mail link %q %s", dest, why)
		}
		return true
	}
	return false
}

// plainMailto: mailto: and one address, nothing more.
func plainMailto(dest string) bool {
	addr := dest[len("mailto:"):]
	return !strings.ContainsAny(addr, "?&,;%") && PlainEmail(addr)
}

// PlainEmail is an address like name@example.no: one @, a host with a dot,
// ASCII only (so no lookalike letters), no spaces, no parameters.
func PlainEmail(s string) bool {
	local, host, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.Contains(host, "@") || !strings.Contains(host, ".") || strings.HasPrefix(host, ".") || strings.HasSuffix(host, ".") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._+-@", r)) {
			return false
		}
	}
	return true
}

// phoneInText is phoneInString for a page.
func (c *checker) phoneInText(p *Page, line int, typed string) { c.phoneInString(p.File, line, typed) }
