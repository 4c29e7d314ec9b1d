import type { Random } from "./prng";

/**
 * Louvain community detection (Blondel et al. 2008) on a weighted undirected graph: modularity decides how many
 * groups there are, so nobody has to say in advance how many topics a consultation has. Nodes are visited in a
 * seeded order, which keeps the result deterministic.
 */
export interface WeightedGraph {
  n: number;
  /** adjacency in compressed rows; every edge appears in both directions */
  indptr: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
}

export function louvain(graph: WeightedGraph, random: Random, resolution = 1): Int32Array {
  let current = graph;
  let membership = Int32Array.from({ length: graph.n }, (_, i) => i);
  for (let level = 0; level < 20; level++) {
    const { communities, moved } = localMoving(current, random, resolution);
    if (!moved) break;
    const { renumbered, count } = renumber(communities);
    for (let i = 0; i < membership.length; i++) membership[i] = renumbered[membership[i]];
    if (count === current.n) break;
    current = aggregate(current, renumbered, count);
  }
  return renumber(membership).renumbered;
}

function localMoving(g: WeightedGraph, random: Random, resolution: number) {
  const community = Int32Array.from({ length: g.n }, (_, i) => i);
  const degree = new Float64Array(g.n);
  let total = 0;
  for (let i = 0; i < g.n; i++) {
    for (let p = g.indptr[i]; p < g.indptr[i + 1]; p++) degree[i] += g.weights[p];
    total += degree[i];
  }
  if (total === 0) return { communities: community, moved: false };
  const communityDegree = Float64Array.from(degree);
  const order = Int32Array.from({ length: g.n }, (_, i) => i);
  for (let i = g.n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const linkTo = new Float64Array(g.n);
  const touched: number[] = [];
  let moved = false;
  for (let pass = 0; pass < 50; pass++) {
    let changes = 0;
    for (const node of order) {
      const own = community[node];
      touched.length = 0;
      for (let p = g.indptr[node]; p < g.indptr[node + 1]; p++) {
        const c = community[g.neighbours[p]];
        if (g.neighbours[p] === node) continue;
        if (linkTo[c] === 0) touched.push(c);
        linkTo[c] += g.weights[p];
      }
      communityDegree[own] -= degree[node];
      let best = own;
      let bestGain = linkTo[own] - (resolution * communityDegree[own] * degree[node]) / total;
      for (const c of touched) {
        const gain = linkTo[c] - (resolution * communityDegree[c] * degree[node]) / total;
        if (gain > bestGain + 1e-12 || (Math.abs(gain - bestGain) <= 1e-12 && c < best)) {
          bestGain = gain;
          best = c;
        }
      }
      communityDegree[best] += degree[node];
      for (const c of touched) linkTo[c] = 0;
      linkTo[own] = 0;
      if (best !== own) {
        community[node] = best;
        changes++;
        moved = true;
      }
    }
    if (changes === 0) break;
  }
  return { communities: community, moved };
}

function renumber(labels: Int32Array): { renumbered: Int32Array; count: number } {
  const map = new Map<number, number>();
  const renumbered = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let id = map.get(labels[i]);
    if (id === undefined) {
      id = map.size;
      map.set(labels[i], id);
    }
    renumbered[i] = id;
  }
  return { renumbered, count: map.size };
}

function aggregate(g: WeightedGraph, community: Int32Array, count: number): WeightedGraph {
  const edges: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  for (let i = 0; i < g.n; i++) {
    const ci = community[i];
    for (let p = g.indptr[i]; p < g.indptr[i + 1]; p++) {
      const cj = community[g.neighbours[p]];
      edges[ci].set(cj, (edges[ci].get(cj) ?? 0) + g.weights[p]);
    }
  }
  return fromAdjacency(edges);
}

export function fromAdjacency(edges: Map<number, number>[]): WeightedGraph {
  const indptr = new Int32Array(edges.length + 1);
  let size = 0;
  for (let i = 0; i < edges.length; i++) {
    size += edges[i].size;
    indptr[i + 1] = size;
  }
  const neighbours = new Int32Array(size);
  const weights = new Float64Array(size);
  for (let i = 0; i < edges.length; i++) {
    let p = indptr[i];
    for (const [j, w] of [...edges[i]].sort((a, b) => a[0] - b[0])) {
      neighbours[p] = j;
      weights[p++] = w;
    }
  }
  return { n: edges.length, indptr, neighbours, weights };
}
