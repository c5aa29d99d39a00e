package siteconfig

import (
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// Entry is one value of hugo.toml as Hugo reads it, with the line it is
// written on, so that a rule about a setting can name its line. Tables,
// dotted keys and inline tables are flattened to the value's full key.
type Entry struct {
	// Key is the full key in lower case, as Hugo reads it (Hugo does not
	// tell Unsafe from unsafe): "markup.goldmark.renderer.unsafe". Each
	// array of tables ([[module.mounts]], or mounts = [{…}]) is written
	// "[]": "module.mounts[].source".
	Key string
	// Written is the key as the file spells it, for messages.
	Written string
	Line    int
	// Index tells the elements of the innermost array of tables apart
	// (0, 1, … in file order); -1 outside one.
	Index int
	// Value is a string, a bool, the raw text of a number or date, or a
	// []any of those for an array of plain values.
	Value any
}

// Entries lists every value of a hugo.toml in file order. A file that
// does not parse gives the entries before the error and the error (Parse
// names its line).
func Entries(b []byte) ([]Entry, error) {
	var p unstable.Parser
	p.Reset(b)
	w := &walker{p: &p, arrays: map[string]int{}}
	var table []string // the current [table] or [[array]], written form
	index := -1
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyParts(e.Key())
			k := lowerKey(table)
			if e.Kind == unstable.ArrayTable {
				index = w.arrays[k]
				w.arrays[k]++
				// [[module.x]] after [[module]] is an array in the last
				// element of that array: "module[].x[]".
				last := table[len(table)-1] + "[]"
				table, _ = w.inArray(table[:len(table)-1])
				table = append(table, last)
			} else {
				// [module.mounts.sites.matrix] after [[module.mounts]]
				// belongs to the last element of that array.
				table, index = w.inArray(table)
			}
		case unstable.KeyValue:
			w.keyValue(table, index, e)
		}
	}
	return w.out, p.Error()
}

type walker struct {
	p      *unstable.Parser
	arrays map[string]int // array-of-tables key (lower case) → elements so far
	out    []Entry
}

// inArray rewrites a table key that lies under an array of tables to name
// the array ("module.mounts[].sites.matrix") and returns that element.
func (w *walker) inArray(parts []string) ([]string, int) {
	index := -1
	out := make([]string, len(parts))
	copy(out, parts)
	for i := range out {
		if n, ok := w.arrays[lowerKey(stripArrays(out[:i+1]))]; ok && n > 0 {
			out[i] += "[]"
			index = n - 1
		}
	}
	return out, index
}

func (w *walker) keyValue(table []string, index int, kv *unstable.Node) {
	key := append(append([]string{}, table...), keyParts(kv.Key())...)
	it := kv.Key()
	it.Next()
	line := w.p.Shape(it.Node().Raw).Start.Line
	w.value(key, index, line, kv.Value())
}

func (w *walker) value(key []string, index, line int, v *unstable.Node) {
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			w.keyValue(key, index, it.Node())
		}
		return
	case unstable.Array:
		var plain []any
		tables := false
		it := v.Children()
		for it.Next() {
			if it.Node().Kind == unstable.InlineTable {
				tables = true
			}
		}
		if tables {
			// mounts = [{source = …}, …] is an array of tables too.
			k := lowerKey(key)
			arr := append(append([]string{}, key[:len(key)-1]...), key[len(key)-1]+"[]")
			it := v.Children()
			for it.Next() {
				n := w.arrays[k]
				w.arrays[k]++
				if it.Node().Kind == unstable.InlineTable {
					w.value(arr, n, line, it.Node())
				} else {
					w.out = append(w.out, Entry{Key: lowerKey(arr), Written: strings.Join(arr, "."), Line: line, Index: n, Value: scalar(it.Node())})
				}
			}
			return
		}
		it = v.Children()
		for it.Next() {
			plain = append(plain, w.arrayValue(it.Node()))
		}
		w.out = append(w.out, Entry{Key: lowerKey(key), Written: strings.Join(key, "."), Line: line, Index: index, Value: plain})
		return
	}
	w.out = append(w.out, Entry{Key: lowerKey(key), Written: strings.Join(key, "."), Line: line, Index: index, Value: scalar(v)})
}

func (w *walker) arrayValue(n *unstable.Node) any {
	if n.Kind == unstable.Array {
		var out []any
		it := n.Children()
		for it.Next() {
			out = append(out, w.arrayValue(it.Node()))
		}
		return out
	}
	return scalar(n)
}

func scalar(n *unstable.Node) any {
	switch n.Kind {
	case unstable.String:
		return string(n.Data)
	case unstable.Bool:
		return string(n.Data) == "true"
	}
	return string(n.Data)
}

func keyParts(it unstable.Iterator) []string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}

func lowerKey(parts []string) string { return strings.ToLower(strings.Join(parts, ".")) }

func stripArrays(parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = strings.TrimSuffix(p, "[]")
	}
	return out
}
