import type { Random } from "./prng";
import type { SparseRows } from "./tfidf";

/**
 * Truncated SVD by randomised range finding (Halko, Martinsson & Tropp 2011): a few passes over the sparse
 * matrix and a small dense eigenproblem instead of a full decomposition, so latent semantic analysis of tens of
 * thousands of comments takes well under a second.
 */
export interface Projection {
  dims: number;
  /** nCols × dims, row-major: the top right singular vectors */
  basis: Float32Array;
  /** the matching singular values, largest first */
  values: Float32Array;
}

export function truncatedSvd(x: SparseRows, dims: number, random: Random, powerIterations = 1): Projection {
  const k = Math.max(1, Math.min(dims, x.nRows - 1, x.nCols - 1));
  const l = Math.min(k + 10, x.nRows, x.nCols);
  const omega = new Float64Array(x.nCols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = random() * 2 - 1;
  const xt = transpose(x);
  let q = orthonormalize(multiply(x, omega, l), x.nRows, l);
  for (let it = 0; it < powerIterations; it++) {
    const z = orthonormalize(multiplyTransposed(xt, q, l), x.nCols, l);
    q = orthonormalize(multiply(x, columnToRowMajor(z, x.nCols, l), l), x.nRows, l);
  }
  const b = multiplyTransposed(xt, q, l); // Bᵀ, column-major nCols × l
  const gram = new Float64Array(l * l);
  for (let i = 0; i < l; i++) {
    for (let j = i; j < l; j++) {
      let s = 0;
      for (let c = 0; c < x.nCols; c++) s += b[i * x.nCols + c] * b[j * x.nCols + c];
      gram[i * l + j] = s;
      gram[j * l + i] = s;
    }
  }
  const { values, vectors } = jacobiEigen(gram, l);
  const order = Array.from({ length: l }, (_, i) => i).sort((a, b2) => values[b2] - values[a] || a - b2);
  // Vᵀ row by row (contiguous), then transposed into the nCols × k layout projection wants.
  const vt = new Float64Array(k * x.nCols);
  const singular = new Float32Array(k);
  for (let j = 0; j < k; j++) {
    const e = order[j];
    const sigma = Math.sqrt(Math.max(values[e], 1e-12));
    singular[j] = sigma;
    const row = j * x.nCols;
    for (let i = 0; i < l; i++) {
      const coef = vectors[i * l + e] / sigma;
      if (coef === 0) continue;
      const bi = i * x.nCols;
      for (let c = 0; c < x.nCols; c++) vt[row + c] += coef * b[bi + c];
    }
  }
  const basis = new Float32Array(x.nCols * k);
  for (let j = 0; j < k; j++) for (let c = 0; c < x.nCols; c++) basis[c * k + j] = vt[j * x.nCols + c];
  return { dims: k, basis, values: singular };
}

/**
 * X · M where M is nCols × l row-major; result column-major nRows × l. Four stored entries of a row at a time:
 * the inner loop then reads four rows of M per write of the accumulator, which is what bounds its speed
 * (about 2.5 times the plain loop on V8).
 */
function multiply(x: SparseRows, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.nRows * l);
  const acc = new Float64Array(l);
  const { indptr, indices, values } = x;
  for (let r = 0; r < x.nRows; r++) {
    acc.fill(0);
    let p = indptr[r];
    const end = indptr[r + 1];
    for (; p + 3 < end; p += 4) {
      const v0 = values[p];
      const v1 = values[p + 1];
      const v2 = values[p + 2];
      const v3 = values[p + 3];
      const b0 = indices[p] * l;
      const b1 = indices[p + 1] * l;
      const b2 = indices[p + 2] * l;
      const b3 = indices[p + 3] * l;
      for (let j = 0; j < l; j++) acc[j] += v0 * m[b0 + j] + v1 * m[b1 + j] + v2 * m[b2 + j] + v3 * m[b3 + j];
    }
    for (; p < end; p++) {
      const v = values[p];
      const base = indices[p] * l;
      for (let j = 0; j < l; j++) acc[j] += v * m[base + j];
    }
    for (let j = 0; j < l; j++) out[j * x.nRows + r] = acc[j];
  }
  return out;
}

/** Xᵀ · Q where Q is column-major nRows × l; result column-major nCols × l (xt is X transposed). */
function multiplyTransposed(xt: SparseRows, q: Float64Array, l: number): Float64Array {
  return multiply(xt, columnToRowMajor(q, xt.nCols, l), l);
}

/** The same matrix in compressed rows of its columns. */
function transpose(x: SparseRows): SparseRows {
  const indptr = new Int32Array(x.nCols + 1);
  for (let p = 0; p < x.indptr[x.nRows]; p++) indptr[x.indices[p] + 1]++;
  for (let c = 0; c < x.nCols; c++) indptr[c + 1] += indptr[c];
  const next = indptr.slice(0, x.nCols);
  const indices = new Int32Array(x.indptr[x.nRows]);
  const values = new Float32Array(x.indptr[x.nRows]);
  for (let r = 0; r < x.nRows; r++) {
    for (let p = x.indptr[r]; p < x.indptr[r + 1]; p++) {
      const at = next[x.indices[p]]++;
      indices[at] = r;
      values[at] = x.values[p];
    }
  }
  return { nRows: x.nCols, nCols: x.nRows, indptr, indices, values };
}

function columnToRowMajor(m: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) for (let r = 0; r < rows; r++) out[r * cols + j] = m[j * rows + r];
  return out;
}

/**
 * Modified Gram–Schmidt on the columns of a column-major matrix, in place. Each pass over column j takes out one
 * earlier column and, from the values just updated, sums the product with the next one (or, last, the squared
 * length): the same operations in the same order as one pass per step, in half the passes.
 */
export function orthonormalize(m: Float64Array, rows: number, cols: number): Float64Array {
  for (let j = 0; j < cols; j++) {
    const cj = j * rows;
    let norm = 0;
    if (j === 0) {
      for (let r = 0; r < rows; r++) norm += m[cj + r] * m[cj + r];
    } else {
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += m[r] * m[cj + r];
      for (let i = 0; i < j; i++) {
        const ci = i * rows;
        let next = 0;
        if (i + 1 < j) {
          const cn = ci + rows;
          for (let r = 0; r < rows; r++) {
            const v = m[cj + r] - dot * m[ci + r];
            m[cj + r] = v;
            next += m[cn + r] * v;
          }
        } else {
          for (let r = 0; r < rows; r++) {
            const v = m[cj + r] - dot * m[ci + r];
            m[cj + r] = v;
            next += v * v;
          }
        }
        if (i + 1 < j) dot = next;
        else norm = next;
      }
    }
    norm = Math.sqrt(norm);
    const scale = norm > 1e-12 ? 1 / norm : 0;
    for (let r = 0; r < rows; r++) m[cj + r] *= scale;
  }
  return m;
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations; vectors are columns. */
function jacobiEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  return { values, vectors: v };
}
