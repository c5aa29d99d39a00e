package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// node is an XML element with the line it starts on, and its content in
// order: text (string) and elements (*node).
type node struct {
	space, name string
	attrs       map[string]string // local name → value; xml:lang is "xml:lang"
	items       []any
	line        int
}

func (n *node) elements(name string) []*node {
	var out []*node
	for _, it := range n.items {
		if c, ok := it.(*node); ok && c.name == name {
			out = append(out, c)
		}
	}
	return out
}

func (n *node) first(name string) *node {
	if e := n.elements(name); len(e) > 0 {
		return e[0]
	}
	return nil
}

// text is all the text inside the element, markup left out.
func (n *node) text() string {
	var b strings.Builder
	for _, it := range n.items {
		switch v := it.(type) {
		case string:
			b.WriteString(v)
		case *node:
			b.WriteString(v.text())
		}
	}
	return b.String()
}

// parseDOM reads a whole document. A document that is not well-formed is
// an *Error at the line the parser stopped on.
func parseDOM(name string, data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []*node
	var root *node
	line := func() int {
		l, _ := d.InputPos()
		return l
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &Error{name, se.Line, fmt.Sprintf("the file is not well-formed XML (%s): the translation tool or an editor broke it; export it from the tool again", se.Msg)}
			}
			return nil, &Error{name, line(), fmt.Sprintf("the file cannot be read as XML (%v)", err)}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{space: t.Name.Space, name: t.Name.Local, attrs: map[string]string{}, line: line()}
			for _, a := range t.Attr {
				k := a.Name.Local
				if a.Name.Space == "http://www.w3.org/XML/1998/namespace" || a.Name.Space == "xml" {
					k = "xml:" + k
				}
				n.attrs[k] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.items = append(p.items, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.items = append(p.items, string(t))
			}
		}
	}
	if root == nil {
		return nil, &Error{name, 1, "the file holds no XML: export it again"}
	}
	return root, nil
}

// Error is a problem at a line of the imported file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }
