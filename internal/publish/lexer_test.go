package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/net/html"
)

// lexSeeds are pages the build writes (the first ones take lex's own path)
// and the HTML it leaves to html.Tokenizer.
var lexSeeds = []string{
	`<!doctype html><html lang=ar dir=rtl><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1"><title>الحقوق</title><style>a{b:c}.x>p{}</style></head><body><a id=quick-exit class=quick-exit href=https://www.yr.no/ rel=noreferrer>خروج</a><p>عيادة (legevakt) 815 55 201</p><br/><img src=a.png alt=""><script src=/js/quick-exit.js defer></script></body></html>`,
	`<html><BODY Class=A><P Title='x' data-x=1 hidden>Text</P><input disabled/><a href=/x/>y</a><p a=/>`,
	`<p>a < b, c <3 and 1<2</p><p>trailing <`,
	`<div a=1 A=2 b c=d e = "f" =g>x</div><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>`,
	`<title>A &amp; B</title><textarea>x&lt;y</textarea><noscript><p>x</p></noscript><xmp><b></xmp>`,
	`<style>p{}</STYLE ><script>if(a</b){}</script><script>x</scriptx></script>`,
	`<p title="x&amp;y" class=a>A&amp;B&nbsp;C</p><a href="/x?a=1&amp;b=2">x</a>`,
	"<p>line\r\nbreak\rhere</p><p a=\"x\r\ny\">z</p>",
	"<p\x00>nul\x00</p><a b\x00=c>",
	`<!-- a comment --><p>x</p>`,
	`<?xml version="1.0"?><p>x`,
	`</><p>x</ p>`,
	`<script><!-- if (a) { } --></script>`,
	`<plaintext><p>x`,
	`<p class="unterminated`,
	`<p a=b`,
	`<!DOCTYPE html>`,
	`<!doctype>`,
	`<!doctypehtml>x`,
	`<style>unterminated`,
	`<a href='x'/><br /><img alt=x/>`,
	``,
	`just text`,
	`<é>x</é><p é=1 É=2>`,
}

// lexAgrees fails when lex (or its fallback) gives page other tokens or
// other raw bytes than html.Tokenizer.
func lexAgrees(t *testing.T, page []byte) (fast bool) {
	t.Helper()
	got := &scratch{names: map[string]string{}}
	fast = got.lex(page, string(page))
	if !fast {
		got.reference(page)
	}
	want := &scratch{}
	want.reference(page)
	if len(got.toks) != len(want.toks) {
		t.Fatalf("%q: %d tokens, html.Tokenizer %d:\n got %v\nwant %v", page, len(got.toks), len(want.toks), got.toks, want.toks)
	}
	for i := range want.toks {
		if !reflect.DeepEqual(got.toks[i], want.toks[i]) || got.ends[i] != want.ends[i] {
			t.Fatalf("%q: token %d is %#v ending at %d, html.Tokenizer's %#v ending at %d", page, i, got.toks[i], got.ends[i], want.toks[i], want.ends[i])
		}
	}
	return fast
}

func TestLexGivesTokenizersTokens(t *testing.T) {
	for i, s := range lexSeeds {
		fast := lexAgrees(t, []byte(s))
		// The build's own pages must take the fast path, or it is of no use.
		if i < 2 && !fast {
			t.Errorf("seed %d left to html.Tokenizer: %q", i, s)
		}
	}
	// A built site, when one is at hand (go run ./cmd/site build).
	files, _ := filepath.Glob(filepath.Join("..", "..", "public", "*", "*", "index.html"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !lexAgrees(t, b) {
			t.Errorf("%s left to html.Tokenizer", f)
		}
	}
}

func FuzzLex(f *testing.F) {
	for _, s := range lexSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		lexAgrees(t, page)
	})
}

func BenchmarkLex(b *testing.B) {
	page := bytes.Repeat([]byte(lexSeeds[0]), 40)
	s := &scratch{names: map[string]string{}}
	b.Run("lex", func(b *testing.B) {
		for b.Loop() {
			s.lex(page, string(page))
		}
	})
	b.Run("html.Tokenizer", func(b *testing.B) {
		for b.Loop() {
			z := html.NewTokenizer(bytes.NewReader(page))
			for z.Next() != html.ErrorToken {
				_ = z.Token()
			}
		}
	})
}

// FuzzIsolateTokens: the tokens the rewrite hands the checks are those of
// the page it publishes.
func FuzzIsolateTokens(f *testing.F) {
	for _, s := range lexSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("<p>نص A&amp;B &lt; C&ampD < (E) و\r\nF (x) [y] {z</p>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		page := append([]byte("<html dir=rtl><body>"), body...)
		s := &scratch{names: map[string]string{}}
		out, tokens := s.isolate(page, string(page))
		if tokens == nil {
			return
		}
		if want := tokenize(out); !reflect.DeepEqual(tokens, want) {
			t.Fatalf("%q → %q: tokens\n got %#v\nwant %#v", page, out, tokens, want)
		}
	})
}
