/**
 * The registry of lab kinds, one line each. Adding a kind is a folder beside these (its spec implementing
 * LabKindDefinition, shared/lab-kind.ts, and its server) and one line here. The registry reads each kind's spec file
 * and nothing else of it (the one way into a kind besides its index.ts), so a page that only needs to know a lab's kind
 * loads no runner.
 */
import { apiKind, type ApiFields, type ApiLabSpec, type ApiRuntime } from './api/api-spec.ts';
import { codeKind, type CodeFields, type CodeLabSpec } from './code/code-spec.ts';
import { designKind, type DesignFields, type DesignLabSpec } from './design/design-spec.ts';
import {
  pythonDbKind,
  pythonKind,
  type PythonDbLabSpec,
  type PythonFields,
  type PythonLabSpec,
} from './python/python-spec.ts';
import type { AnyLabSpec, KindName, LabKindDefinition } from './shared/lab-kind.ts';
import type { LabLanguage } from './shared/lab-spec.ts';
import { sqlKind, type SqlFields, type SqlLabSpec } from './sql/sql-spec.ts';

export type LabSpec = SqlLabSpec | CodeLabSpec | ApiLabSpec | PythonLabSpec | PythonDbLabSpec | DesignLabSpec;

/** The fields of a lab entry the runners use (a parsed entry of the labs collection has them all). */
export type LabFields = { language: LabLanguage } & SqlFields & DesignFields & CodeFields & ApiFields & PythonFields;

/** Every kind. The first that takes an entry is its kind: the Python database lab before Python's. */
const LAB_KIND_REGISTRY = [sqlKind, codeKind, apiKind, pythonDbKind, pythonKind, designKind] as const;

type AnyKind = LabKindDefinition<LabSpec, LabFields>;
const kinds = LAB_KIND_REGISTRY as readonly unknown[] as readonly AnyKind[];

/** The kind of a spec an engine was sent. */
export function kindOf(spec: AnyLabSpec): AnyKind {
  const kind = kinds.find((candidate) => candidate.owns(spec));
  if (kind === undefined) throw new Error(`lab "${spec.id}": no kind of lab runs "${spec.language}"`);
  return kind;
}

/** The engine a lab entry runs on, named as its kind is: `data-engine` on its page, the offline lists' key. */
export function labEngine(language: LabLanguage, setup?: string): KindName {
  const kind = kinds.find((candidate) => candidate.takes({ language, setup }));
  if (kind === undefined) throw new Error(`no kind of lab runs "${language}"`);
  return kind.name;
}

/**
 * A lab entry as the runners take it. The schema guarantees an SQL lab has setup and checks, a code lab tests. An API
 * lab's handler runs in JavaScript unless `runtime` says Python.
 */
export function toLabSpec(id: string, lab: LabFields, runtime: ApiRuntime = 'javascript'): LabSpec {
  const kind = kinds.find((candidate) => candidate.takes(lab));
  if (kind === undefined) throw new Error(`${id}: no kind of lab runs "${lab.language}"`);
  return kind.toSpec(id, lab, runtime);
}
