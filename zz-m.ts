import { measurePage, MAIN_ROADMAP } from './src/dev/page-weight.ts';
const m = measurePage(process.argv[2] ?? 'dist', MAIN_ROADMAP);
console.log(m.total, m.html, m.css, m.js);
