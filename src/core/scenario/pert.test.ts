import { describe, expect, it } from "vitest";
import { pertShape } from "./pert.js";

describe("pertShape(min, mode, max, lambda)", () => {
  it("pertShape: α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min)", () => {
    // (0, 1, 4): α = 1 + 4·1/4 = 2, β = 1 + 4·3/4 = 4, mean = (0 + 4·1 + 4)/6 = 4/3
    expect(pertShape(0, 1, 4)).toEqual({ alpha: 2, beta: 4, mean: 4 / 3 });
    // Symmetric (90, 100, 110): α = β = 3, mean = 100
    expect(pertShape(90, 100, 110)).toEqual({ alpha: 3, beta: 3, mean: 100 });
    // λ = 2 flattens: (0, 5, 10) → α = β = 2
    expect(pertShape(0, 5, 10, 2)).toMatchObject({ alpha: 2, beta: 2 });
  });
});
