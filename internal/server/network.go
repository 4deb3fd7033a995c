package server

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/dyadproject/dyad/internal/store"
)

// Network drawing sizes, in SVG user units.
const (
	netWidth, netHeight = 760.0, 560.0
	netMargin           = 60.0
	// netMaxNodes bounds the nodes drawn; the least active are left out so
	// that the layout stays readable and its O(n²) steps cheap.
	netMaxNodes = 60
	// netIterations is the number of force-layout steps.
	netIterations = 300
)

// netNode is a country (or another level key) in the network.
type netNode struct {
	Key    string
	Events int // events with this node on either side
	X, Y   float64
	R      float64
	Link   string
}

// netEdge joins two nodes with the events between them in both directions.
type netEdge struct {
	A, B                  string
	Events                int
	Cooperation, Conflict int
	Goldstein             float64 // mean over the events
	X1, Y1, X2, Y2        float64
	Width                 float64
	Color                 string
	Link                  string
	Title                 string
}

// network is a laid-out graph ready for the SVG template.
type network struct {
	Nodes         []*netNode
	Edges         []*netEdge
	Width, Height float64
	Dropped       int // nodes left out beyond netMaxNodes
}

// buildNetwork merges directed relation rows into undirected edges between
// distinct keys, keeps the netMaxNodes most active nodes and lays them out.
func buildNetwork(rows []store.RelationRow, link func(a, b string) string, nodeLink func(string) string) *network {
	edges := map[[2]string]*netEdge{}
	volume := map[string]int{}
	for _, r := range rows {
		if r.Source == r.Target || r.Source == "" || r.Target == "" {
			continue
		}
		a, b := min(r.Source, r.Target), max(r.Source, r.Target)
		e := edges[[2]string{a, b}]
		if e == nil {
			e = &netEdge{A: a, B: b}
			edges[[2]string{a, b}] = e
		}
		e.Goldstein = (e.Goldstein*float64(e.Events) + r.Goldstein*float64(r.Events)) / float64(e.Events+r.Events)
		e.Events += r.Events
		e.Cooperation += r.VerbalCooperation + r.MaterialCooperation
		e.Conflict += r.VerbalConflict + r.MaterialConflict
		volume[a] += r.Events
		volume[b] += r.Events
	}
	keys := make([]string, 0, len(volume))
	for k := range volume {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int {
		return cmp.Or(cmp.Compare(volume[y], volume[x]), cmp.Compare(x, y))
	})
	n := &network{Width: netWidth, Height: netHeight}
	if len(keys) > netMaxNodes {
		n.Dropped = len(keys) - netMaxNodes
		keys = keys[:netMaxNodes]
	}
	index := map[string]int{}
	maxVol := 1
	for i, k := range keys {
		index[k] = i
		maxVol = max(maxVol, volume[k])
		n.Nodes = append(n.Nodes, &netNode{Key: k, Events: volume[k], Link: nodeLink(k)})
	}
	maxEdge := 1
	for _, e := range edges {
		if _, ok := index[e.A]; !ok {
			continue
		}
		if _, ok := index[e.B]; !ok {
			continue
		}
		maxEdge = max(maxEdge, e.Events)
		n.Edges = append(n.Edges, e)
	}
	slices.SortFunc(n.Edges, func(x, y *netEdge) int {
		return cmp.Or(cmp.Compare(x.Events, y.Events), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	layout(n, index)
	for _, v := range n.Nodes {
		v.R = 6 + 14*math.Sqrt(float64(v.Events)/float64(maxVol))
	}
	for _, e := range n.Edges {
		a, b := n.Nodes[index[e.A]], n.Nodes[index[e.B]]
		e.X1, e.Y1, e.X2, e.Y2 = a.X, a.Y, b.X, b.Y
		e.Width = 1.5 + 8*float64(e.Events)/float64(maxEdge)
		e.Color = edgeColor(e.Cooperation, e.Conflict)
		e.Link = link(e.A, e.B)
		e.Title = fmt.Sprintf("%s – %s: %d events, %d cooperation, %d conflict, mean Goldstein %.1f",
			e.A, e.B, e.Events, e.Cooperation, e.Conflict, e.Goldstein)
	}
	return n
}

// edgeColor runs from green (all cooperation) through amber to red (all
// conflict).
func edgeColor(coop, conflict int) string {
	if coop+conflict == 0 {
		return "#888888"
	}
	f := float64(conflict) / float64(coop+conflict)
	green, amber, red := [3]float64{0x1a, 0x98, 0x50}, [3]float64{0xe0, 0xa0, 0x20}, [3]float64{0xd7, 0x30, 0x27}
	from, to, t := green, amber, f*2
	if f > 0.5 {
		from, to, t = amber, red, (f-0.5)*2
	}
	var c [3]int
	for i := range c {
		c[i] = int(math.Round(from[i] + (to[i]-from[i])*t))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

// layout places the nodes with a deterministic Fruchterman-Reingold force
// layout started from a circle in activity order, then scales the result
// into the drawing. Same graph, same picture.
func layout(n *network, index map[string]int) {
	k := len(n.Nodes)
	if k == 0 {
		return
	}
	x, y := make([]float64, k), make([]float64, k)
	for i := range k {
		a := 2 * math.Pi * float64(i) / float64(k)
		x[i], y[i] = math.Cos(a), math.Sin(a)
	}
	ideal := 1.5 * math.Sqrt(4.0/float64(k))
	dx, dy := make([]float64, k), make([]float64, k)
	for it := range netIterations {
		clear(dx)
		clear(dy)
		for i := range k {
			for j := i + 1; j < k; j++ {
				ex, ey := x[i]-x[j], y[i]-y[j]
				d := math.Max(math.Hypot(ex, ey), 1e-3)
				f := ideal * ideal / d
				dx[i] += ex / d * f
				dy[i] += ey / d * f
				dx[j] -= ex / d * f
				dy[j] -= ey / d * f
			}
		}
		for _, e := range n.Edges {
			i, j := index[e.A], index[e.B]
			ex, ey := x[i]-x[j], y[i]-y[j]
			d := math.Max(math.Hypot(ex, ey), 1e-3)
			f := d * d / ideal * (1 + math.Log1p(float64(e.Events))/4)
			dx[i] -= ex / d * f
			dy[i] -= ey / d * f
			dx[j] += ex / d * f
			dy[j] += ey / d * f
		}
		temp := 0.1 * (1 - float64(it)/netIterations)
		for i := range k {
			// A weak pull to the centre keeps unconnected nodes on the page.
			dx[i] -= x[i] * 0.05
			dy[i] -= y[i] * 0.05
			d := math.Hypot(dx[i], dy[i])
			if d > 0 {
				step := math.Min(d, temp)
				x[i] += dx[i] / d * step
				y[i] += dy[i] / d * step
			}
		}
	}
	minX, maxX, minY, maxY := slices.Min(x), slices.Max(x), slices.Min(y), slices.Max(y)
	w, h := math.Max(maxX-minX, 1e-9), math.Max(maxY-minY, 1e-9)
	for i, v := range n.Nodes {
		v.X = round1(netMargin + (x[i]-minX)/w*(netWidth-2*netMargin))
		v.Y = round1(netMargin + (y[i]-minY)/h*(netHeight-2*netMargin))
		if k == 1 {
			v.X, v.Y = netWidth/2, netHeight/2
		}
	}
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
