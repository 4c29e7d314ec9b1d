import { louvain, type WeightedGraph } from "./louvain";
import type { Random } from "./prng";

/**
 * Consensus clustering (Lancichinetti & Fortunato 2012) over Louvain runs. One Louvain run depends on the order
 * it visits nodes in: on a seed change a quarter of the pairs of comments could change group, and staff edits
 * rely on topics staying put. Here `runs` orders are each clustered; every edge of the graph is then weighted
 * by its share of runs that put both ends together (edges no run keeps together go), and the runs start again
 * on that graph until they all agree or `rounds` are spent. What most orders agree on is kept; what depends on
 * the order melts away.
 */
export const CONSENSUS_RUNS = 8;
export const CONSENSUS_ROUNDS = 4;

export function consensusLouvain(graph: WeightedGraph, random: Random, runs = CONSENSUS_RUNS, rounds = CONSENSUS_ROUNDS): Int32Array {
  let current = graph;
  let partitions = Array.from({ length: runs }, () => louvain(current, random));
  for (let round = 0; round < rounds && !allAgree(partitions); round++) {
    current = agreementGraph(graph, partitions);
    partitions = Array.from({ length: runs }, () => louvain(current, random));
  }
  return partitions[0];
}

function allAgree(partitions: Int32Array[]): boolean {
  // louvain numbers communities by first appearance, so equal partitions are equal arrays
  return partitions.every((p) => p.every((c, i) => c === partitions[0][i]));
}

/** The graph's edges weighted by the share of partitions that put both ends in one community. */
function agreementGraph(graph: WeightedGraph, partitions: Int32Array[]): WeightedGraph {
  const keep: number[] = [];
  const weights: number[] = [];
  const indptr = new Int32Array(graph.n + 1);
  for (let i = 0; i < graph.n; i++) {
    for (let p = graph.indptr[i]; p < graph.indptr[i + 1]; p++) {
      const j = graph.neighbours[p];
      let together = 0;
      for (const part of partitions) if (part[i] === part[j]) together++;
      if (together === 0) continue;
      keep.push(j);
      weights.push((graph.weights[p] * together) / partitions.length);
    }
    indptr[i + 1] = keep.length;
  }
  return { n: graph.n, indptr, neighbours: Int32Array.from(keep), weights: Float64Array.from(weights) };
}
