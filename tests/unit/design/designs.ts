/** Designs the design simulator's tests share. */
import { parseDesign, type Design } from '../../../src/lib/labs/design/index.ts';

/** A design read from its text; throws with the errors when it has any. */
export const designOf = (text: string): Design => {
  const { design, errors } = parseDesign(text);
  if (!design) throw new Error(errors.map((error) => error.message).join('\n'));
  return design;
};

/** A small design through a service, a cache and a database. */
export const SMALL = `traffic users
  rate 500 req/s
  reads 80 %
  keys 10k
  skew 0.9
service api
  instances 2
  concurrency 16
  time 3 ms
cache redis
  size 2 MB
database db
  pool 20
users calls api
api calls redis for reads
api calls db for writes
redis calls db
`;
