// Package addresses knows the site's public addresses and the promise
// made about them: the URL path of every page, /go/ link, poster and QR
// code, and the committed list of every URL ever published
// (published-urls.txt), which check verifies before a build and the build
// appends to. check and campaign both stand on it.
package addresses

import (
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// Home is the slug of a language's home page (content/<lang>/_index.md).
const Home = content.Home

// PagePath is the URL path of a page: /nb/help/ or /nb/ for a home page.
func PagePath(lang, slug string) string {
	if slug == Home {
		return "/" + lang + "/"
	}
	return "/" + lang + "/" + slug + "/"
}

// BrochurePath is the URL path of a language's brochure, every topic on one
// printable page (layouts/home.print.html), e.g. /nb/print/.
func BrochurePath(lang string) string {
	return PagePath(lang, Home) + "print/"
}

// GoPath is a topic's short, language-neutral link: /go/help. The root /
// plays that part for the home page.
func GoPath(slug string) string {
	if slug == Home {
		return "/"
	}
	return "/go/" + slug
}

// QRPath is where the QR code for the URL path p is published: inside the
// page's folder, named after the page so that downloads stay apart, e.g.
// /nb/help/qr-nb-help.svg, /go/help/qr-go-help.svg, /qr.svg for the root.
// layouts/_partials/funcs/qr-path.html computes the same name.
func QRPath(p string) string {
	name := strings.ReplaceAll(strings.Trim(p, "/"), "/", "-")
	if name == "" {
		return "/qr.svg"
	}
	return "/" + strings.Trim(p, "/") + "/qr-" + name + ".svg"
}

// AbsURL is the production address of the URL path p (baseURL from hugo.toml).
func AbsURL(cfg *siteconfig.Config, p string) string {
	return strings.TrimSuffix(cfg.BaseURL, "/") + "/" + strings.TrimPrefix(p, "/")
}
