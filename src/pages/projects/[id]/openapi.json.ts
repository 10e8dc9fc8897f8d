/**
 * /projects/<id>/openapi.json: a project's contract as an OpenAPI 3.1 document, for the learner's own tools
 * (Swagger UI, Postman, a client generator). Only projects with a contract have one.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProjects } from '../../../lib/content/content.ts';
import { projectContract } from '../../../lib/content/project-contracts.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const projects = await getProjects();
  const found = await Promise.all(projects.map(async (p) => ({ id: p.id, contract: await projectContract(p.id) })));
  return found.flatMap(({ id, contract }) =>
    contract ? [{ params: { id }, props: { openapi: contract.openapi } }] : [],
  );
};

export const GET: APIRoute = ({ props }) =>
  new Response(`${JSON.stringify((props as { openapi: unknown }).openapi, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
