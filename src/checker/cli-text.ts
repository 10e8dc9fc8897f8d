/** The checker's help and its list of projects and checks, as the learner reads them in a terminal. */
import type { Contract } from '../lib/project-check/contract.ts';
import { operations } from '../lib/project-check/openapi.ts';
import { CHECKER_VERSION } from '../lib/project-check/result-link.ts';

export function helpText(contracts: readonly Contract[]): string {
  return `Backend Atlas project checker ${CHECKER_VERSION}: checks your own server, in any language, against a project's contract.

Usage:
  node atlas-check.mjs <project> [--base http://127.0.0.1:8080] [options]

Start your server first, on a port of your choice, then name the project and where your server listens.

Options:
  --base URL        where your server listens (default http://127.0.0.1:8080)
  --milestone N     run only milestone N's checks
  --list            list the projects; with a project, its milestones and checks
  --json            print the results as JSON on stdout (progress goes to stderr)
  --timeout S       seconds each request may take, its whole answer read (default 5)
  --allow-remote    allow a --base that is not this machine (your own staging server)
  --upstream-port N where the checker plays the third-party service a project calls, if it calls one (default
                    8091); start your server pointed at it, as the project page says
  --version, --help

The checker talks only to this machine unless you pass --allow-remote, sends nothing anywhere but --base, follows no
redirect, and stops a request after --timeout seconds. Some checks ask you to restart your server and press Enter.
Exit code: 0 when every check passed, 1 when one failed or your server could not be reached, 2 for a usage mistake.

Projects: ${contracts.map((c) => c.project).join(', ')}`;
}

export function listText(contracts: readonly Contract[], contract: Contract | undefined): string {
  if (!contract)
    return contracts
      .map(
        (c) =>
          `${c.project.padEnd(30)} ${c.milestones.reduce((n, m) => n + m.checks.length, 0)} checks  ${c.openapi.info.title}`,
      )
      .join('\n');
  const routes = operations(contract.openapi).map(
    (o) => `  ${o.method.padEnd(6)} ${o.template}  ${o.operation.summary ?? ''}`,
  );
  const milestones = contract.milestones.flatMap((m, i) => [
    `${i + 1}. ${m.title}`,
    ...m.checks.map((c, j) => `   ${i + 1}.${j + 1} ${c.name}`),
    ...(m.unchecked ? [`   (not checked over HTTP: ${m.unchecked})`] : []),
  ]);
  const upstream = contract.upstream
    ? [
        '',
        `It calls ${contract.upstream.description}: the checker plays it; start your server with ${contract.upstream.env} set to the URL the checker prints.`,
      ]
    : [];
  return [
    `${contract.openapi.info.title} (${contract.project})`,
    ...upstream,
    '',
    'Routes:',
    ...routes,
    '',
    'Milestones and checks:',
    ...milestones,
  ].join('\n');
}
