/** fast-check as a script for the code engine, from the Vite plugin in src/lib/labs-node/fast-check-script.ts. */
declare module 'virtual:atlas-fast-check' {
  const script: string;
  export default script;
}

/** The URL of the empty PGlite cluster the build made, from the Vite plugin in src/lib/labs-node/empty-cluster.ts. */
declare module 'virtual:atlas-empty-cluster' {
  const url: string;
  export default url;
}
