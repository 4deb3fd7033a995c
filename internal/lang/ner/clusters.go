package ner

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// Clusters assigns words to distributional clusters at two granularities:
// words that occur in the same contexts ("Kabul", "Baghdad"; "Smith",
// "Jones") share a cluster, so that a name unseen in the labelled data
// inherits what the model learnt about its cluster.
type Clusters struct {
	ids map[uint64]uint32
}

// Len reports the number of clustered words.
func (c *Clusters) Len() int { return len(c.ids) }

// ClusterOptions controls Cluster. Zero fields take the defaults in
// parentheses.
type ClusterOptions struct {
	Coarse, Fine int    // number of clusters at each granularity (32, 256)
	MinCount     int    // occurrences a word needs to be clustered (2)
	MaxWords     int    // most frequent words clustered (60000)
	Contexts     int    // most frequent words used as contexts (1000)
	Iterations   int    // k-means iterations (12)
	Seed         uint64 // projection and initialization seed
}

func (o *ClusterOptions) defaults() {
	set := func(p *int, v int) {
		if *p <= 0 {
			*p = v
		}
	}
	set(&o.Coarse, 32)
	set(&o.Fine, 256)
	set(&o.MinCount, 2)
	set(&o.MaxWords, 60000)
	set(&o.Contexts, 1000)
	set(&o.Iterations, 12)
}

