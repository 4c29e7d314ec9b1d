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
  const n = g.n;
  const { indptr, neighbours, weights } = g;
  const community = Int32Array.from({ length: n }, (_, i) => i);
  const degree = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) degree[i] += weights[p];
    total += degree[i];
  }
  if (total === 0) return { communities: community, moved: false };
  const communityDegree = Float64Array.from(degree);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const linkTo = new Float64Array(n);
  // The communities next to the node being moved, in the order first met (a plain stack, reset per node).
  const touched = new Int32Array(n);
  let moved = false;
  for (let pass = 0; pass < 50; pass++) {
    let changes = 0;
    for (let o = 0; o < n; o++) {
      const node = order[o];
      const own = community[node];
      let count = 0;
      const end = indptr[node + 1];
      for (let p = indptr[node]; p < end; p++) {
        const neighbour = neighbours[p];
        if (neighbour === node) continue;
        const c = community[neighbour];
        if (linkTo[c] === 0) touched[count++] = c;
        linkTo[c] += weights[p];
      }
      const nodeDegree = degree[node];
      communityDegree[own] -= nodeDegree;
      let best = own;
      let bestGain = linkTo[own] - (resolution * communityDegree[own] * nodeDegree) / total;
      for (let t = 0; t < count; t++) {
        const c = touched[t];
        const gain = linkTo[c] - (resolution * communityDegree[c] * nodeDegree) / total;
        if (gain > bestGain + 1e-12 || (Math.abs(gain - bestGain) <= 1e-12 && c < best)) {
          bestGain = gain;
          best = c;
        }
      }
      communityDegree[best] += nodeDegree;
      for (let t = 0; t < count; t++) linkTo[touched[t]] = 0;
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

/**
 * The graph of communities: one node per community, edge weights summed. Each community's members are visited in
 * increasing order, so every weight is summed in the same order as node by node over the whole graph.
 */
function aggregate(g: WeightedGraph, community: Int32Array, count: number): WeightedGraph {
  const { indptr, neighbours, weights } = g;
  // Members of each community, in increasing order (counting sort).
  const start = new Int32Array(count + 1);
  for (let i = 0; i < g.n; i++) start[community[i] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const members = new Int32Array(g.n);
  const next = start.slice(0, count);
  for (let i = 0; i < g.n; i++) members[next[community[i]]++] = i;
  const sum = new Float64Array(count);
  const seen = new Uint8Array(count);
  const touched: number[] = [];
  const outPtr = new Int32Array(count + 1);
  const outNeighbours: number[] = [];
  const outWeights: number[] = [];
  for (let ci = 0; ci < count; ci++) {
    touched.length = 0;
    for (let m = start[ci]; m < start[ci + 1]; m++) {
      const i = members[m];
      for (let p = indptr[i]; p < indptr[i + 1]; p++) {
        const cj = community[neighbours[p]];
        if (!seen[cj]) {
          seen[cj] = 1;
          touched.push(cj);
        }
        sum[cj] += weights[p];
      }
    }
    touched.sort((a, b) => a - b);
    for (const cj of touched) {
      outNeighbours.push(cj);
      outWeights.push(sum[cj]);
      sum[cj] = 0;
      seen[cj] = 0;
    }
    outPtr[ci + 1] = outNeighbours.length;
  }
  return { n: count, indptr: outPtr, neighbours: Int32Array.from(outNeighbours), weights: Float64Array.from(outWeights) };
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
