/**
 * A learner's roadmap as a link: "/roadmaps/custom/#roadmap=1.<crc32 hex>.<data>" — the roadmap as compact JSON
 * (topics as "id", "?id" when optional, "id|group" for a pick-one alternative; own links as [title, url, note]),
 * deflated, checksummed and base64url-encoded (link-pack.ts). The fragment never reaches a server. Decoding never
 * throws: a truncated, damaged, oversized or hostile link gets a reason and nothing else happens.
 */
import { packLink, unpackLink } from '../progress/link-pack.ts';
import { CUSTOM_ROADMAP_PATH, ROADMAP_PREFIX } from './ids.ts';
import { type Checked, type CustomItem, type CustomRoadmap, toCustomRoadmap } from './model.ts';

/** Links longer than this are cut or refused by common chat apps and mail clients: the page warns and offers a file. */
export const CHAT_LINK_LIMIT = 2000;
/** Longest code read: far beyond any roadmap within LIMITS. */
const MAX_CODE = 200_000;
const MAX_UNPACKED = 400_000;

type Compact = { i: string; t: string; s?: string; g: [string, ...(string | [string, string, string])[]][] };

const topicCode = (item: Extract<CustomItem, { kind: 'topic' }>) =>
  `${item.optional ? '?' : ''}${item.id}${item.alternative ? `|${item.alternative}` : ''}`;
const TOPIC_CODE = /^(\?)?([^|?]+)(?:\|(.+))?$/;

function toCompact(roadmap: CustomRoadmap): Compact {
  return {
    i: roadmap.id,
    t: roadmap.title,
    ...(roadmap.summary ? { s: roadmap.summary } : {}),
    g: roadmap.stages.map((stage) => [
      stage.title,
      ...stage.items.map((item) =>
        item.kind === 'topic' ? topicCode(item) : ([item.title, item.url, item.note] as [string, string, string]),
      ),
    ]),
  };
}

/** Array.isArray, narrowing to unknown[] rather than any[]: each element is still to be checked. */
const isList = (value: unknown): value is unknown[] => Array.isArray(value);

/** The compact form back to a roadmap shape, for toCustomRoadmap to validate; junk in, junk out, no throw. */
function fromCompact(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { i, t, s, g } = value as Record<string, unknown>;
  if (!isList(g)) return { id: i, title: t, summary: s };
  const stages = g.map((stage) => {
    if (!isList(stage)) return {};
    const items = stage.slice(1).map((code) => {
      if (typeof code === 'string') {
        const m = TOPIC_CODE.exec(code);
        return m ? { kind: 'topic', id: m[2], optional: !!m[1], alternative: m[3] } : {};
      }
      return isList(code) ? { kind: 'link', title: code[0], url: code[1], note: code[2] } : {};
    });
    return { title: stage[0], items };
  });
  return { id: i, title: t, summary: s ?? '', stages };
}

/** The code after "#roadmap=". */
export const encodeRoadmap = (roadmap: CustomRoadmap): Promise<string> => packLink(JSON.stringify(toCompact(roadmap)));

export const roadmapLink = async (origin: string, roadmap: CustomRoadmap) =>
  `${origin}${CUSTOM_ROADMAP_PATH}${ROADMAP_PREFIX}${await encodeRoadmap(roadmap)}`;

/** Reads a roadmap code, checking every layer before trusting the next. */
export async function decodeRoadmap(code: unknown): Promise<Checked<CustomRoadmap>> {
  const unpacked = await unpackLink(code, { maxCode: MAX_CODE, maxUnpacked: MAX_UNPACKED });
  if (!unpacked.ok) return unpacked;
  const roadmap = toCustomRoadmap(fromCompact(unpacked.value));
  return roadmap.ok ? roadmap : { ok: false, reason: `the roadmap in it is unusable: ${roadmap.reason}` };
}

/** The code in a fragment ("#roadmap=…"), percent-decoded if a chat app escaped it; undefined when there is none. */
export function codeFromHash(hash: string): string | undefined {
  if (!hash.startsWith(ROADMAP_PREFIX)) return undefined;
  const code = hash.slice(ROADMAP_PREFIX.length);
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

/** "Download as file": the roadmap as a JSON file a learner can send where a link is too long. */
export const ROADMAP_FILE_KIND = 'backend-atlas-roadmap';
export const toRoadmapFile = (roadmap: CustomRoadmap): string =>
  `${JSON.stringify({ kind: ROADMAP_FILE_KIND, version: 1, roadmap }, null, 2)}\n`;

/** Reads a roadmap file; never throws. */
export function parseRoadmapFile(text: string): Checked<CustomRoadmap> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not valid JSON' };
  }
  const { kind, version, roadmap } = (value ?? {}) as Record<string, unknown>;
  if (kind !== ROADMAP_FILE_KIND) return { ok: false, reason: 'the file is not a Backend Atlas roadmap' };
  if (version !== 1) return { ok: false, reason: 'the file was made by another version of the site' };
  const checked = toCustomRoadmap(roadmap);
  return checked.ok ? checked : { ok: false, reason: `the roadmap in it is unusable: ${checked.reason}` };
}
