import { describe, expect, it } from "vitest";
import { fromAdjacency, louvain, type WeightedGraph } from "./louvain";
import { seededRandom, type Random } from "./prng";

/** Planted communities of varied size, dense inside, sparse between, with varied weights. */
function plantedGraph(seed: number, n: number, groups: number): WeightedGraph {
  const random = seededRandom(seed);
  const group = Array.from({ length: n }, () => Math.floor(random() * random() * groups));
  const edges: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < 8; e++) {
      const j = Math.floor(random() * n);
      if (j === i || (group[i] !== group[j] && random() < 0.8)) continue;
      const w = 0.2 + random();
      edges[i].set(j, w);
      edges[j].set(i, w);
    }
  }
  return fromAdjacency(edges);
}

describe("louvain", () => {
  // The first implementation, kept as the reference: maps per community, arrays grown by push.
  it.each([1, 2, 3, 4])("finds the same communities as the plain implementation, visit order and all (seed %i)", (seed) => {
    for (const [n, groups] of [
      [60, 4],
      [700, 12],
      [2500, 30],
    ] as const) {
      const graph = plantedGraph(seed * 1000 + n, n, groups);
      const found = louvain(graph, seededRandom(seed));
      expect(Array.from(found)).toEqual(Array.from(referenceLouvain(graph, seededRandom(seed))));
      expect(new Set(found).size).toBeGreaterThan(1);
    }
  });
});

function referenceLouvain(graph: WeightedGraph, random: Random, resolution = 1): Int32Array {
  let current = graph;
  let membership = Int32Array.from({ length: graph.n }, (_, i) => i);
  for (let level = 0; level < 20; level++) {
    const { communities, moved } = refLocalMoving(current, random, resolution);
    if (!moved) break;
    const { renumbered, count } = refRenumber(communities);
    for (let i = 0; i < membership.length; i++) membership[i] = renumbered[membership[i]];
    if (count === current.n) break;
    current = refAggregate(current, renumbered, count);
  }
  return refRenumber(membership).renumbered;
}

function refLocalMoving(g: WeightedGraph, random: Random, resolution: number) {
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

function refRenumber(labels: Int32Array): { renumbered: Int32Array; count: number } {
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

function refAggregate(g: WeightedGraph, community: Int32Array, count: number): WeightedGraph {
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
