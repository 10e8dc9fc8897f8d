import { describe, expect, it } from 'vitest';
import { cardMarkdown, progressCardSvg } from '../../../src/lib/progress/progress-card.ts';

describe('the progress card', () => {
  const svg = progressCardSvg({ roadmap: 'Backend Developer', finished: 26, total: 104, day: '23 November 2026' });

  it('says the roadmap, the finished count, the share and the day, in words a screen reader reads too', () => {
    expect(svg).toContain('>Backend Developer</text>');
    expect(svg).toContain('26 of 104 required topics finished · 25%');
    expect(svg).toContain(
      'aria-label="Backend Developer roadmap: 26 of 104 required topics finished (25%), 23 November 2026"',
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img"/);
  });

  it('fetches nothing and carries no style attribute, script or link', () => {
    expect(svg).not.toMatch(/<(image|script|a|foreignObject|style)\b|href=|style=|url\(/);
  });

  it('escapes the title, bounds the bar and cuts a long title', () => {
    const odd = progressCardSvg({ roadmap: 'C# & .NET <"fast">', finished: 12, total: 10, day: '1 May 2026' });
    expect(odd).toContain('C# &amp; .NET &lt;&quot;fast&quot;&gt;');
    expect(odd).not.toContain('<"fast">');
    expect(odd).toContain('width="576" height="14" rx="7" fill="#1d7a3c"');
    expect(progressCardSvg({ roadmap: 'x'.repeat(60), finished: 0, total: 0, day: 'today' })).toContain(
      `${'x'.repeat(37)}…`,
    );
  });

  it('gives Markdown that shows the local file and links to the roadmap', () => {
    expect(cardMarkdown('Go', 'go', 'go-progress.svg', 'https://backend-atlas.dev')).toBe(
      '[![Go roadmap progress](go-progress.svg)](https://backend-atlas.dev/roadmaps/go/)',
    );
  });
});
