package openapi

import (
	"net/url"
	"sort"
	"strings"
)

// router finds the operation a request path belongs to. Paths are split
// into segments and kept in a tree: literal segments are found by map
// look-up, and only segments with a parameter ("{id}", "{sid}.json") are
// tried one by one, so matching costs about the path's length, not the
// number of operations.
type router struct {
	root *routeNode
}

type routeNode struct {
	lit  map[string]*routeNode
	tmpl []*tmplEdge
	// ops maps a method to its operation's index in Index.Ops.
	ops map[string]int
}

// tmplEdge is a segment with parameters: parts alternate literal text and
// parameter names, params[i] telling which.
type tmplEdge struct {
	parts  []string
	param  []bool
	source string
	next   *routeNode
}

func newRouteNode() *routeNode { return &routeNode{lit: map[string]*routeNode{}} }

func buildRouter(ops []Operation) *router {
	r := &router{root: newRouteNode()}
	for i, op := range ops {
		n := r.root
		for _, seg := range splitPath(op.Path) {
			n = n.child(seg)
		}
		if n.ops == nil {
			n.ops = map[string]int{}
		}
		if _, dup := n.ops[op.Method]; !dup {
			n.ops[op.Method] = i
		}
	}
	r.sortEdges(r.root)
	return r
}

// child returns (adding if needed) the node under seg.
func (n *routeNode) child(seg string) *routeNode {
	if !strings.Contains(seg, "{") {
		c := n.lit[seg]
		if c == nil {
			c = newRouteNode()
			n.lit[seg] = c
		}
		return c
	}
	for _, e := range n.tmpl {
		if e.source == seg {
			return e.next
		}
	}
	e := parseSegment(seg)
	e.next = newRouteNode()
	n.tmpl = append(n.tmpl, e)
	return e.next
}

// sortEdges puts segments with more literal text first, so
// "{sid}.json" is tried before a bare "{sid}".
func (r *router) sortEdges(n *routeNode) {
	sort.SliceStable(n.tmpl, func(i, j int) bool { return litLen(n.tmpl[i]) > litLen(n.tmpl[j]) })
	for _, c := range n.lit {
		r.sortEdges(c)
	}
	for _, e := range n.tmpl {
		r.sortEdges(e.next)
	}
}

func litLen(e *tmplEdge) int {
	n := 0
	for i, p := range e.parts {
		if !e.param[i] {
			n += len(p)
		}
	}
	return n
}

func parseSegment(seg string) *tmplEdge {
	e := &tmplEdge{source: seg}
	for seg != "" {
		open := strings.IndexByte(seg, '{')
		if open < 0 {
			e.parts, e.param = append(e.parts, seg), append(e.param, false)
			break
		}
		if open > 0 {
			e.parts, e.param = append(e.parts, seg[:open]), append(e.param, false)
		}
		end := strings.IndexByte(seg[open:], '}')
		if end < 0 {
			e.parts, e.param = append(e.parts, seg[open:]), append(e.param, false)
			break
		}
		e.parts, e.param = append(e.parts, seg[open+1:open+end]), append(e.param, true)
		seg = seg[open+end+1:]
	}
	return e
}

// splitPath splits "/a/{b}/c" into its segments; a trailing slash is dropped.
func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// match is the result of routing one request.
type match struct {
	op     int               // index in Index.Ops, -1 when no operation has the method
	params map[string]string // path parameter values, unescaped
	// methods are the documented methods of the matched path.
	methods []string
}

// find routes method and an escaped path. ok is false when no path
// template fits at all.
func (r *router) find(method, escapedPath string) (match, bool) {
	segs := splitPath(escapedPath)
	for i, s := range segs {
		if u, err := url.PathUnescape(s); err == nil {
			segs[i] = u
		}
	}
	var best *routeNode
	var bestParams map[string]string
	var walk func(n *routeNode, i int, params map[string]string) bool
	walk = func(n *routeNode, i int, params map[string]string) bool {
		if i == len(segs) {
			if n.ops == nil {
				return false
			}
			if _, ok := n.ops[method]; ok {
				best, bestParams = n, params
				return true
			}
			if best == nil {
				best, bestParams = n, params
			}
			return false
		}
		if c, ok := n.lit[segs[i]]; ok && walk(c, i+1, params) {
			return true
		}
		for _, e := range n.tmpl {
			vals, ok := e.bind(segs[i])
			if !ok {
				continue
			}
			next := make(map[string]string, len(params)+len(vals))
			for k, v := range params {
				next[k] = v
			}
			for k, v := range vals {
				next[k] = v
			}
			if walk(e.next, i+1, next) {
				return true
			}
		}
		return false
	}
	walk(r.root, 0, nil)
	if best == nil {
		return match{op: -1}, false
	}
	m := match{op: -1, params: bestParams}
	if i, ok := best.ops[method]; ok {
		m.op = i
	}
	for meth := range best.ops {
		m.methods = append(m.methods, meth)
	}
	sort.Strings(m.methods)
	return m, true
}

// bind matches one path segment against the edge's template and returns
// the parameter values. A parameter takes at least one character and, when
// literal text follows it, extends to that text's last occurrence that
// still lets the rest match.
func (e *tmplEdge) bind(seg string) (map[string]string, bool) {
	vals := map[string]string{}
	var try func(k int, s string) bool
	try = func(k int, s string) bool {
		if k == len(e.parts) {
			return s == ""
		}
		if !e.param[k] {
			if !strings.HasPrefix(s, e.parts[k]) {
				return false
			}
			return try(k+1, s[len(e.parts[k]):])
		}
		if k+1 == len(e.parts) {
			if s == "" {
				return false
			}
			vals[e.parts[k]] = s
			return true
		}
		// The next part is literal (two parameters side by side cannot
		// be told apart; the first takes one character less each time).
		next := e.parts[k+1]
		for cut := len(s) - 1; cut >= 1; cut-- {
			if e.param[k+1] || strings.HasPrefix(s[cut:], next) {
				vals[e.parts[k]] = s[:cut]
				if try(k+1, s[cut:]) {
					return true
				}
			}
		}
		return false
	}
	if !try(0, seg) {
		return nil, false
	}
	return vals, true
}

// Lookup finds the operation for method and a URL's escaped path,
// trying the servers' base paths. It returns the operation (nil when the
// path is documented but not for that method), the path parameters, the
// documented methods of the path, and whether any path matched.
func (ix *Index) Lookup(method, escapedPath string) (*Operation, map[string]string, []string, bool) {
	ix.routerOnce.Do(func() { ix.router = buildRouter(ix.Ops) })
	method = strings.ToUpper(method)
	candidates := make([]string, 0, len(ix.BasePaths)+1)
	for _, b := range ix.BasePaths {
		if rest, ok := strings.CutPrefix(escapedPath, b); ok && (rest == "" || rest[0] == '/') {
			candidates = append(candidates, rest)
		}
	}
	candidates = append(candidates, escapedPath)
	var fallback *match
	for _, c := range candidates {
		m, ok := ix.router.find(method, c)
		if !ok {
			continue
		}
		if m.op >= 0 {
			return &ix.Ops[m.op], m.params, m.methods, true
		}
		if fallback == nil {
			fallback = &m
		}
	}
	if fallback != nil {
		return nil, fallback.params, fallback.methods, true
	}
	return nil, nil, nil, false
}
