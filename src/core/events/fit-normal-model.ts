import { fitMarketAdjusted, fitMeanAdjusted } from "./fit-adjusted-models.js";
import { fitMarketModel } from "./fit-market-model.js";
import type { Moments } from "./moments.js";
import type { NormalFit, NormalModel } from "./normal-model.js";

/**
 * Fits the chosen normal-return model to the estimation window's moments.
 * @returns the fit, or `undefined` when there are too few days or (market model) the benchmark is constant
 * @example fitNormalModel("market", estimationMoments)?.beta
 */
export function fitNormalModel(model: NormalModel, est: Moments): NormalFit | undefined {
  switch (model) {
    case "market":
      return fitMarketModel(est);
    case "market-adjusted":
      return fitMarketAdjusted(est);
    case "mean-adjusted":
      return fitMeanAdjusted(est);
  }
}
