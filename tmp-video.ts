import { readContentDir } from './src/lib/content/content-files.ts';
import { runScenario } from './src/lib/labs/design-grade.ts';
import { parseDesign } from './src/lib/design/index.ts';
const lab = readContentDir().find((e) => e.id === 'design-video-streaming')!.data as any;
const extra = process.argv[2] ? JSON.parse(process.argv[2]) : [];
for (const s of [...(extra.length ? [] : lab.scenarios.filter((s: any) => s.id === 'transcoding')), ...extra]) {
  for (const w of [4, 8, 10, 12, 14, 16, 18, 20, 22, 24]) {
    const { design } = parseDesign(lab.solution.replace('workers 24', `workers ${w}`));
    const o = runScenario(design!, s);
    const q = o.rows.filter((r, i) => i % 10 === 9).map((r) => r.queue).join(','); const t0 = performance.now();
    console.log(s.id, w, o.passed ? 'pass' : 'FAIL', o.failures.join(';'), '| queue', q);
  }
}
