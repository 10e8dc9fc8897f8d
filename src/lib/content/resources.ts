/**
 * Learning resources in the one order every page shows them: official docs and specs first, then the kinds in
 * the order RESOURCE_TYPES declares (src/schemas/shared.ts). Stable: same-kind resources keep authoring order.
 */
import { RESOURCE_TYPES } from '../../schemas/shared.ts';

type ResourceType = (typeof RESOURCE_TYPES)[number];

export const rankResources = <R extends { type: ResourceType }>(resources: readonly R[]): R[] =>
  [...resources].sort((a, b) => RESOURCE_TYPES.indexOf(a.type) - RESOURCE_TYPES.indexOf(b.type));
