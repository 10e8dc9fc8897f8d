/**
 * The lab a learner is offered after passing one: the next lab they can write in the language they wrote this one in
 * (lab-facets.ts: an API lab takes JavaScript, TypeScript and, when it has a Python version, Python), of the same home
 * topic (its first topic) first; where no later lab takes that language, the next lab of the same home topic, else
 * the next of the whole list. Pure; `labs` comes in the order every list of labs uses (getLabs: easiest first, then
 * by title, the order of /practice/).
 */
import { type FacetFields, labLanguages } from '../labs/shared/lab-facets.ts';
import type { LabLanguage } from '../labs/shared/lab-spec.ts';

export interface OrderedLab {
  id: string;
  data: FacetFields & { topics: readonly { id: string }[] };
}

/** The lab after `id` for a learner writing in `language` (the lab's own when not given), or undefined after the last lab. */
export function nextLab<T extends OrderedLab>(labs: readonly T[], id: string, language?: LabLanguage): T | undefined {
  const at = labs.findIndex((lab) => lab.id === id);
  if (at < 0) return undefined;
  const home = labs[at]!.data.topics[0]?.id;
  const written = language ?? labs[at]!.data.language;
  const later = labs.slice(at + 1);
  const inHome = (lab: T) => lab.data.topics[0]?.id === home;
  const takes = (lab: T) => labLanguages(lab.data).includes(written);
  return later.find((lab) => takes(lab) && inHome(lab)) ?? later.find(takes) ?? later.find(inHome) ?? later[0];
}

/** A next lab, the languages that lead to it, and the language to open it in where that is not its first. */
export interface NextLab<T> {
  lab: T;
  languages: LabLanguage[];
  /** The learner's language, for a lab that takes several and would open in another (an API lab, in JavaScript). */
  opensIn?: LabLanguage | undefined;
}

/** The next lab for each language the lab takes, one entry per distinct lab with the languages that lead to it. */
export function nextLabs<T extends OrderedLab>(labs: readonly T[], id: string): NextLab<T>[] {
  const self = labs.find((lab) => lab.id === id);
  if (!self) return [];
  const found: NextLab<T>[] = [];
  for (const language of labLanguages(self.data)) {
    const next = nextLab(labs, id, language);
    if (!next) continue;
    const same = found.find((f) => f.lab.id === next.id);
    if (same) same.languages.push(language);
    else found.push({ lab: next, languages: [language] });
  }
  for (const next of found) {
    const own = labLanguages(next.lab.data);
    const language = next.languages[0]!;
    if (own.length > 1 && own[0] !== language && own.includes(language)) next.opensIn = language;
  }
  return found;
}
