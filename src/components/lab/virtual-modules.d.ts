/** fast-check as a script for the code engine, from the Vite plugin in src/lib/labs-node/engine-scripts.ts. */
declare module 'virtual:atlas-fast-check' {
  const script: string;
  export default script;
}

/** The code engine's harness and lockdown scripts, bundled from src/lib/labs/engine/ by the same plugin. */
declare module 'virtual:atlas-code-engine' {
  const scripts: import('../../lib/labs/code/code-lab.ts').CodeEngineScripts;
  export default scripts;
}

/** The API engine's script (Web and Fetch APIs, the sandbox), bundled from src/lib/labs/engine/ by the same plugin. */
declare module 'virtual:atlas-api-engine' {
  const script: string;
  export default script;
}

/** Where the build put Pyodide's files, and its lock file's info, from the Vite plugin in src/lib/labs-node/python-files.ts. */
declare module 'virtual:atlas-pyodide' {
  export const indexURL: string;
  export const lockInfo: object;
  /** The interpreter's files (runtime, WebAssembly, standard library) with their sizes in bytes. */
  export const files: { url: string; bytes: number }[];
}

/** A file's text, bundled by Vite (the Python labs' harness). */
declare module '*.py?raw' {
  const text: string;
  export default text;
}

/** The SQL and API engines' files, each a URL and a size, from the Vite plugin in src/lib/labs-node/engine-files.ts. */
declare module 'virtual:atlas-engine-files' {
  interface EngineFile {
    url: string;
    bytes: number;
    /** A gzipped file's: the size of what it holds. */
    unpacked?: number;
  }
  export const wasm: EngineFile;
  export const bundle: EngineFile;
  export const cluster: EngineFile;
}