// Cluster computes word clusters from unlabelled sentences: each word is
// described by the positive pointwise mutual information of the frequent
// words one and two positions to its left and right; spherical k-means
// groups the words into fine clusters, and the fine clusters' centres into
// coarse ones. It is deterministic.
func Cluster(sents [][]string, opt ClusterOptions) *Clusters {
	opt.defaults()
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[digitsToZero(w)]++
		}
	}
	words := make([]string, 0, len(freq))
	for w := range freq {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(freq[b], freq[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	ctx := map[string]int32{}
	for i, w := range words[:min(len(words), opt.Contexts)] {
		ctx[w] = int32(i)
	}
	vocab := map[string]int32{}
	for _, w := range words {
		if freq[w] < opt.MinCount || len(vocab) >= opt.MaxWords {
			break
		}
		vocab[w] = int32(len(vocab))
	}
	if len(vocab) == 0 {
		return &Clusters{ids: map[uint64]uint32{}}
	}
	vecs := contextVectors(sents, vocab, ctx, opt)
	fine, centres := kmeans(vecs, opt.Fine, opt.Iterations, opt.Seed)
	coarseOfFine, _ := kmeans(denseRows(centres, vecs.cols), opt.Coarse, opt.Iterations, opt.Seed+1)
	c := &Clusters{ids: make(map[uint64]uint32, len(vocab))}
	for w, i := range vocab {
		f := fine[i]
		c.ids[clusterKey(w)] = uint32(coarseOfFine[f]+1)<<16 | uint32(f+1)
	}
	return c
}

// sparse is a matrix of unit rows stored sparsely.
type sparse struct {
	starts []int // row i is idx/val[starts[i]:starts[i+1]]
	idx    []int32
	val    []float32
	cols   int
}

func (m *sparse) rows() int { return len(m.starts) - 1 }

func (m *sparse) row(i int) ([]int32, []float32) {
	return m.idx[m.starts[i]:m.starts[i+1]], m.val[m.starts[i]:m.starts[i+1]]
}

// dotDense is the dot product of row i with a dense vector.
func (m *sparse) dotDense(i int, d []float32) float32 {
	idx, val := m.row(i)
	s := float32(0)
	for k, j := range idx {
		s += val[k] * d[j]
	}
	return s
}

// contextVectors returns the normalized PPMI context vectors of the
// vocabulary words, one sparse row each.
func contextVectors(sents [][]string, vocab, ctx map[string]int32, opt ClusterOptions) *sparse {
	k := int32(opt.Contexts + 1) // one more for "any other word or none"
	counts := map[uint64]float64{}
	rowSum := make([]float64, len(vocab))
	colSum := make([]float64, 4*k)
	total := 0.0
	var norm []string
	for _, s := range sents {
		norm = norm[:0]
		for _, w := range s {
			norm = append(norm, digitsToZero(w))
		}
		for i, w := range norm {
			wi, ok := vocab[w]
			if !ok {
				continue
			}
			for slot, off := range [4]int{-2, -1, 1, 2} {
				c := k - 1
				if j := i + off; j >= 0 && j < len(norm) {
					if ci, ok := ctx[norm[j]]; ok {
						c = ci
					}
				}
				col := int32(slot)*k + c
				counts[uint64(wi)<<32|uint64(col)]++
				rowSum[wi]++
				colSum[col]++
				total++
			}
		}
	}
	m := &sparse{starts: make([]int, 0, len(vocab)+1), cols: len(colSum)}
	keys := sortedKeys(counts) // row-major order, deterministic
	row := 0
	m.starts = append(m.starts, 0)
	for _, key := range keys {
		wi, col := int(key>>32), int(key&0xffffffff)
		for row < wi {
			m.closeRow()
			row++
		}
		pmi := math.Log(counts[key] * total / (rowSum[wi] * colSum[col]))
		if pmi > 0 {
			m.idx = append(m.idx, int32(col))
			m.val = append(m.val, float32(pmi))
		}
	}
	for row < len(vocab) {
		m.closeRow()
		row++
	}
	return m
}

// closeRow normalizes the row being built and starts the next.
func (m *sparse) closeRow() {
	start := m.starts[len(m.starts)-1]
	normalize(m.val[start:])
	m.starts = append(m.starts, len(m.idx))
}

func normalize(v []float32) {
	s := float32(0)
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return
	}
	inv := 1 / float32(math.Sqrt(float64(s)))
	for i := range v {
		v[i] *= inv
	}
}

// kmeans groups the unit rows of m into k clusters by cosine similarity
// and returns each row's cluster and the clusters' unit centres (dense).
// Initial centres are chosen as k-means++ does, from a seeded generator.
func kmeans(m *sparse, k, iterations int, seed uint64) ([]int, []float32) {
	n, dims := m.rows(), m.cols
	k = max(1, min(k, n))
	rng := rand.New(rand.NewPCG(seed, 0x6b6d))
	centres := make([]float32, k*dims)
	dist := make([]float64, n)
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	pick := rng.IntN(n)
	for c := 0; c < k; c++ {
		centre := centres[c*dims : (c+1)*dims]
		idx, val := m.row(pick)
		for j, x := range idx {
			centre[x] = val[j]
		}
		sum := 0.0
		for i := range n {
			dist[i] = min(dist[i], max(float64(1-m.dotDense(i, centre)), 0))
			sum += dist[i]
		}
		pick = rng.IntN(n)
		if sum == 0 {
			continue
		}
		r := rng.Float64() * sum
		for i, d := range dist {
			if r -= d; r < 0 {
				pick = i
				break
			}
		}
	}
	assign := make([]int, n)
	for it := 0; it < iterations; it++ {
		for i := range n {
			bestC, bestS := 0, float32(-2)
			for c := range k {
				if s := m.dotDense(i, centres[c*dims:(c+1)*dims]); s > bestS {
					bestC, bestS = c, s
				}
			}
			assign[i] = bestC
		}
		next := centroids(m, assign, k)
		for c := range k {
			if nc := next[c*dims : (c+1)*dims]; slices.ContainsFunc(nc, func(x float32) bool { return x != 0 }) {
				copy(centres[c*dims:(c+1)*dims], nc)
			}
		}
	}
	return assign, centres
}

// centroids returns the normalized mean of each cluster's rows, dense
// (zero for an empty cluster).
func centroids(m *sparse, assign []int, k int) []float32 {
	dims := m.cols
	out := make([]float32, k*dims)
	for i, c := range assign {
		o := out[c*dims : (c+1)*dims]
		idx, val := m.row(i)
		for j, x := range idx {
			o[x] += val[j]
		}
	}
	for c := range k {
		normalize(out[c*dims : (c+1)*dims])
	}
	return out
}

// denseRows views dense unit rows as a sparse matrix.
func denseRows(d []float32, dims int) *sparse {
	m := &sparse{cols: dims, val: d}
	for i := 0; i*dims <= len(d); i++ {
		m.starts = append(m.starts, i*dims)
	}
	m.idx = make([]int32, len(d))
	for i := range m.idx {
		m.idx[i] = int32(i % dims)
	}
	return m
}
