/** Draws per block: the unit of work, of random streams, of Latin Hypercube strata and of Iman–Conover. */
export const BLOCK_SIZE = 4096;

/** One block of draws. */
export interface Block {
  readonly index: number;
  /** Index of the block's first draw in the run. */
  readonly start: number;
  readonly n: number;
}

/**
 * Splits a run into fixed blocks. The split depends only on the number of draws, never on the number of
 * threads, so every block (and the run) gives the same numbers however the blocks are shared out.
 * Blocks hold `blockSize` draws; the remainder joins the last block (so no block is tiny).
 *
 * @param draws - total draws, ≥ 1.
 * @param blockSize - draws per block (default {@link BLOCK_SIZE}).
 * @returns the blocks in order.
 * @example splitBlocks(10000, 4096) // [{ index: 0, start: 0, n: 4096 }, { index: 1, start: 4096, n: 5904 }]
 */
export function splitBlocks(draws: number, blockSize = BLOCK_SIZE): Block[] {
  const count = Math.max(1, Math.floor(draws / blockSize));
  return Array.from({ length: count }, (_, index) => ({
    index,
    start: index * blockSize,
    n: index === count - 1 ? draws - index * blockSize : blockSize,
  }));
}
