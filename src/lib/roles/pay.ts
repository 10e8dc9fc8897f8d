/**
 * A role's pay as the pages draw it: a range (with its median when known) or the median alone, where that is all
 * the occupation's published figures confirm. Roles without a figure have no pay band.
 */
import type { Salary } from '../../schemas/role.ts';

export interface PayBand {
  /** Lower end, or the median when only the median is known. */
  low: number;
  /** Upper end, or the median when only the median is known. */
  high: number;
  /** False when the figure is the median alone. */
  range: boolean;
}

export const payBand = (salary: Salary): PayBand =>
  salary.min !== undefined && salary.max !== undefined
    ? { low: salary.min, high: salary.max, range: true }
    : { low: salary.median!, high: salary.median!, range: false };

/** "$103,050–$211,450", or "median $133,080". */
export function payText(salary: Salary, money: (n: number) => string): string {
  const band = payBand(salary);
  return band.range ? `${money(band.low)}–${money(band.high)}` : `median ${money(band.low)}`;
}
