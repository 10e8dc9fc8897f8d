import { describe, expect, it } from 'vitest';
import { SITE_NAME, TITLE_SUFFIX, withoutSiteName } from '../../../src/lib/site/site.ts';
import { entryUrl, SECTION_LABEL, sectionLink } from '../../../src/lib/site/urls.ts';

describe('site constants', () => {
  it('takes the site name off a tab title, and only at its end', () => {
    expect(TITLE_SUFFIX).toBe(' · Backend Atlas');
    expect(withoutSiteName(`JWT${TITLE_SUFFIX}`)).toBe('JWT');
    expect(withoutSiteName(`${SITE_NAME}: Learn backend engineering`)).toBe('Backend Atlas: Learn backend engineering');
    expect(withoutSiteName('Plain title')).toBe('Plain title');
  });

  it('links each collection index under its section name', () => {
    expect(sectionLink('comparisons')).toEqual({ href: '/compare/', label: 'Compare' });
    expect(sectionLink('topics')).toEqual({ href: entryUrl('topics'), label: SECTION_LABEL.topics });
  });
});
