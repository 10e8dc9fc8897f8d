import { describe, expect, it } from 'vitest';
import { chooseWalk, roadmapFromPath, walkAt, type WalkRoadmap } from '../../../src/lib/roadmap/roadmap-walk.ts';

const roadmap: WalkRoadmap = {
  id: 'backend',
  title: 'Backend',
  stages: [
    {
      id: 's1',
      title: 'Web',
      topics: [
        { id: 'http', optional: false },
        { id: 'dns', optional: true },
      ],
    },
    {
      id: 's2',
      title: 'Language',
      topics: [
        { id: 'node', optional: false, alternative: 'lang' },
        { id: 'sql', optional: false },
        { id: 'go', optional: false, alternative: 'lang' },
      ],
    },
  ],
};
const title = (id: string) => id.toUpperCase();

describe('walking a roadmap', () => {
  it('goes from stage to stage in reading order, alternatives together', () => {
    expect(walkAt(roadmap, 'dns', title)).toEqual({
      roadmap: 'backend',
      roadmapTitle: 'Backend',
      position: 2,
      total: 5,
      stage: { id: 's1', title: 'Web', number: 1 },
      prev: { id: 'http', title: 'HTTP' },
      next: { id: 'node', title: 'NODE' },
    });
    expect(walkAt(roadmap, 'go', title)?.next).toEqual({ id: 'sql', title: 'SQL' });
    expect(walkAt(roadmap, 'http', title)?.prev).toBeUndefined();
    expect(walkAt(roadmap, 'sql', title)?.next).toBeUndefined();
    expect(walkAt(roadmap, 'kafka', title)).toBeUndefined();
  });

  it('prefers the roadmap the learner came from, then the one last followed, then the primary', () => {
    const walks = [{ roadmap: 'backend' }, { roadmap: 'go' }, { roadmap: 'databases' }];
    expect(chooseWalk(walks, ['go', 'databases'])?.roadmap).toBe('go');
    expect(chooseWalk(walks, [undefined, 'databases'])?.roadmap).toBe('databases');
    expect(chooseWalk(walks, ['python', null])?.roadmap).toBe('backend');
    expect(chooseWalk([], ['go'])).toBeUndefined();
  });

  it('reads the roadmap from a roadmap page path only', () => {
    expect(roadmapFromPath('/roadmaps/go/')).toBe('go');
    expect(roadmapFromPath('/topics/go/')).toBeUndefined();
    expect(roadmapFromPath(undefined)).toBeUndefined();
  });
});
